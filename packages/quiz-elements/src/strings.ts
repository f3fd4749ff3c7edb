/** Interface strings. The quiz issue adds es, fr, hi and sw; until then every language falls back to English. */
const en = {
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

  // ---- Question elements (issue 3). English only for now: es/fr/hi/sw follow after merge. ----
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
  // ---- end of question elements block ----
  // Saving and progress codes, shown by the runtime (course-builder/runtime). TRANSLATE.
  saveRetrying:
    'Your progress is safe on this device. The learning platform is not answering right now; we will keep trying.',
  saveRecovered: 'Your progress is saved.',
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

const byLanguage: Record<string, Strings> = { en };

export function stringsFor(language: string): Strings {
  return byLanguage[language.split('-')[0] ?? 'en'] ?? en;
}
