import type { QuestionType } from '@teach-in/course-schema';

/**
 * The facilitator guide's own words, in the course language, so a translated course's
 * guide is in one language from end to end (its `lang` says so). English is the reference
 * type; the other languages are the interface languages of the builder (page-strings/).
 */
export interface GuideStrings {
  questionKinds: Record<QuestionType, string>;
  facilitatorGuide: string;
  facilitatorNote: string;
  countsTowardsScore: string;
  practice: string;
  video: string;
  audio: string;
  sourcesOnPage: string;
  objectives: string;
  sources: string;
  contents: string;
  module: (number: number, minutes?: number) => string;
  moduleInContents: (number: number) => string;
  workshop: string;
  workshopEyebrow: (minutes: number, audience?: string) => string;
  forAudience: (audience: string) => string;
  summary: (modules: number, minutes: number, version: string) => string;
  rightAnswer: string;
  trueWord: string;
  falseWord: string;
  rightOrder: string;
  accepted: string;
  caseMatters: string;
  completed: string;
  likert: string;
  reflection: (shared: boolean) => string;
}

const en: GuideStrings = {
  questionKinds: {
    single: 'Single choice',
    multiple: 'Multiple choice',
    'true-false': 'True or false',
    matching: 'Matching',
    ordering: 'Ordering',
    'fill-in': 'Fill in',
    dropdown: 'Sentence with blanks',
    likert: 'Agreement scale',
    scenario: 'Scenario',
    reflection: 'Reflection',
  },
  facilitatorGuide: 'Facilitator guide',
  facilitatorNote: 'Facilitator note',
  countsTowardsScore: ', counts towards the score',
  practice: ', practice',
  video: 'Video',
  audio: 'Audio',
  sourcesOnPage: 'Sources on this page',
  objectives: 'Objectives',
  sources: 'Sources',
  contents: 'Contents',
  module: (n, minutes) => `Module ${n}${minutes ? `, about ${minutes} minutes` : ''}`,
  moduleInContents: (n) => `Module ${n}`,
  workshop: 'Workshop',
  workshopEyebrow: (minutes, audience) =>
    `Workshop, ${minutes} minutes, in person${audience ? `, for ${audience}` : ''}`,
  forAudience: (audience) => `For ${audience}.`,
  summary: (modules, minutes, version) =>
    `${modules} module${modules === 1 ? '' : 's'}${minutes ? `, about ${minutes} minutes online` : ''}. Version ${version}.`,
  rightAnswer: '(right answer)',
  trueWord: 'true',
  falseWord: 'false',
  rightOrder: 'Right order:',
  accepted: 'Accepted:',
  caseMatters: ' (case matters)',
  completed: 'Completed:',
  likert: 'Agreement scale, no right answer',
  reflection: (shared) =>
    `Reflection, no right answer. ${shared ? 'The text is sent to the LMS.' : 'The text stays on the learner’s device.'}`,
};

const es: GuideStrings = {
  questionKinds: {
    single: 'Opción única',
    multiple: 'Opción múltiple',
    'true-false': 'Verdadero o falso',
    matching: 'Relacionar',
    ordering: 'Ordenar',
    'fill-in': 'Completar',
    dropdown: 'Frase con huecos',
    likert: 'Escala de acuerdo',
    scenario: 'Caso práctico',
    reflection: 'Reflexión',
  },
  facilitatorGuide: 'Guía para quien dinamiza',
  facilitatorNote: 'Nota para quien dinamiza',
  countsTowardsScore: ', cuenta para la nota',
  practice: ', de práctica',
  video: 'Vídeo',
  audio: 'Audio',
  sourcesOnPage: 'Fuentes de esta página',
  objectives: 'Objetivos',
  sources: 'Fuentes',
  contents: 'Índice',
  module: (n, minutes) => `Módulo ${n}${minutes ? `, unos ${minutes} minutos` : ''}`,
  moduleInContents: (n) => `Módulo ${n}`,
  workshop: 'Taller',
  workshopEyebrow: (minutes, audience) =>
    `Taller presencial de ${minutes} minutos${audience ? `, para ${audience}` : ''}`,
  forAudience: (audience) => `Dirigido a: ${audience}.`,
  summary: (modules, minutes, version) =>
    `${modules} módulo${modules === 1 ? '' : 's'}${minutes ? `, unos ${minutes} minutos en línea` : ''}. Versión ${version}.`,
  rightAnswer: '(respuesta correcta)',
  trueWord: 'verdadero',
  falseWord: 'falso',
  rightOrder: 'Orden correcto:',
  accepted: 'Se aceptan:',
  caseMatters: ' (distingue mayúsculas y minúsculas)',
  completed: 'Completa:',
  likert: 'Escala de acuerdo, sin respuesta correcta',
  reflection: (shared) =>
    `Reflexión, sin respuesta correcta. ${shared ? 'El texto se envía a la plataforma (LMS).' : 'El texto se queda en el dispositivo de la persona.'}`,
};

const fr: GuideStrings = {
  questionKinds: {
    single: 'Choix unique',
    multiple: 'Choix multiple',
    'true-false': 'Vrai ou faux',
    matching: 'Associer',
    ordering: 'Remettre dans l’ordre',
    'fill-in': 'Réponse à écrire',
    dropdown: 'Phrase à trous',
    likert: 'Échelle d’accord',
    scenario: 'Mise en situation',
    reflection: 'Réflexion',
  },
  facilitatorGuide: 'Guide de l’animateur ou de l’animatrice',
  facilitatorNote: 'Note pour l’animation',
  countsTowardsScore: ', compte dans la note',
  practice: ', entraînement',
  video: 'Vidéo',
  audio: 'Audio',
  sourcesOnPage: 'Sources de cette page',
  objectives: 'Objectifs',
  sources: 'Sources',
  contents: 'Sommaire',
  module: (n, minutes) => `Module ${n}${minutes ? `, environ ${minutes} minutes` : ''}`,
  moduleInContents: (n) => `Module ${n}`,
  workshop: 'Atelier',
  workshopEyebrow: (minutes, audience) =>
    `Atelier en présentiel, ${minutes} minutes${audience ? `, pour ${audience}` : ''}`,
  forAudience: (audience) => `Public : ${audience}.`,
  summary: (modules, minutes, version) =>
    `${modules} module${modules === 1 ? '' : 's'}${minutes ? `, environ ${minutes} minutes en ligne` : ''}. Version ${version}.`,
  rightAnswer: '(bonne réponse)',
  trueWord: 'vrai',
  falseWord: 'faux',
  rightOrder: 'Bon ordre :',
  accepted: 'Acceptées :',
  caseMatters: ' (majuscules et minuscules comptent)',
  completed: 'Phrase complète :',
  likert: 'Échelle d’accord, pas de bonne réponse',
  reflection: (shared) =>
    `Réflexion, pas de bonne réponse. ${shared ? 'Le texte est envoyé à la plateforme (LMS).' : 'Le texte reste sur l’appareil de la personne.'}`,
};

const hi: GuideStrings = {
  questionKinds: {
    single: 'एक विकल्प',
    multiple: 'कई विकल्प',
    'true-false': 'सही या गलत',
    matching: 'मिलान',
    ordering: 'क्रम में लगाना',
    'fill-in': 'खाली जगह भरना',
    dropdown: 'खाली जगहों वाला वाक्य',
    likert: 'सहमति पैमाना',
    scenario: 'स्थिति',
    reflection: 'विचार',
  },
  facilitatorGuide: 'संचालक मार्गदर्शिका',
  facilitatorNote: 'संचालक के लिए नोट',
  countsTowardsScore: ', अंकों में गिना जाता है',
  practice: ', अभ्यास',
  video: 'वीडियो',
  audio: 'ऑडियो',
  sourcesOnPage: 'इस पेज के स्रोत',
  objectives: 'उद्देश्य',
  sources: 'स्रोत',
  contents: 'विषय-सूची',
  module: (n, minutes) => `मॉड्यूल ${n}${minutes ? `, लगभग ${minutes} मिनट` : ''}`,
  moduleInContents: (n) => `मॉड्यूल ${n}`,
  workshop: 'कार्यशाला',
  workshopEyebrow: (minutes, audience) =>
    `आमने-सामने की कार्यशाला, ${minutes} मिनट${audience ? `, ${audience} के लिए` : ''}`,
  forAudience: (audience) => `किनके लिए: ${audience}।`,
  summary: (modules, minutes, version) =>
    `${modules} मॉड्यूल${minutes ? `, ऑनलाइन लगभग ${minutes} मिनट` : ''}। संस्करण ${version}।`,
  rightAnswer: '(सही उत्तर)',
  trueWord: 'सही',
  falseWord: 'गलत',
  rightOrder: 'सही क्रम:',
  accepted: 'स्वीकार्य:',
  caseMatters: ' (बड़े और छोटे अक्षर मायने रखते हैं)',
  completed: 'पूरा वाक्य:',
  likert: 'सहमति पैमाना, कोई सही उत्तर नहीं',
  reflection: (shared) =>
    `विचार, कोई सही उत्तर नहीं। ${shared ? 'लिखा हुआ LMS को भेजा जाता है।' : 'लिखा हुआ सीखने वाले के डिवाइस पर ही रहता है।'}`,
};

const sw: GuideStrings = {
  questionKinds: {
    single: 'Chaguo moja',
    multiple: 'Chaguo nyingi',
    'true-false': 'Kweli au si kweli',
    matching: 'Kuoanisha',
    ordering: 'Kupanga kwa mpangilio',
    'fill-in': 'Jaza nafasi',
    dropdown: 'Sentensi yenye nafasi',
    likert: 'Kipimo cha kukubali',
    scenario: 'Hali halisi',
    reflection: 'Tafakari',
  },
  facilitatorGuide: 'Mwongozo wa mwezeshaji',
  facilitatorNote: 'Dokezo la mwezeshaji',
  countsTowardsScore: ', inahesabiwa katika alama',
  practice: ', mazoezi',
  video: 'Video',
  audio: 'Sauti',
  sourcesOnPage: 'Vyanzo vya ukurasa huu',
  objectives: 'Malengo',
  sources: 'Vyanzo',
  contents: 'Yaliyomo',
  module: (n, minutes) => `Moduli ya ${n}${minutes ? `, takriban dakika ${minutes}` : ''}`,
  moduleInContents: (n) => `Moduli ya ${n}`,
  workshop: 'Warsha',
  workshopEyebrow: (minutes, audience) =>
    `Warsha ya ana kwa ana, dakika ${minutes}${audience ? `, kwa ${audience}` : ''}`,
  forAudience: (audience) => `Kwa ajili ya: ${audience}.`,
  summary: (modules, minutes, version) =>
    `Moduli ${modules}${minutes ? `, takriban dakika ${minutes} mtandaoni` : ''}. Toleo ${version}.`,
  rightAnswer: '(jibu sahihi)',
  trueWord: 'kweli',
  falseWord: 'si kweli',
  rightOrder: 'Mpangilio sahihi:',
  accepted: 'Yanayokubaliwa:',
  caseMatters: ' (herufi kubwa na ndogo zina maana)',
  completed: 'Sentensi kamili:',
  likert: 'Kipimo cha kukubali, hakuna jibu sahihi',
  reflection: (shared) =>
    `Tafakari, hakuna jibu sahihi. ${shared ? 'Maandishi yanatumwa kwa LMS.' : 'Maandishi yanabaki kwenye kifaa cha mwanafunzi.'}`,
};

const byLanguage: Record<string, GuideStrings> = { en, es, fr, hi, sw };

/** The guide's words for a course language: its base for `es-MX`; else English. */
export function guideStringsFor(language: string): GuideStrings {
  return byLanguage[language.toLowerCase().split(/[-_]/)[0] ?? ''] ?? en;
}
