import { expect } from '@open-wc/testing';
import type { DropdownQuestion } from '@teach-in/course-schema';
import {
  accessibilityTree,
  checkAnswer,
  findNode,
  liveText,
  mountQuestion,
  normalized,
  press,
  type QuestionDriver,
  runQuestionContract,
  selectOption,
} from '../../test-support/question-contract.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import './dropdown.ts';

function makeQuestion(): DropdownQuestion {
  return {
    type: 'dropdown',
    id: 'response-deadline',
    moduleId: 'workers-data-rights',
    promptHtml: '',
    promptText: 'Reply within one month in the EU, or three months if extended.',
    sentenceText: 'Reply within one month in the EU, or three months if extended.',
    graded: true,
    attempts: 1,
    shuffle: false,
    incorrectFeedbackHtml: 'The GDPR says one month.',
    segments: [
      { kind: 'text', html: 'Reply within ' },
      {
        kind: 'blank',
        id: '1',
        options: [
          { id: 'a', text: 'one week' },
          { id: 'b', text: 'one month' },
          { id: 'c', text: 'one year' },
          { id: 'd', text: 'whenever the employer feels like getting round to it' },
        ],
        correct: 'b',
      },
      { kind: 'text', html: ' in the <em>EU</em>, or ' },
      {
        kind: 'blank',
        id: '2',
        options: [
          { id: 'a', text: 'three months' },
          { id: 'b', text: 'a year' },
        ],
        correct: 'a',
      },
      { kind: 'text', html: ' if extended.' },
    ],
  };
}

const selectsOf = (el: QuestionElement): HTMLSelectElement[] => [
  ...el.shadowRoot!.querySelectorAll('select'),
];

async function fill(el: QuestionElement, tokens: readonly string[]): Promise<void> {
  for (const [i, token] of tokens.entries()) {
    await selectOption(el, selectsOf(el)[i]!, token.split('.')[1]!);
  }
}

const right = ['1.b', '2.a'];
const wrong = ['1.a', '2.a'];

const driver: QuestionDriver<DropdownQuestion> = {
  tag: 'ti-dropdown',
  makeQuestion,
  groupName: () => 'Choose the missing words.',
  actionLabel: 'Check answer',
  controls: selectsOf,
  answerRight: (el) => fill(el, right),
  rightResponse: () => right,
  async answerWithKeyboard(el) {
    const selects = selectsOf(el);
    for (const [i, select] of selects.entries()) {
      const wanted = right[i]!.split('.')[1];
      await press(
        'ArrowDown',
        [...select.options].findIndex((o) => o.value === wanted),
      );
      if (i < selects.length - 1) await press('Tab');
    }
  },
  emptyNotice: 'Answer every part first.',
  graded: {
    answerWrong: (el) => fill(el, wrong),
    wrongResponse: () => wrong,
    rightAnswerText: (q) => q.sentenceText,
    displayedOrder: (el) => selectsOf(el).flatMap((s) => [...s.options].map((o) => o.value)),
    authoredOrder: (q) =>
      q.segments.flatMap((s) => (s.kind === 'blank' ? ['', ...s.options.map((o) => o.id)] : [])),
  },
};

runQuestionContract(driver);

describe('ti-dropdown', () => {
  it('puts a select labelled "Blank n of total" in the sentence for each blank', async () => {
    const el = await mountQuestion('ti-dropdown', makeQuestion());
    const sentence = el.shadowRoot!.querySelector('.sentence')!;
    const parts = [...sentence.childNodes].map((node) =>
      node instanceof HTMLSelectElement
        ? `[${node.value}]`
        : node.nodeType === Node.COMMENT_NODE
          ? ''
          : node.textContent,
    );
    expect(normalized(parts.join(''))).to.equal('Reply within [] in the EU, or [] if extended.');
    const tree = await accessibilityTree();
    for (const name of ['Blank 1 of 2', 'Blank 2 of 2']) {
      expect(
        findNode(tree, (n) => n.role === 'combobox' && n.name === name),
        name,
      ).to.not.equal(undefined);
    }
  });

  it('uses the prompt as the legend when the author gave one', async () => {
    const el = await mountQuestion('ti-dropdown', {
      ...makeQuestion(),
      promptHtml: 'Complete the <em>rule</em>.',
      promptText: 'Complete the rule.',
    });
    expect(normalized(el.shadowRoot!.querySelector('legend')?.textContent)).to.equal(
      'Complete the rule.',
    );
  });

  it('after the last try, marks each wrong blank with its right option', async () => {
    const el = await mountQuestion('ti-dropdown', makeQuestion());
    await fill(el, wrong);
    await checkAnswer(el);
    const sentence = normalized(el.shadowRoot!.querySelector('.sentence')?.textContent);
    expect(sentence).to.include('(right answer: one month)');
    expect(sentence).to.not.include('(right answer: three months)');
    expect(liveText(el)).to.include('The GDPR says one month.');
  });
});
