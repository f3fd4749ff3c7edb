import type { PageStrings } from './en.ts';

export const es: PageStrings = {
  awaitingReview:
    'Esta traducción está pendiente de revisión por una persona hablante nativa de español.',
  languageSwitch: 'Idioma',
  sources: 'Fuentes',
  callouts: { note: 'Nota', tip: 'Consejo', important: 'Importante', warning: 'Atención' },
  glossary: 'Glosario',
  references: 'Referencias',
  referencesIntro: 'Las fuentes que cita cada módulo, en el orden en que aparecen.',
  citedOn: 'Citada en:',
  print: {
    intro:
      'Todo el curso para imprimir: cada módulo, con las preguntas y sus opciones, sin las respuestas. Usa Imprimir en tu navegador (o Guardar como PDF); cabe en A4 y en carta.',
    trueFalse: 'Verdadero / Falso',
    matchWith: 'Relaciona cada uno con uno de:',
    putInOrder: 'Ordena:',
    video: 'Vídeo',
    audio: 'Audio',
  },
  media: {
    transcript: 'Transcripción',
    videoFallback: 'Tu navegador no puede reproducir este vídeo aquí. Descárgalo:',
    audioFallback: 'Tu navegador no puede reproducir este audio aquí. Descárgalo:',
  },
  dataNotice: 'Qué datos guarda este curso',
  notice: {
    certificate:
      'El certificado de finalización muestra el título del curso, el nombre y el logotipo del sindicato, tu nombre, la fecha y un código de control de la edición del curso. Se crea en este dispositivo y no envía nada.',
    certificateFromLms:
      'Tu nombre es el que tu plataforma de aprendizaje (LMS) da al curso; solo se lee, nunca se envía de vuelta.',
    certificateTyped: 'Tu nombre lo escribes tú; no se guarda.',
    lmsIntro:
      'Este curso envía estos datos a tu plataforma de aprendizaje (LMS), y nada más. La plataforma ya sabe quién eres porque has iniciado sesión. Tu organización decide quién puede ver estos datos y cuánto tiempo se guardan.',
    standaloneIntro:
      'Esta copia del curso no envía nada a nadie: no hay ninguna plataforma de aprendizaje (LMS) detrás.',
    standaloneProgress:
      'Tu progreso y tus respuestas se quedan en este navegador, en este dispositivo. Si borras los datos del navegador, se borran.',
    outsideLms:
      'Si abres este paquete fuera de una plataforma de aprendizaje, no envía nada y guarda tu progreso en este navegador.',
    reflectionsStay:
      'Lo que escribes en las preguntas de reflexión se queda en este dispositivo. Nunca se envía a la plataforma.',
    reflectionsShared:
      'Quien hizo el curso decidió enviar tu texto a la plataforma solo en estas preguntas de reflexión:',
    otherReflectionsStay:
      'Lo que escribes en las demás preguntas de reflexión se queda en este dispositivo y nunca se envía.',
    eachAnswer: 'Por cada pregunta que respondes:',
    fieldLabel: 'Campo del LMS',
    what: {
      status: 'Si has terminado el curso',
      statusAndSuccess: 'Si has terminado el curso y, si se puntúa, si has aprobado',
      success: 'Si has aprobado',
      location: 'La página en la que estás, para que puedas volver a ella',
      progress:
        'Tu progreso: las páginas que has visto, tus respuestas y qué preguntas te tocaron (no tus reflexiones privadas)',
      exit: 'Si saliste antes de terminar, para que puedas seguir más tarde',
      sessionTime: 'Cuánto tiempo pasaste en el curso esta vez',
      scoreRaw: 'Tu puntuación en porcentaje',
      scoreRange: 'La puntuación más baja y la más alta posibles (0 y 100)',
      scoreScaled: 'Tu puntuación como fracción de 0 a 1',
      interactionId: 'Qué pregunta era',
      interactionType: 'El tipo de pregunta',
      interactionDescription: 'El texto de la pregunta',
      response: 'Tu respuesta, en códigos cortos (por ejemplo, “b” para la segunda opción)',
      correctResponse: 'La respuesta correcta, en códigos cortos',
      result: 'Si tu respuesta era correcta',
      answeredAt: 'Cuándo respondiste',
      latency: 'Cuánto tardaste en responder',
      moduleResult:
        'Para cada módulo: si lo terminaste y, si se puntúa, tu puntuación y si aprobaste',
    },
  },
};
