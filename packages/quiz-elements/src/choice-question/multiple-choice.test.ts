import { expect } from '@open-wc/testing';
import type { MultipleChoiceQuestion } from '@teach-in/course-schema';
import { sendKeys } from '@web/test-runner-commands';
import { choiceDriver, inputFor, inputsOf } from '../../test-support/choice-driver.ts';
import {
  checkAnswer,
  choose,
  expectSameElement,
  focusedIn,
  liveRegionOf,
  mountBetweenButtons,
  mountQuestion,
  normalized,
  recordAnswers,
  runQuestionContract,
} from '../../test-support/question-contract.ts';
import './multiple-choice.ts';

function makeQuestion(): MultipleChoiceQuestion {
  return {
    type: 'multiple',
    id: 'data-rights-at-work',
    moduleId: 'workers-data-rights',
    promptHtml: 'Which of these can workers ask their employer to disclose?',
    promptText: 'Which of these can workers ask their employer to disclose?',
    hintHtml: 'More than one answer is right.',
    graded: true,
    attempts: 1,
    shuffle: false,
    explanationHtml: 'Data protection law gives a right of access to <em>personal data</em>.',
    choices: [
      { id: 'a', html: 'The personal data held about them', correct: true },
      { id: 'b', html: 'The source code of the scheduling app', correct: false },
      { id: 'c', html: 'The purposes the data is used for', correct: true },
      { id: 'd', html: 'Other workers’ performance scores', correct: false },
    ],
  };
}

runQuestionContract(choiceDriver('ti-multiple-choice', makeQuestion));

describe('ti-multiple-choice', () => {
  it('offers checkboxes', async () => {
    const el = await mountQuestion('ti-multiple-choice', makeQuestion());
    expect(inputsOf(el).map((i) => i.type)).to.deep.equal([
      'checkbox',
      'checkbox',
      'checkbox',
      'checkbox',
    ]);
  });

  it('needs every right answer: a partial answer is wrong', async () => {
    const el = await mountQuestion('ti-multiple-choice', makeQuestion());
    const answers = recordAnswers(el);
    await choose(el, ['a']);
    await checkAnswer(el);
    expect(el.isCorrect).to.equal(false);
    expect(answers[0]!.detail).to.deep.include({
      correct: false,
      response: ['a'],
      correctResponse: ['a', 'c'],
    });
  });

  it('counts a right set with a wrong extra as wrong', async () => {
    const el = await mountQuestion('ti-multiple-choice', makeQuestion());
    const answers = recordAnswers(el);
    await choose(el, ['c', 'a', 'd']);
    await checkAnswer(el);
    expect(el.isCorrect).to.equal(false);
    expect(answers[0]!.detail.response).to.deep.equal(['a', 'c', 'd']);
  });

  it('lets a choice be unticked before checking', async () => {
    const el = await mountQuestion('ti-multiple-choice', makeQuestion());
    await choose(el, ['a', 'b', 'c', 'b']);
    expect(inputFor(el, 'b').checked).to.equal(false);
    await checkAnswer(el);
    expect(el.isCorrect).to.equal(true);
  });

  it('toggles each checkbox with Space, each its own tab stop', async () => {
    const { el, before } = await mountBetweenButtons('ti-multiple-choice', makeQuestion());
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expectSameElement(focusedIn(el), inputFor(el, 'b'), 'focus');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    expect(el.progress.response).to.deep.equal(['a']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(el.progress.response).to.have.members(['a', 'c']);
  });

  it('shows the hint and, after checking, the explanation', async () => {
    const el = await mountQuestion('ti-multiple-choice', makeQuestion());
    expect(normalized(el.shadowRoot!.querySelector('.hint')?.textContent)).to.equal(
      'Hint: More than one answer is right.',
    );
    await choose(el, ['a', 'c']);
    await checkAnswer(el);
    expect(normalized(liveRegionOf(el).textContent)).to.include(
      'Data protection law gives a right of access to personal data.',
    );
  });
});
