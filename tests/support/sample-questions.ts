/** How to answer the benchmark module (tooling/bench/sample-module) rightly or wrongly, as a learner. */
import type { QuestionPlay } from './play.ts';

/** The benchmark module's questions, page by page (pages 2, 3 and 4). */
export const sampleQuestions = (rightly: boolean): QuestionPlay[] => [
  ...whatIsCollected(rightly),
  ...yourRights(rightly),
  ...aiAndJobQuality(rightly),
];

export const whatIsCollected = (rightly: boolean): QuestionPlay[] => [
  {
    type: 'single',
    prompt: 'Which of these is usually collected by a scheduling app?',
    picks: [rightly ? 'Your shift availability and hours worked' : 'Your bank PIN'],
    expect: rightly ? 'Correct.' : 'Not quite.',
  },
  {
    type: 'multiple',
    prompt: 'Select all data that can count as personal data:',
    picks: rightly ? ['Your name', 'Your GPS location'] : ['Your name'],
    expect: rightly ? 'Correct.' : 'Not quite.',
  },
];

export const yourRights = (rightly: boolean): QuestionPlay[] => [
  {
    type: 'fill-in',
    prompt: 'What is the name of a request to see your own data (three letters, often)?',
    picks: [rightly ? 'dsar' : 'FOI'],
    expect: rightly ? 'Correct.' : 'Not quite.',
  },
  {
    type: 'dropdown',
    prompt: 'Choose the missing words.',
    picks: [rightly ? 'one month' : 'one week'],
    expect: rightly ? 'Correct.' : 'Not quite.',
  },
];

export const aiAndJobQuality = (rightly: boolean): QuestionPlay[] => [
  {
    type: 'true-false',
    prompt: 'Rate each statement:',
    picks: [
      `Algorithms can assign shifts automatically.=${rightly ? 'True' : 'False'}`,
      `AI tools are always neutral.=${rightly ? 'False' : 'True'}`,
      `Unions can bargain over technology introduction.=${rightly ? 'True' : 'False'}`,
    ],
    expect: rightly ? 'Correct.' : 'Not quite.',
  },
];
