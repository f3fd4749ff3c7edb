import { expect } from '@open-wc/testing';
import type { SingleChoiceQuestion } from '@teach-in/course-schema';
import { sendKeys } from '@web/test-runner-commands';
import { choiceDriver, inputFor, inputsOf } from '../../test-support/choice-driver.ts';
import {
  accessibilityTree,
  checkAnswer,
  choose,
  expectSameElement,
  findNode,
  focusedIn,
  liveText,
  mountBetweenButtons,
  mountQuestion,
  normalized,
  recordAnswers,
  runQuestionContract,
  textOf,
} from '../../test-support/question-contract.ts';
import './single-choice.ts';

function makeQuestion(): SingleChoiceQuestion {
  return {
    type: 'single',
    id: 'spot-algorithmic-management',
    moduleId: 'what-counts-as-ai',
    promptHtml: 'Which of these is <em>algorithmic management</em>?',
    promptText: 'Which of these is algorithmic management?',
    graded: true,
    attempts: 1,
    shuffle: false,
    choices: [
      {
        id: 'a',
        html: 'A shared spreadsheet of shift swaps',
        correct: false,
        feedbackHtml: 'People still make these decisions.',
      },
      {
        id: 'b',
        html: 'Software that assigns shifts from <strong>predicted demand</strong>',
        correct: true,
        feedbackHtml: 'It decides who works when, without a manager choosing.',
      },
      { id: 'c', html: 'A rota pinned to the staff-room wall', correct: false },
    ],
  };
}

runQuestionContract(choiceDriver('ti-single-choice', makeQuestion));

describe('ti-single-choice', () => {
  it('offers radio buttons in one group', async () => {
    const el = await mountQuestion('ti-single-choice', makeQuestion());
    const inputs = inputsOf(el);
    expect(inputs.map((i) => i.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(new Set(inputs.map((i) => i.name)).size).to.equal(1);
  });

  it('keeps only one choice selected', async () => {
    const el = await mountQuestion('ti-single-choice', makeQuestion());
    await choose(el, ['a', 'c']);
    expect(
      inputsOf(el)
        .filter((i) => i.checked)
        .map((i) => i.value),
    ).to.deep.equal(['c']);
    expect(el.progress.response).to.deep.equal(['c']);
    const answers = recordAnswers(el);
    await checkAnswer(el);
    expect(answers[0]!.detail.response).to.deep.equal(['c']);
  });

  it('moves the selection with the arrow keys, one stop in the tab order', async () => {
    const { el, before } = await mountBetweenButtons('ti-single-choice', makeQuestion());
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(el.progress.response).to.deep.equal(['a']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expectSameElement(focusedIn(el), inputFor(el, 'c'), 'focus');
    expect(el.progress.response).to.deep.equal(['c']);
    await sendKeys({ press: 'ArrowUp' });
    expect(el.progress.response).to.deep.equal(['b']);
    // The group is one tab stop: Tab goes straight on to the button.
    await sendKeys({ press: 'Tab' });
    expectSameElement(focusedIn(el), el.shadowRoot!.querySelector('button'), 'focus');
  });

  it('shows the feedback for the chosen answer', async () => {
    const el = await mountQuestion('ti-single-choice', makeQuestion());
    await choose(el, ['a']);
    await checkAnswer(el);
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.include(
      'People still make these decisions.',
    );
  });
});

describe('ti-single-choice: names and marks', () => {
  it('gives each radio its choice text as its accessible name', async () => {
    const question = makeQuestion();
    await mountQuestion('ti-single-choice', question);
    const tree = await accessibilityTree();
    const group = findNode(tree, (n) => n.role === 'group' && n.name === question.promptText)!;
    for (const choice of question.choices) {
      const name = textOf(choice.html);
      expect(
        findNode(group, (n) => n.role === 'radio' && n.name === name),
        name,
      ).to.not.equal(undefined);
    }
  });

  it('marks the right answer and the learner’s choice after the last try', async () => {
    const el = await mountQuestion('ti-single-choice', makeQuestion());
    await choose(el, ['a']);
    await checkAnswer(el);
    expect(normalized(inputFor(el, 'b').labels?.[0]?.textContent)).to.include('(right answer)');
    expect(normalized(inputFor(el, 'a').labels?.[0]?.textContent)).to.include('(your choice)');
    expect(normalized(inputFor(el, 'c').labels?.[0]?.textContent)).to.not.include('(');
  });

  it('shows no marks while tries remain, so the next try is still a real one', async () => {
    const el = await mountQuestion('ti-single-choice', { ...makeQuestion(), attempts: 2 });
    await choose(el, ['a']);
    await checkAnswer(el);
    expect(normalized(inputFor(el, 'b').labels?.[0]?.textContent)).to.not.include('right answer');
    expect(liveText(el)).to.include('People still make these decisions.');
  });
});
