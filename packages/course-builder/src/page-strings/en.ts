/**
 * Text the builder writes into the page (headings, callout titles, the glossary,
 * references and data-notice pages), in the course language. English is the reference
 * type: a translation missing a key fails typecheck. Browser-side strings live in
 * @teach-in/quiz-elements; these never reach the runtime bundle.
 */
export const en = {
  awaitingReview: 'This translation awaits review by a native speaker.',
  languageSwitch: 'Language',
  sources: 'Sources',
  callouts: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning' },
  glossary: 'Glossary',
  references: 'References',
  referencesIntro: 'The sources each module cites, in the order they first appear.',
  citedOn: 'Cited on:',
  print: {
    intro:
      "The whole course for printing: every module, with the questions and their choices, without the answers. Use your browser's Print (or Save as PDF); it fits A4 and Letter.",
    trueFalse: 'True / False',
    matchWith: 'Match each with one of:',
    putInOrder: 'Put in order:',
    video: 'Video',
    audio: 'Audio',
  },
  media: {
    transcript: 'Transcript',
    videoFallback: 'Your browser cannot play this video here. Download it:',
    audioFallback: 'Your browser cannot play this audio here. Download it:',
  },
  dataNotice: 'What this course records',
  notice: {
    certificate:
      "The certificate of completion at the end shows the course title, the union's name and logo, your name, the date and a check code for the course edition. It is made on this device and sends nothing.",
    certificateFromLms:
      'Your name is the one your learning system (LMS) gives the course; it is only read, never sent back.',
    certificateTyped: 'You type your name for it yourself; it is not kept.',
    lmsIntro:
      'This course sends the following data to your learning system (LMS), and nothing else. The LMS already knows who you are from your login. Your organisation decides who can see this data and how long it is kept.',
    standaloneIntro:
      'This copy of the course sends nothing to anyone: there is no learning system (LMS) behind it.',
    standaloneProgress:
      'Your progress and answers stay in this browser on this device. Clearing the browser’s data deletes them.',
    outsideLms:
      'If this package is opened outside an LMS, it sends nothing and keeps your progress in this browser instead.',
    reflectionsStay:
      'What you write in reflection questions stays on this device. It is never sent to the LMS.',
    reflectionsShared:
      'The course author chose to send your text to the LMS for these reflection questions only:',
    otherReflectionsStay:
      'What you write in any other reflection question stays on this device and is never sent.',
    eachAnswer: 'For each question you answer:',
    fieldLabel: 'LMS field',
    what: {
      status: 'Whether you have finished the course',
      statusAndSuccess:
        'Whether you have finished the course and, if it is scored, whether you passed',
      success: 'Whether you passed',
      location: 'The page you are on, so you can come back to it',
      progress:
        'Your progress: the pages you have seen, your answers, and which questions you were given (not your private reflections)',
      exit: 'Whether you left before finishing, so you can carry on later',
      sessionTime: 'How long you spent in the course this time',
      scoreRaw: 'Your score in percent',
      scoreRange: 'The lowest and highest possible score (0 and 100)',
      scoreScaled: 'Your score as a fraction from 0 to 1',
      interactionId: 'Which question it was',
      interactionType: 'The kind of question',
      interactionDescription: 'The question text',
      response: 'Your answer, as short codes (such as “b” for the second choice)',
      correctResponse: 'The right answer, as short codes',
      result: 'Whether your answer was right',
      answeredAt: 'When you answered',
      latency: 'How long you took to answer',
      moduleResult:
        'For each module: whether you finished it and, if it is scored, your score and whether you passed',
    },
  },
};

export type PageStrings = typeof en;
export type NoticeTopic = keyof PageStrings['notice']['what'];
