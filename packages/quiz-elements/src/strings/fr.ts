import type { Strings } from './en.ts';

/** French: plain, everyday wording, "vous" form. */
export const fr: Strings = {
  checkAnswer: 'Vérifier la réponse',
  chooseFirst: 'Choisissez d’abord une réponse.',
  correct: 'Bonne réponse.',
  incorrect: 'Pas tout à fait.',
  rightAnswerIs: 'La bonne réponse :',
  rightAnswer: 'bonne réponse',
  yourChoice: 'votre choix',
  hint: 'Indice',
  next: 'Suivant',
  previous: 'Précédent',
  finish: 'Terminer',
  pageOf: (n, total) => `Page ${n} sur ${total}`,
  courseNavigation: 'Navigation du cours',
  progress: 'Progression',
  resultsHeading: 'Votre résultat',
  score: (percent) => `Votre score : ${percent} %.`,
  passed: 'Vous avez réussi.',
  failed: 'Vous n’avez pas atteint la note de réussite cette fois-ci.',
  passMark: (percent) => `La note de réussite est de ${percent} %.`,
  unanswered: (count) =>
    count === 1
      ? '1 question est restée sans réponse.'
      : `${count} questions sont restées sans réponse.`,
  completed: 'Vous avez terminé ce cours.',
  contents: 'Sommaire',
  currentPage: 'vous êtes ici',
  seenPage: 'vue',
  aboutThisCourse: 'À propos de ce cours',
  backToCourse: 'Retour au cours',
};
