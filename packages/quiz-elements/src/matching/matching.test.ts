import { expect } from '@open-wc/testing';
import type { MatchingQuestion } from '@teach-in/course-schema';
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
  textOf,
} from '../../test-support/question-contract.ts';
import type { QuestionElement } from '../question-base/question-element.ts';
import './matching.ts';

function makeQuestion(): MatchingQuestion {
  return {
    type: 'matching',
    id: 'match-rights',
    moduleId: 'workers-data-rights',
    promptHtml: 'Match each right to what it lets you do.',
    promptText: 'Match each right to what it lets you do.',
    graded: true,
    attempts: 1,
    shuffle: false,
    prompts: [
      { id: 'a', html: 'Access', match: '1', feedbackHtml: 'Article 15 of the GDPR.' },
      { id: 'b', html: '<em>Rectification</em>', match: '2' },
      { id: 'c', html: 'Erasure', match: '3' },
    ],
    targets: [
      { id: '1', text: 'Get a copy of your data' },
      { id: '2', text: 'Have wrong data corrected' },
      { id: '3', text: 'Have your data deleted' },
      { id: '4', text: 'Stop all monitoring at once, everywhere, in every workplace you have' },
    ],
  };
}

const selectsOf = (el: QuestionElement): HTMLSelectElement[] => [
  ...el.shadowRoot!.querySelectorAll('select'),
];

async function match(el: QuestionElement, tokens: readonly string[]): Promise<void> {
  for (const token of tokens) {
    const [prompt, target] = token.split('.') as [string, string];
    await selectOption(
      el,
      el.shadowRoot!.querySelector<HTMLSelectElement>(`#match-${prompt}`)!,
      target,
    );
  }
}

const right = ['a.1', 'b.2', 'c.3'];
const wrong = ['a.2', 'b.1', 'c.3'];

const driver: QuestionDriver<MatchingQuestion> = {
  tag: 'ti-matching',
  makeQuestion,
  groupName: (q) => q.promptText,
  actionLabel: 'Check answer',
  controls: selectsOf,
  answerRight: (el) => match(el, right),
  rightResponse: () => right,
  async answerWithKeyboard(el) {
    // A closed select changes its value with the arrow keys; Tab goes to the next one.
    const selects = selectsOf(el);
    for (const [i, select] of selects.entries()) {
      const wanted = right[i]!.split('.')[1];
      const steps = [...select.options].findIndex((o) => o.value === wanted);
      await press('ArrowDown', steps);
      if (i < selects.length - 1) await press('Tab');
    }
  },
  emptyNotice: 'Answer every part first.',
  graded: {
    answerWrong: (el) => match(el, wrong),
    wrongResponse: () => wrong,
    rightAnswerText: (q) =>
      q.prompts
        .map((p) => `${textOf(p.html)} — ${q.targets.find((t) => t.id === p.match)!.text}`)
        .join(' '),
    displayedOrder: (el) => [
      ...selectsOf(el).map((s) => s.id),
      ...[...selectsOf(el)[0]!.options].map((o) => o.value),
    ],
    authoredOrder: (q) => [
      ...q.prompts.map((p) => `match-${p.id}`),
      '',
      ...q.targets.map((t) => t.id),
    ],
  },
};

runQuestionContract(driver);

describe('ti-matching', () => {
  it('labels each select with its prompt and offers every target, after a placeholder', async () => {
    const question = makeQuestion();
    const el = await mountQuestion('ti-matching', question);
    const tree = await accessibilityTree();
    for (const prompt of question.prompts) {
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>(`#match-${prompt.id}`)!;
      expect(normalized(select.labels[0]?.textContent)).to.equal(textOf(prompt.html));
      expect([...select.options].map((o) => o.text)).to.deep.equal([
        'Choose…',
        ...question.targets.map((t) => t.text),
      ]);
      expect(
        findNode(tree, (n) => n.role === 'combobox' && n.name === textOf(prompt.html)),
        `a select named ${prompt.html}`,
      ).to.not.equal(undefined);
    }
  });

  it('asks for every pair before checking; going back to the placeholder unpicks', async () => {
    const el = await mountQuestion('ti-matching', makeQuestion());
    await match(el, ['a.1', 'b.2', 'c.3']);
    await selectOption(el, selectsOf(el)[2]!, '');
    await checkAnswer(el);
    expect(liveText(el)).to.equal('Answer every part first.');
    expect(el.progress.response).to.deep.equal(['a.1', 'b.2']);
  });

  it('after the last try, says the right target beside each wrong pair', async () => {
    const el = await mountQuestion('ti-matching', makeQuestion());
    await match(el, wrong);
    await checkAnswer(el);
    const rows = [...el.shadowRoot!.querySelectorAll('.pair')].map((r) =>
      normalized(r.textContent),
    );
    expect(rows[0]).to.include('(right answer: Get a copy of your data)');
    expect(rows[2]).to.not.include('right answer');
    expect(liveText(el)).to.include('Article 15 of the GDPR.');
  });
});
