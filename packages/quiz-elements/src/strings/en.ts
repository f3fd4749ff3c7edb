/**
 * English interface strings: the reference every other language is typed against, so a
 * missing or extra key in a translation fails typecheck.
 */
export const en = {
  checkAnswer: 'Check answer',
  chooseFirst: 'Choose an answer first.',
  correct: 'Correct.',
  incorrect: 'Not quite.',
  rightAnswerIs: 'The right answer:',
  rightAnswer: 'right answer',
  yourChoice: 'your choice',
  hint: 'Hint',
  next: 'Next',
  previous: 'Previous',
  finish: 'Finish',
  pageOf: (n: number, total: number) => `Page ${n} of ${total}`,
  courseNavigation: 'Course navigation',
  progress: 'Progress',
  resultsHeading: 'Your result',
  score: (percent: number) => `Your score: ${percent}%.`,
  passed: 'You passed.',
  failed: 'You did not reach the pass mark this time.',
  passMark: (percent: number) => `The pass mark is ${percent}%.`,
  unanswered: (count: number) =>
    count === 1 ? '1 question was not answered.' : `${count} questions were not answered.`,
  completed: 'You have completed this course.',
  // The summary page and the certificate.
  moduleResults: 'Module by module',
  noScoredQuestions: 'no scored questions',
  passedShort: 'passed',
  notYetPassed: 'not passed yet',
  pagesSeen: (n: number, total: number) => `${n} of ${total} pages seen`,
  revisitHeading: 'What to revisit',
  revisitNothing: 'Nothing: every page seen, every answer right.',
  nextHeading: 'What to do next',
  certificateHeading: 'Certificate of completion',
  certifies: 'This certifies that',
  hasCompleted: 'has completed the course',
  onDate: (date: string) => `on ${date}.`,
  verification: (id: string, version: string, code: string) =>
    `Course ${id}, version ${version}, check code ${code}`,
  printCertificate: 'Print or save the certificate',
  yourName: 'Your name, as it should appear on the certificate',
  certificateNotYet: 'See every page and reach the pass mark to get a certificate of completion.',
  contents: 'Contents',
  currentPage: 'you are here',
  seenPage: 'seen',
  aboutThisCourse: 'About this course',
  printCourse: 'Print this course',
  backToCourse: 'Back to the course',
  // Question elements.
  tryAgain: 'Try again',
  triesLeft: (count: number) =>
    count === 1 ? 'You have 1 more try.' : `You have ${count} more tries.`,
  answerEveryPart: 'Answer every part first.',
  typeFirst: 'Type an answer first.',
  submit: 'Submit',
  save: 'Save',
  yourAnswer: 'Your answer',
  trueLabel: 'True',
  falseLabel: 'False',
  choosePlaceholder: 'Choose…',
  completeSentence: 'Choose the missing words.',
  blankOf: (n: number, total: number) => `Blank ${n} of ${total}`,
  moveUp: 'Move up',
  moveDown: 'Move down',
  movedTo: (item: string, n: number, total: number) => `${item}: position ${n} of ${total}.`,
  rightPlace: 'right place',
  wrongPlace: 'wrong place',
  agreementScale: [
    'Strongly disagree',
    'Disagree',
    'Neither agree nor disagree',
    'Agree',
    'Strongly agree',
  ] as readonly string[],
  answerSaved: 'Your answer is saved.',
  otherConsequences: 'What the other choices lead to',
  reflectionStaysHere:
    'What you write stays on this device. It is not sent to the learning platform (LMS).',
  reflectionIsShared:
    'What you write is sent to the learning platform (LMS) with your answers, where the course organisers can read it.',
  savedOnDevice: 'Saved on this device.',
  savedAndSent: 'Saved and sent to the learning platform.',
  // Saving and progress codes, shown by the runtime (course-builder/runtime).
  saveRetrying:
    'Your progress is safe on this device. The learning platform is not answering right now; we will keep trying.',
  saveRecovered: 'Your progress is saved.',
  progressUnreadableTitle: 'Your saved progress could not be read',
  progressUnreadable:
    'This course cannot read your saved progress (it may be damaged, or from another version of the course). It is kept as it is: nothing you do now is saved over it. To save your progress again, choose Start again.',
  progressStartAgain: 'Start again',
  progressStartedAgain: 'You have started again. Your progress is saved from now on.',
  lrsUnreachable:
    'The learning platform cannot be reached, so your progress is not being sent. It is kept on this device. If this goes on, tell your course organiser.',
  saveLocalOnly:
    'Your progress is safe on this device and will be sent the next time you open the course.',
  progressCodeSummary: 'Continue on another device',
  progressCodeIntro:
    'Copy this progress code and paste it into the course on your other device. It holds your answers, not your name.',
  progressCodeLabel: 'Your progress code',
  progressCodeCopy: 'Copy code',
  progressCodeCopied: 'Code copied.',
  progressCodePasteLabel: 'Paste a progress code',
  progressCodeUse: 'Continue from this code',
  progressCodeUsed: 'Your progress has been restored.',
  progressCodeMalformed:
    'That does not look like a whole progress code. Check that you copied all of it.',
  progressCodeChecksum: 'That code has a typing mistake or is cut short. Copy it again.',
  progressCodeOtherCourse: 'That code belongs to another course.',
};

export type Strings = typeof en;
