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
  contents: 'Contents',
  currentPage: 'you are here',
  seenPage: 'seen',
  aboutThisCourse: 'About this course',
  backToCourse: 'Back to the course',
};

export type Strings = typeof en;
