import { expect } from '@open-wc/testing';
import type { FillInQuestion } from '@teach-in/course-schema';
import { sendKeys } from '@web/test-runner-commands';
import {
  checkAnswer,
  liveText,
  mountQuestion,
  normalized,
  type QuestionDriver,
  recordAnswers,
  runQuestionContract,
  typeInto,
} from '../../test-support/question-contract.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import './fill-in.ts';

function makeQuestion(): FillInQuestion {
  return {
    type: 'fill-in',
    id: 'name-of-data-request',
    moduleId: 'workers-data-rights',
    promptHtml: 'What is the name of a request to see your own data?',
    promptText: 'What is the name of a request to see your own data?',
    graded: true,
    attempts: 1,
    shuffle: true,
    answers: ['DSAR', 'SAR'],
    caseSensitive: false,
    correctFeedbackHtml: 'Yes, a data subject access request.',
    incorrectFeedbackHtml: 'It is a data subject access request, DSAR for short.',
  };
}

const fieldOf = (el: QuestionElement) => el.shadowRoot!.querySelector('input')!;

const driver: QuestionDriver<FillInQuestion> = {
  tag: 'ti-fill-in',
  makeQuestion,
  groupName: (q) => q.promptText,
  actionLabel: 'Check answer',
  controls: (el) => [fieldOf(el)],
  answerRight: (el) => typeInto(el, fieldOf(el), '  dsar '),
  rightResponse: () => ['dsar'],
  answerWithKeyboard: () => sendKeys({ type: 'dsar' }),
  emptyNotice: 'Type an answer first.',
  foreignResponse: ['   '],
  graded: {
    answerWrong: (el) => typeInto(el, fieldOf(el), 'GDPR'),
    wrongResponse: () => ['GDPR'],
    rightAnswerText: (q) => q.answers.join('; '),
  },
};

runQuestionContract(driver);

describe('ti-fill-in', () => {
  it('labels the text field and limits its length', async () => {
    const el = await mountQuestion('ti-fill-in', makeQuestion());
    const field = fieldOf(el);
    expect(normalized(field.labels?.[0]?.textContent)).to.equal('Your answer');
    expect(field.type).to.equal('text');
    expect(field.maxLength).to.equal(100);
  });

  it('checks with Enter in the field, and focus stays there', async () => {
    const el = await mountQuestion('ti-fill-in', makeQuestion());
    const answers = recordAnswers(el);
    fieldOf(el).focus();
    await sendKeys({ type: 'SAR' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(answers).to.have.length(1);
    expect(answers[0]!.detail).to.deep.include({ correct: true, response: ['SAR'] });
    expect(el.shadowRoot!.activeElement === fieldOf(el)).to.equal(true);
    expect(fieldOf(el).readOnly).to.equal(true);
    expect(liveText(el)).to.include('Yes, a data subject access request.');
  });

  it('respects case only when the author asks for it', async () => {
    const el = await mountQuestion('ti-fill-in', { ...makeQuestion(), caseSensitive: true });
    await typeInto(el, fieldOf(el), 'dsar');
    await checkAnswer(el);
    expect(el.isCorrect).to.equal(false);
    expect(liveText(el)).to.include('It is a data subject access request, DSAR for short.');
  });
});
