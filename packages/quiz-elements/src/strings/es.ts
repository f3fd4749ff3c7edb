import type { Strings } from './en.ts';

/** Spanish: plain, everyday wording, "tú" form. */
export const es: Strings = {
  checkAnswer: 'Comprobar respuesta',
  chooseFirst: 'Primero elige una respuesta.',
  correct: 'Correcto.',
  incorrect: 'No del todo.',
  rightAnswerIs: 'La respuesta correcta:',
  rightAnswer: 'respuesta correcta',
  yourChoice: 'tu elección',
  hint: 'Pista',
  next: 'Siguiente',
  previous: 'Anterior',
  finish: 'Terminar',
  pageOf: (n, total) => `Página ${n} de ${total}`,
  courseNavigation: 'Navegación del curso',
  progress: 'Progreso',
  resultsHeading: 'Tu resultado',
  score: (percent) => `Tu puntuación: ${percent} %.`,
  passed: 'Has aprobado.',
  failed: 'Esta vez no has llegado a la nota para aprobar.',
  passMark: (percent) => `Para aprobar necesitas un ${percent} %.`,
  unanswered: (count) =>
    count === 1 ? 'Quedó 1 pregunta sin responder.' : `Quedaron ${count} preguntas sin responder.`,
  completed: 'Has terminado este curso.',
  contents: 'Contenido',
  currentPage: 'estás aquí',
  seenPage: 'vista',
  aboutThisCourse: 'Sobre este curso',
  backToCourse: 'Volver al curso',
};
