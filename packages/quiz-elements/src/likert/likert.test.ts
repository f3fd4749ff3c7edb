import { expect } from '@open-wc/testing';
import type { LikertQuestion } from '@teach-in/course-schema';
import {
  checkAnswer,
  choose,
  mountQuestion,
  normalized,
  press,
  type QuestionDriver,
  recordAnswers,
  runQuestionContract,
} from '../../test-support/question-contract.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import './likert.ts';

function makeQuestion(): LikertQuestion {
  return {
    type: 'likert',
    id: 'app-fairness',
    moduleId: 'job-quality',
    promptHtml: 'The scheduling app at my work treats everyone <em>fairly</em>.',
    promptText: 'The scheduling app at my work treats everyone fairly.',
    scale: [],
  };
}

const radiosOf = (el: QuestionElement): HTMLInputElement[] => [
  ...el.shadowRoot!.querySelectorAll('input'),
];
const labelsOf = (el: QuestionElement) =>
  radiosOf(el).map((r) => normalized(r.labels?.[0]?.textContent));

const driver: QuestionDriver<LikertQuestion> = {
  tag: 'ti-likert',
  makeQuestion,
  groupName: (q) => q.promptText,
  actionLabel: 'Submit',
  controls: radiosOf,
  answerRight: (el) => choose(el, ['4']),
  rightResponse: () => ['4'],
  // Focus lands on the first point unpicked; the arrows move and pick.
  answerWithKeyboard: () => press('ArrowDown', 3),
  emptyNotice: 'Choose an answer first.',
  ungraded: { submittedText: () => 'Your answer is saved.' },
};

runQuestionContract(driver);

describe('ti-likert', () => {
  it('offers the five-point agreement scale, lowest first, by default', async () => {
    const el = await mountQuestion('ti-likert', makeQuestion());
    expect(labelsOf(el)).to.deep.equal([
      'Strongly disagree',
      'Disagree',
      'Neither agree nor disagree',
      'Agree',
      'Strongly agree',
    ]);
    expect(radiosOf(el).map((r) => r.value)).to.deep.equal(['1', '2', '3', '4', '5']);
  });

  it('uses the author’s scale when there is one', async () => {
    const el = await mountQuestion('ti-likert', {
      ...makeQuestion(),
      scale: ['Never', 'Sometimes', 'Often'],
    });
    expect(labelsOf(el)).to.deep.equal(['Never', 'Sometimes', 'Often']);
    el.restore({ response: ['5'], attempts: 1, done: true });
    expect(el.answered, 'a point beyond the scale is not an answer').to.equal(false);
  });

  it('locks the answer once submitted', async () => {
    const el = await mountQuestion('ti-likert', makeQuestion());
    const answers = recordAnswers(el);
    await choose(el, ['2']);
    await checkAnswer(el);
    await checkAnswer(el);
    expect(answers).to.have.length(1);
    expect(radiosOf(el).every((r) => r.disabled)).to.equal(true);
  });
});
