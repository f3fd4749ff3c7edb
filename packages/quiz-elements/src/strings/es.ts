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
  // Question elements.
  tryAgain: 'Inténtalo de nuevo',
  triesLeft: (count) =>
    count === 1 ? 'Te queda 1 intento más.' : `Te quedan ${count} intentos más.`,
  answerEveryPart: 'Primero responde todas las partes.',
  typeFirst: 'Primero escribe una respuesta.',
  submit: 'Enviar',
  save: 'Guardar',
  yourAnswer: 'Tu respuesta',
  trueLabel: 'Verdadero',
  falseLabel: 'Falso',
  choosePlaceholder: 'Elige…',
  completeSentence: 'Elige las palabras que faltan.',
  blankOf: (n, total) => `Espacio ${n} de ${total}`,
  moveUp: 'Subir',
  moveDown: 'Bajar',
  movedTo: (item, n, total) => `${item}: posición ${n} de ${total}.`,
  rightPlace: 'lugar correcto',
  wrongPlace: 'lugar incorrecto',
  agreementScale: [
    'Muy en desacuerdo',
    'En desacuerdo',
    'Ni de acuerdo ni en desacuerdo',
    'De acuerdo',
    'Muy de acuerdo',
  ],
  answerSaved: 'Tu respuesta está guardada.',
  otherConsequences: 'Adónde llevan las otras opciones',
  reflectionStaysHere:
    'Lo que escribas se queda en este dispositivo. No se envía a la plataforma de aprendizaje (LMS).',
  reflectionIsShared:
    'Lo que escribas se envía a la plataforma de aprendizaje (LMS) con tus respuestas, donde las personas que organizan el curso pueden leerlo.',
  savedOnDevice: 'Guardado en este dispositivo.',
  savedAndSent: 'Guardado y enviado a la plataforma de aprendizaje.',
  // Saving and progress codes.
  saveRetrying:
    'Tu progreso está a salvo en este dispositivo. La plataforma de aprendizaje no responde ahora; seguiremos intentándolo.',
  saveRecovered: 'Tu progreso está guardado.',
  progressUnreadableTitle: 'No se pudo leer tu progreso guardado',
  progressUnreadable:
    'Este curso no puede leer tu progreso guardado (puede estar dañado o ser de otra versión del curso). Se conserva tal como está: nada de lo que hagas ahora se guarda encima. Para volver a guardar tu progreso, elige Empezar de nuevo.',
  progressStartAgain: 'Empezar de nuevo',
  progressStartedAgain: 'Has empezado de nuevo. Tu progreso se guarda a partir de ahora.',
  lrsUnreachable:
    'No se puede conectar con la plataforma de aprendizaje, así que tu progreso no se está enviando. Se guarda en este dispositivo. Si sigue así, avisa a quien organiza el curso.',
  saveLocalOnly:
    'Tu progreso está a salvo en este dispositivo y se enviará la próxima vez que abras el curso.',
  progressCodeSummary: 'Seguir en otro dispositivo',
  progressCodeIntro:
    'Copia este código de progreso y pégalo en el curso en tu otro dispositivo. Guarda tus respuestas, no tu nombre.',
  progressCodeLabel: 'Tu código de progreso',
  progressCodeCopy: 'Copiar código',
  progressCodeCopied: 'Código copiado.',
  progressCodePasteLabel: 'Pega un código de progreso',
  progressCodeUse: 'Seguir desde este código',
  progressCodeUsed: 'Tu progreso se ha recuperado.',
  progressCodeMalformed:
    'Eso no parece un código de progreso completo. Comprueba que lo copiaste entero.',
  progressCodeChecksum: 'Ese código tiene un error o está cortado. Cópialo de nuevo.',
  progressCodeOtherCourse: 'Ese código es de otro curso.',
};
