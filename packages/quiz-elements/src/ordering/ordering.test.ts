import { expect } from '@open-wc/testing';
import type { OrderingQuestion } from '@teach-in/course-schema';
import { sendKeys } from '@web/test-runner-commands';
import {
  accessibilityTree,
  expectSameElement,
  findNode,
  focusedIn,
  liveText,
  mountQuestion,
  press,
  type QuestionDriver,
  runQuestionContract,
  textOf,
} from '../../test-support/question-contract.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import { seededDerangedOrder } from '../question-base/shuffle.ts';
import './ordering.ts';

function makeQuestion(): OrderingQuestion {
  return {
    type: 'ordering',
    id: 'steps-of-a-request',
    moduleId: 'workers-data-rights',
    promptHtml: 'Put the steps in order.',
    promptText: 'Put the steps in order.',
    graded: true,
    attempts: 1,
    shuffle: true,
    correctFeedbackHtml: 'That is the order.',
    items: [
      { id: 'a', html: 'Write the request' },
      { id: 'b', html: 'Send it to the <em>employer</em>' },
      { id: 'c', html: 'Wait up to one month' },
      { id: 'd', html: 'Raise it with your rep if there is no answer' },
    ],
  };
}

const buttonsOf = (el: QuestionElement): HTMLButtonElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.moves button'),
];
const shownOrder = (el: QuestionElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('.item .text')].map((t) => t.id.replace('item-', ''));
const rightOrder = ['a', 'b', 'c', 'd'];

/** Sorts the list by clicking "Move up", as a pointer user would. */
async function sortByClicking(el: QuestionElement): Promise<void> {
  for (const [target, id] of rightOrder.entries()) {
    while (shownOrder(el).indexOf(id) > target) {
      el.shadowRoot!.querySelector<HTMLButtonElement>(`#up-${id}`)!.click();
      await el.updateComplete;
    }
  }
}

const driver: QuestionDriver<OrderingQuestion> = {
  tag: 'ti-ordering',
  makeQuestion,
  groupName: (q) => q.promptText,
  actionLabel: 'Check answer',
  controls: buttonsOf,
  answerRight: sortByClicking,
  rightResponse: () => rightOrder,
  async answerWithKeyboard(el) {
    // Focus starts on the first "Move up"; the buttons go up, down, up, down... in the tab
    // order, and focus follows a moved item.
    let focusAt = 0;
    for (const [target, id] of rightOrder.entries()) {
      const from = shownOrder(el).indexOf(id);
      if (from === target) continue;
      await press('Tab', 2 * from - focusAt);
      await press('Enter', from - target);
      await el.updateComplete;
      focusAt = 2 * target;
    }
  },
  emptyNotice: null,
  graded: {
    answerWrong: async () => {},
    wrongResponse: (q) => seededDerangedOrder(rightOrder, 0, q.id),
    rightAnswerText: (q) => q.items.map((i) => textOf(i.html)).join(' '),
  },
};

runQuestionContract(driver);

describe('ti-ordering', () => {
  it('starts in a seeded order that is stable for a seed and never already right', async () => {
    const question = makeQuestion();
    const orders = new Set<string>();
    for (let seed = 0; seed < 24; seed++) {
      const order = shownOrder(await mountQuestion('ti-ordering', question, seed));
      expect(order.join(), `seed ${seed}`).to.not.equal(rightOrder.join());
      expect([...order].sort()).to.deep.equal(rightOrder);
      orders.add(order.join());
    }
    expect(orders.size).to.be.greaterThan(3);
    const again = await mountQuestion('ti-ordering', question, 5);
    expect(shownOrder(again)).to.deep.equal(
      shownOrder(await mountQuestion('ti-ordering', question, 5)),
    );
    // Two items can only be in one wrong order; "shuffle: false" cannot make it right.
    const two = { ...question, shuffle: false, items: question.items.slice(0, 2) };
    expect(shownOrder(await mountQuestion('ti-ordering', two, 1))).to.deep.equal(['b', 'a']);
  });

  it('names each move button after its item, and disables the moves off the ends', async () => {
    const el = await mountQuestion('ti-ordering', makeQuestion());
    const first = shownOrder(el)[0]!;
    const last = shownOrder(el)[3]!;
    const tree = await accessibilityTree();
    const name = `Move up ${textOf(makeQuestion().items.find((i) => i.id === first)!.html)}`;
    expect(
      findNode(tree, (n) => n.role === 'button' && n.name === name),
      name,
    ).to.not.equal(undefined);
    expect(el.shadowRoot!.querySelector(`#up-${first}`)!.getAttribute('aria-disabled')).to.equal(
      'true',
    );
    expect(el.shadowRoot!.querySelector(`#down-${last}`)!.getAttribute('aria-disabled')).to.equal(
      'true',
    );
    expect(el.shadowRoot!.querySelector(`#down-${first}`)!.getAttribute('aria-disabled')).to.equal(
      'false',
    );
  });

  it('keeps focus on the moved item and announces its new position', async () => {
    const el = await mountQuestion('ti-ordering', makeQuestion());
    const second = shownOrder(el)[1]!;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>(`#up-${second}`)!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(shownOrder(el)[0]).to.equal(second);
    expectSameElement(focusedIn(el), el.shadowRoot!.querySelector(`#up-${second}`), 'focus');
    const text = textOf(makeQuestion().items.find((i) => i.id === second)!.html);
    expect(liveText(el)).to.equal(`${text}: position 1 of 4.`);
    // At the top, "Move up" does nothing more.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shownOrder(el)[0]).to.equal(second);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await el.updateComplete;
    expect(shownOrder(el)[1]).to.equal(second);
    expectSameElement(focusedIn(el), el.shadowRoot!.querySelector(`#down-${second}`), 'focus');
    expect(liveText(el)).to.equal(`${text}: position 2 of 4.`);
  });

  it('after the last try, says which items are in the right place', async () => {
    const el = await mountQuestion('ti-ordering', makeQuestion(), 2);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!.click();
    await el.updateComplete;
    const order = shownOrder(el);
    const marks = [...el.shadowRoot!.querySelectorAll('.item .mark')].map((m) => m.textContent);
    expect(marks).to.deep.equal(
      order.map((id, i) => (rightOrder[i] === id ? '(right place)' : '(wrong place)')),
    );
  });
});
