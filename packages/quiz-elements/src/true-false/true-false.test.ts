import { expect } from '@open-wc/testing';
import type { TrueFalseQuestion } from '@teach-in/course-schema';
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
  textOf,
} from '../../test-support/question-contract.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import './true-false.ts';

function makeQuestion(): TrueFalseQuestion {
  return {
    type: 'true-false',
    id: 'true-or-false',
    moduleId: 'what-counts-as-ai',
    promptHtml: 'Rate each statement:',
    promptText: 'Rate each statement:',
    graded: true,
    attempts: 1,
    shuffle: false,
    statements: [
      { id: 'a', html: 'Algorithms can assign shifts <em>automatically</em>.', answer: true },
      {
        id: 'b',
        html: 'AI tools are always neutral.',
        answer: false,
        feedbackHtml: 'Tools reflect the data and choices of the people who made them.',
      },
      { id: 'c', html: 'Workers can ask what data is kept about them.', answer: true },
    ],
  };
}

const radiosOf = (el: QuestionElement): HTMLInputElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];

async function mark(el: QuestionElement, tokens: readonly string[]): Promise<void> {
  for (const token of tokens) {
    const [id, value] = token.split('.');
    el.shadowRoot!.querySelector<HTMLInputElement>(`#tf-${id}-${value}`)!.click();
  }
  await el.updateComplete;
}

const right = ['a.true', 'b.false', 'c.true'];
const wrong = ['a.true', 'b.true', 'c.true'];

const driver: QuestionDriver<TrueFalseQuestion> = {
  tag: 'ti-true-false',
  makeQuestion,
  groupName: (q) => q.promptText,
  actionLabel: 'Check answer',
  controls: radiosOf,
  answerRight: (el) => mark(el, right),
  rightResponse: () => right,
  async answerWithKeyboard() {
    // Each statement is one tab stop; Space picks True, ArrowRight moves to False and picks it.
    const statements = makeQuestion().statements;
    for (const [i, statement] of statements.entries()) {
      await press(statement.answer ? 'Space' : 'ArrowRight');
      if (i < statements.length - 1) await press('Tab');
    }
  },
  emptyNotice: 'Answer every part first.',
  graded: {
    answerWrong: (el) => mark(el, wrong),
    wrongResponse: () => wrong,
    rightAnswerText: (q) =>
      q.statements.map((s) => `${textOf(s.html)} — ${s.answer ? 'True' : 'False'}`).join(' '),
    displayedOrder: (el) =>
      [...el.shadowRoot!.querySelectorAll('.statement')].map(
        (s) => s.getAttribute('aria-labelledby')!,
      ),
    authoredOrder: (q) => q.statements.map((s) => `st-${s.id}`),
  },
};

runQuestionContract(driver);

describe('ti-true-false', () => {
  it('makes each statement a radio group named by its text, with True and False', async () => {
    const question = makeQuestion();
    await mountQuestion('ti-true-false', question);
    const tree = await accessibilityTree();
    for (const statement of question.statements) {
      const name = textOf(statement.html);
      const group = findNode(tree, (n) => n.role === 'radiogroup' && n.name === name);
      expect(group, name).to.not.equal(undefined);
      expect(findNode(group!, (n) => n.role === 'radio' && n.name === 'True')).to.not.equal(
        undefined,
      );
      expect(findNode(group!, (n) => n.role === 'radio' && n.name === 'False')).to.not.equal(
        undefined,
      );
    }
  });

  it('asks for every statement before checking', async () => {
    const el = await mountQuestion('ti-true-false', makeQuestion());
    await mark(el, ['a.true', 'b.false']);
    await checkAnswer(el);
    expect(liveText(el)).to.equal('Answer every part first.');
    expect(el.progress).to.deep.equal({
      response: ['a.true', 'b.false'],
      attempts: 0,
      done: false,
    });
  });

  it('one pick per statement: changing a mark replaces it', async () => {
    const el = await mountQuestion('ti-true-false', makeQuestion());
    await mark(el, ['c.false', 'a.false', 'b.false', 'a.true', 'c.true']);
    expect(el.progress.response).to.deep.equal(right);
  });

  it('after the last try, marks the right answer and shows statement feedback', async () => {
    const el = await mountQuestion('ti-true-false', makeQuestion());
    await mark(el, wrong);
    await checkAnswer(el);
    const label = (id: string) =>
      normalized(el.shadowRoot!.querySelector(`label[for="${id}"]`)?.textContent);
    expect(label('tf-b-false')).to.equal('False (right answer)');
    expect(label('tf-b-true')).to.equal('True (your choice)');
    expect(label('tf-a-true')).to.equal('True (right answer, your choice)');
    expect(liveText(el)).to.include('Tools reflect the data');
  });
});
