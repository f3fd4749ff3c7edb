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
  moduleResults: 'Module par module',
  noScoredQuestions: 'aucune question notée',
  passedShort: 'réussi',
  notYetPassed: 'pas encore réussi',
  pagesSeen: (n: number, total: number) => `${n} pages vues sur ${total}`,
  revisitHeading: 'À revoir',
  revisitNothing: 'Rien : vous avez vu toutes les pages et bien répondu à toutes les questions.',
  nextHeading: 'Et maintenant',
  certificateHeading: 'Attestation de réussite',
  certifies: 'Nous attestons que',
  hasCompleted: 'a suivi le cours',
  onDate: (date: string) => `le ${date}.`,
  verification: (id: string, version: string, code: string) =>
    `Cours ${id}, version ${version}, code de contrôle ${code}`,
  printCertificate: 'Imprimer ou enregistrer l’attestation',
  yourName: 'Votre nom, tel qu’il doit figurer sur l’attestation',
  certificateNotYet:
    'Voyez toutes les pages et atteignez la note de réussite pour obtenir une attestation.',
  contents: 'Sommaire',
  currentPage: 'vous êtes ici',
  seenPage: 'vue',
  aboutThisCourse: 'À propos de ce cours',
  printCourse: 'Imprimer ce cours',
  backToCourse: 'Retour au cours',
  // Question elements.
  tryAgain: 'Réessayer',
  triesLeft: (count) => (count === 1 ? 'Il vous reste 1 essai.' : `Il vous reste ${count} essais.`),
  answerEveryPart: 'Répondez d’abord à chaque partie.',
  typeFirst: 'Écrivez d’abord une réponse.',
  submit: 'Envoyer',
  save: 'Enregistrer',
  yourAnswer: 'Votre réponse',
  trueLabel: 'Vrai',
  falseLabel: 'Faux',
  choosePlaceholder: 'Choisir…',
  completeSentence: 'Choisissez les mots qui manquent.',
  blankOf: (n, total) => `Trou ${n} sur ${total}`,
  moveUp: 'Monter',
  moveDown: 'Descendre',
  movedTo: (item, n, total) => `${item} : position ${n} sur ${total}.`,
  rightPlace: 'bonne place',
  wrongPlace: 'mauvaise place',
  agreementScale: [
    'Pas du tout d’accord',
    'Pas d’accord',
    'Ni d’accord ni pas d’accord',
    'D’accord',
    'Tout à fait d’accord',
  ],
  answerSaved: 'Votre réponse est enregistrée.',
  otherConsequences: 'Où mènent les autres choix',
  reflectionStaysHere:
    'Ce que vous écrivez reste sur cet appareil. Ce n’est pas envoyé à la plateforme de formation (LMS).',
  reflectionIsShared:
    'Ce que vous écrivez est envoyé à la plateforme de formation (LMS) avec vos réponses ; les personnes qui organisent le cours peuvent le lire.',
  savedOnDevice: 'Enregistré sur cet appareil.',
  savedAndSent: 'Enregistré et envoyé à la plateforme de formation.',
  // Saving and progress codes.
  saveRetrying:
    'Votre progression est en sécurité sur cet appareil. La plateforme de formation ne répond pas pour le moment ; nous continuons d’essayer.',
  saveRecovered: 'Votre progression est enregistrée.',
  progressUnreadableTitle: 'Votre progression enregistrée n’a pas pu être lue',
  progressUnreadable:
    'Ce cours ne peut pas lire votre progression enregistrée (elle est peut-être endommagée ou vient d’une autre version du cours). Elle est conservée telle quelle : rien de ce que vous faites maintenant ne l’écrase. Pour enregistrer à nouveau votre progression, choisissez Recommencer.',
  progressStartAgain: 'Recommencer',
  progressStartedAgain:
    'Vous avez recommencé. Votre progression est enregistrée à partir de maintenant.',
  lrsUnreachable:
    'La plateforme de formation est injoignable : votre progression n’est pas envoyée. Elle est conservée sur cet appareil. Si cela continue, prévenez la personne qui organise le cours.',
  saveLocalOnly:
    'Votre progression est en sécurité sur cet appareil et sera envoyée la prochaine fois que vous ouvrirez le cours.',
  progressCodeSummary: 'Continuer sur un autre appareil',
  progressCodeIntro:
    'Copiez ce code de progression et collez-le dans le cours sur votre autre appareil. Il contient vos réponses, pas votre nom.',
  progressCodeLabel: 'Votre code de progression',
  progressCodeCopy: 'Copier le code',
  progressCodeCopied: 'Code copié.',
  progressCodePasteLabel: 'Collez un code de progression',
  progressCodeUse: 'Continuer avec ce code',
  progressCodeUsed: 'Votre progression a été rétablie.',
  progressCodeMalformed:
    'Ce n’est pas un code de progression complet. Vérifiez que vous l’avez copié en entier.',
  progressCodeChecksum: 'Ce code contient une faute de frappe ou est coupé. Copiez-le à nouveau.',
  progressCodeOtherCourse: 'Ce code appartient à un autre cours.',
};
