import { expect } from '@open-wc/testing';
import type { ReflectionQuestion } from '@teach-in/course-schema';
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
import './reflection.ts';

function makeQuestion(): ReflectionQuestion {
  return {
    type: 'reflection',
    id: 'most-data',
    moduleId: 'workers-data-rights',
    promptHtml: 'Which app at your work collects the <em>most</em> data?',
    promptText: 'Which app at your work collects the most data?',
    share: false,
  };
}

const textOf = (el: QuestionElement) => el.shadowRoot!.querySelector('textarea')!;
const noteOf = (el: QuestionElement) =>
  normalized(el.shadowRoot!.querySelector('.privacy')?.textContent);

const driver: QuestionDriver<ReflectionQuestion> = {
  tag: 'ti-reflection',
  makeQuestion,
  groupName: (q) => q.promptText,
  actionLabel: 'Save',
  controls: (el) => [textOf(el)],
  answerRight: (el) => typeInto(el, textOf(el), ' The rota app. \n'),
  rightResponse: () => ['The rota app.'],
  answerWithKeyboard: () => sendKeys({ type: 'The rota app.' }),
  emptyNotice: 'Type an answer first.',
  foreignResponse: ['  '],
  ungraded: { submittedText: () => 'Saved on this device.', private: true },
};

runQuestionContract(driver);

describe('ti-reflection', () => {
  it('says the text stays on this device, in a note that describes the text box', async () => {
    const el = await mountQuestion('ti-reflection', makeQuestion());
    const box = textOf(el);
    expect(noteOf(el)).to.equal(
      'What you write stays on this device. It is not sent to the learning platform (LMS).',
    );
    expect(box.getAttribute('aria-describedby')).to.equal('privacy');
    expect(normalized(box.labels?.[0]?.textContent)).to.equal('Your answer');
    expect(box.maxLength).to.equal(2000);
  });

  it('says when the author shares the text, and reports it as not private', async () => {
    const el = await mountQuestion('ti-reflection', { ...makeQuestion(), share: true });
    expect(noteOf(el)).to.include('is sent to the learning platform (LMS)');
    const answers = recordAnswers(el);
    await typeInto(el, textOf(el), 'Ask about the rota app.');
    await checkAnswer(el);
    expect(answers[0]!.detail.private).to.equal(false);
    expect(liveText(el)).to.equal('Saved and sent to the learning platform.');
  });

  it('stays editable: each save reports the new text; an unsaved edit is not called saved', async () => {
    const el = await mountQuestion('ti-reflection', makeQuestion());
    const answers = recordAnswers(el);
    await typeInto(el, textOf(el), 'First thought.');
    await checkAnswer(el);
    await typeInto(el, textOf(el), 'Second thought.');
    expect(liveText(el)).to.equal('');
    expect(textOf(el).disabled || textOf(el).readOnly).to.equal(false);
    await checkAnswer(el);
    expect(
      answers.map((a) => [a.detail.response[0], a.detail.attempt, a.detail.private]),
    ).to.deep.equal([
      ['First thought.', 1, true],
      ['Second thought.', 2, true],
    ]);
    expect(el.progress).to.deep.equal({ response: ['Second thought.'], attempts: 2, done: true });
  });
});
