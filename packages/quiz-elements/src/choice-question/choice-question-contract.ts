/**
 * The contract every question type must pass: structure and names, scoring, the live
 * region, reset and restore, keyboard-only use, axe, data from a child script, and the
 * answer event. Each type's test file calls `runChoiceQuestionContract` and then adds
 * its own tests with the helpers exported here.
 */
import { expect, fixture, html, unsafeStatic } from '@open-wc/testing';
import type { ChoiceQuestion } from '@teach-in/course-schema';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { QuestionAnsweredEvent } from '../events.ts';
import type { ChoiceQuestionElement } from './choice-question.ts';

export type ChoiceTag = 'ti-single-choice' | 'ti-multiple-choice';

export async function mountQuestion(
  tag: ChoiceTag,
  question: ChoiceQuestion,
): Promise<ChoiceQuestionElement> {
  const name = unsafeStatic(tag);
  return fixture<ChoiceQuestionElement>(html`<${name} .question=${question}></${name}>`);
}

/** The question between two buttons, so keyboard tests have somewhere to come from and go to. */
export async function mountBetweenButtons(
  tag: ChoiceTag,
  question: ChoiceQuestion,
): Promise<{ wrapper: HTMLElement; el: ChoiceQuestionElement; before: HTMLButtonElement }> {
  const name = unsafeStatic(tag);
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button type="button" id="before">Before</button>
    <${name} .question=${question}></${name}>
    <button type="button" id="after">After</button>
  </div>`);
  const el = wrapper.querySelector<ChoiceQuestionElement>(tag)!;
  await el.updateComplete;
  return { wrapper, el, before: wrapper.querySelector<HTMLButtonElement>('#before')! };
}

export function inputsOf(el: ChoiceQuestionElement): HTMLInputElement[] {
  return [...el.shadowRoot!.querySelectorAll('input')];
}

export function inputFor(el: ChoiceQuestionElement, choiceId: string): HTMLInputElement {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${choiceId}"]`);
  if (!input) throw new Error(`No input for choice ${choiceId}`);
  return input;
}

export function checkButtonOf(el: ChoiceQuestionElement): HTMLButtonElement {
  return el.shadowRoot!.querySelector('button')!;
}

export function liveRegionOf(el: ChoiceQuestionElement): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
}

/** The element with focus inside the question's shadow root, if any. */
export function focusedIn(el: ChoiceQuestionElement): Element | null {
  return el.shadowRoot!.activeElement;
}

/** A short readable name for an element, for failure messages. */
export function describeElement(node: Element | null | undefined): string {
  if (!node) return String(node);
  const host = node.getRootNode() instanceof ShadowRoot ? 'shadow ' : '';
  const id = node.id ? `#${node.id}` : '';
  const value = node instanceof HTMLInputElement ? `[value=${node.value}]` : '';
  const text = normalized(node.textContent).slice(0, 40);
  return `${host}<${node.localName}${id}${value}>${text ? ` "${text}"` : ''}`;
}

/**
 * Asserts that two elements are the same one. (A failing `expect(a).to.equal(b)` on two
 * elements makes mocha walk the whole DOM to print a diff, which hangs the page.)
 */
export function expectSameElement(
  actual: Element | null | undefined,
  expected: Element | null | undefined,
  what = 'element',
): void {
  const message = `${what}: expected ${describeElement(expected)}, got ${describeElement(actual)}`;
  expect(actual === expected, message).to.equal(true);
}

/** Clicks each choice, as a pointer user would. */
export async function choose(el: ChoiceQuestionElement, ids: readonly string[]): Promise<void> {
  for (const id of ids) inputFor(el, id).click();
  await el.updateComplete;
}

export async function checkAnswer(el: ChoiceQuestionElement): Promise<void> {
  checkButtonOf(el).click();
  await el.updateComplete;
}

/** Records every answer event the element emits from now on. */
export function recordAnswers(el: HTMLElement): QuestionAnsweredEvent[] {
  const seen: QuestionAnsweredEvent[] = [];
  el.addEventListener('ti-answer', (event) => seen.push(event));
  return seen;
}

export function textOf(fragmentHtml: string): string {
  const template = document.createElement('template');
  template.innerHTML = fragmentHtml;
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function normalized(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export const correctIds = (question: ChoiceQuestion): string[] =>
  question.choices.filter((c) => c.correct).map((c) => c.id);

const firstWrongId = (question: ChoiceQuestion): string => {
  const wrong = question.choices.find((c) => !c.correct);
  if (!wrong) throw new Error('The contract needs a question with at least one wrong choice');
  return wrong.id;
};

/**
 * Chooses the given choices with the keyboard alone, starting with focus on the first
 * input: radios move (and select) with the arrow keys, checkboxes are Tab stops toggled
 * with Space.
 */
export async function chooseWithKeyboard(
  el: ChoiceQuestionElement,
  ids: readonly string[],
): Promise<void> {
  const inputs = inputsOf(el);
  const radio = inputs[0]?.type === 'radio';
  const targets = ids.map((id) => inputs.findIndex((i) => i.value === id)).sort((a, b) => a - b);
  let at = 0;
  for (const target of targets) {
    while (at < target) {
      await sendKeys({ press: radio ? 'ArrowDown' : 'Tab' });
      at += 1;
    }
    expectSameElement(focusedIn(el), inputs[target], 'focus');
    if (!inputs[target]?.checked) await sendKeys({ press: 'Space' });
  }
  await el.updateComplete;
}

/** Presses Tab until the "Check answer" button has focus, failing if it never does. */
export async function tabToCheckButton(el: ChoiceQuestionElement): Promise<void> {
  const button = checkButtonOf(el);
  for (let i = 0; i <= inputsOf(el).length && focusedIn(el) !== button; i++) {
    await sendKeys({ press: 'Tab' });
  }
  expectSameElement(focusedIn(el), button, 'focus');
}

/** A node of the browser's accessibility tree. */
export interface AxNode {
  role: string;
  name?: string;
  checked?: boolean | 'mixed';
  disabled?: boolean;
  children?: AxNode[];
}

/** The page's whole accessibility tree: what a screen reader gets. */
export function accessibilityTree(): Promise<AxNode> {
  return executeServerCommand<AxNode, undefined>('accessibility-tree');
}

export function findNode(root: AxNode, test: (node: AxNode) => boolean): AxNode | undefined {
  if (test(root)) return root;
  for (const child of root.children ?? []) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Shift+Tab (the runner's puppeteer keyboard takes no chords in `press`). */
export async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

export function runChoiceQuestionContract(
  tag: ChoiceTag,
  makeQuestion: () => ChoiceQuestion,
): void {
  describe(`${tag}: the question contract`, () => {
    it('renders a group named by the prompt, with a native input labelled by each choice', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const fieldset = el.shadowRoot!.querySelector('fieldset')!;
      expect(normalized(fieldset.querySelector('legend')?.textContent)).to.equal(
        question.promptText,
      );
      const inputs = inputsOf(el);
      expect(inputs).to.have.length(question.choices.length);
      question.choices.forEach((choice, i) => {
        const input = inputs[i]!;
        expectSameElement(input.closest('fieldset'), fieldset, 'input group');
        expect(input.value).to.equal(choice.id);
        expect(normalized(input.labels?.[0]?.textContent)).to.equal(textOf(choice.html));
      });
      expect(normalized(checkButtonOf(el).textContent)).to.equal('Check answer');

      // What a screen reader gets: the browser's own accessibility tree.
      const tree = await accessibilityTree();
      const group = findNode(tree, (n) => n.role === 'group' && n.name === question.promptText);
      expect(group, 'a group named by the prompt').to.not.equal(undefined);
      const inputRole = inputs[0]!.type;
      for (const choice of question.choices) {
        const name = textOf(choice.html);
        const node = findNode(group!, (n) => n.role === inputRole && n.name === name);
        expect(node, `${inputRole} named "${name}"`).to.not.equal(undefined);
      }
    });

    it('scores the right answer as correct and reports it', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const answers = recordAnswers(el);
      const right = correctIds(question);
      await choose(el, [...right].reverse());
      await checkAnswer(el);

      expect(answers).to.have.length(1);
      const { detail } = answers[0]!;
      expect(detail).to.include({
        questionId: question.id,
        type: question.type,
        graded: question.graded,
        correct: true,
        description: question.promptText,
      });
      // Ids in the order the choices are shown, whatever order they were picked in.
      expect(detail.response).to.deep.equal(right);
      expect(detail.correctResponse).to.deep.equal(right);
      expect(detail.latencyMs).to.be.a('number').and.to.be.at.least(0);
      expect(el.answered).to.equal(true);
      expect(el.isCorrect).to.equal(true);
      expect(el.questionId).to.equal(question.id);
      expect(el.graded).to.equal(question.graded);
    });

    it('scores a wrong answer as incorrect', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const answers = recordAnswers(el);
      const wrong = firstWrongId(question);
      await choose(el, [wrong]);
      await checkAnswer(el);

      expect(answers).to.have.length(1);
      expect(answers[0]!.detail.correct).to.equal(false);
      expect(answers[0]!.detail.response).to.deep.equal([wrong]);
      expect(answers[0]!.detail.correctResponse).to.deep.equal(correctIds(question));
      expect(el.isCorrect).to.equal(false);
      expect(el.answered).to.equal(true);
    });

    it('asks for an answer first when nothing is chosen, and reports nothing', async () => {
      const el = await mountQuestion(tag, makeQuestion());
      const answers = recordAnswers(el);
      await checkAnswer(el);

      expect(normalized(liveRegionOf(el).textContent)).to.equal('Choose an answer first.');
      expect(answers).to.have.length(0);
      expect(el.answered).to.equal(false);
      expect(inputsOf(el).every((i) => !i.disabled)).to.equal(true);

      // Choosing clears the notice.
      await choose(el, [inputsOf(el)[0]!.value]);
      expect(normalized(liveRegionOf(el).textContent)).to.equal('');
    });

    it('locks the inputs after checking and announces the verdict in a polite live region', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const answers = recordAnswers(el);
      await choose(el, correctIds(question));
      await checkAnswer(el);

      const live = liveRegionOf(el);
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(normalized(live.querySelector('.verdict')?.textContent)).to.equal('Correct.');
      expect(inputsOf(el).every((i) => i.disabled)).to.equal(true);
      expect(checkButtonOf(el).getAttribute('aria-disabled')).to.equal('true');

      // Checking again changes nothing and reports nothing more.
      await checkAnswer(el);
      expect(answers).to.have.length(1);
    });

    it('shows the right answer when the answer is wrong', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const wrong = firstWrongId(question);
      await choose(el, [wrong]);
      await checkAnswer(el);

      const live = normalized(liveRegionOf(el).textContent);
      expect(normalized(liveRegionOf(el).querySelector('.verdict')?.textContent)).to.equal(
        'Not quite.',
      );
      const rightText = question.choices.filter((c) => c.correct).map((c) => textOf(c.html));
      expect(live).to.include(`The right answer: ${rightText.join('; ')}`);
      for (const id of correctIds(question)) {
        expect(normalized(inputFor(el, id).labels?.[0]?.textContent)).to.include('right answer');
      }
      expect(normalized(inputFor(el, wrong).labels?.[0]?.textContent)).to.include('your choice');
    });

    it('reset() clears the answer for a fresh attempt', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const answers = recordAnswers(el);
      await choose(el, [firstWrongId(question)]);
      await checkAnswer(el);

      el.reset();
      await el.updateComplete;
      expect(el.answered).to.equal(false);
      expect(el.isCorrect).to.equal(false);
      expect(el.state).to.deep.equal({ response: [], checked: false });
      expect(inputsOf(el).some((i) => i.checked)).to.equal(false);
      expect(inputsOf(el).every((i) => !i.disabled)).to.equal(true);
      expect(checkButtonOf(el).getAttribute('aria-disabled')).to.equal('false');
      expect(normalized(liveRegionOf(el).textContent)).to.equal('');

      await choose(el, correctIds(question));
      await checkAnswer(el);
      expect(answers.map((a) => a.detail.correct)).to.deep.equal([false, true]);
    });

    it('restore() puts back a saved answer without reporting it', async () => {
      const question = makeQuestion();
      const first = await mountQuestion(tag, question);
      await choose(first, [firstWrongId(question)]);
      await checkAnswer(first);
      const saved = first.state;

      const el = await mountQuestion(tag, question);
      const answers = recordAnswers(el);
      el.restore(saved);
      await el.updateComplete;

      expect(answers).to.have.length(0);
      expect(el.state).to.deep.equal(saved);
      expect(el.answered).to.equal(true);
      expect(el.isCorrect).to.equal(false);
      expect(inputFor(el, firstWrongId(question)).checked).to.equal(true);
      expect(inputsOf(el).every((i) => i.disabled)).to.equal(true);
      expect(normalized(liveRegionOf(el).textContent)).to.include('Not quite.');
    });

    it('restore() ignores choices the question no longer has', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      el.restore({ response: ['no-such-choice'], checked: true });
      await el.updateComplete;
      expect(el.answered).to.equal(false);
      expect(el.state).to.deep.equal({ response: [], checked: false });
    });

    it('can be answered with the keyboard alone (Tab, Space or arrows, Enter)', async () => {
      const question = makeQuestion();
      const { wrapper, el, before } = await mountBetweenButtons(tag, question);
      const answers = recordAnswers(el);
      before.focus();

      await sendKeys({ press: 'Tab' });
      expectSameElement(focusedIn(el), inputsOf(el)[0], 'focus');
      await chooseWithKeyboard(el, correctIds(question));
      expect(el.state.response).to.have.members(correctIds(question));

      await tabToCheckButton(el);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(answers).to.have.length(1);
      expect(answers[0]!.detail.correct).to.equal(true);

      // Focus stays on the button (not lost with the disabled inputs), and no trap.
      expectSameElement(focusedIn(el), checkButtonOf(el), 'focus');
      await sendKeys({ press: 'Tab' });
      expectSameElement(document.activeElement, wrapper.querySelector('#after'), 'focus');
      await shiftTab();
      expectSameElement(focusedIn(el), checkButtonOf(el), 'focus');
    });

    it('checks the answer with Space on the button too', async () => {
      const question = makeQuestion();
      const { el, before } = await mountBetweenButtons(tag, question);
      const answers = recordAnswers(el);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await chooseWithKeyboard(el, [firstWrongId(question)]);
      await tabToCheckButton(el);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(answers).to.have.length(1);
      expect(answers[0]!.detail.correct).to.equal(false);
    });

    it('has no axe violations before and after checking', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      await expect(el).to.be.accessible();
      await checkAnswer(el);
      await expect(el).to.be.accessible();
      await choose(el, [firstWrongId(question)]);
      await checkAnswer(el);
      await expect(el).to.be.accessible();
    });

    it('reads the question from a child <script type="application/json">', async () => {
      const question = makeQuestion();
      // Escaped the way the builder writes it.
      const json = JSON.stringify(question).replace(/</g, '\\u003c');
      const el = await fixture<ChoiceQuestionElement>(
        `<${tag}><script type="application/json">${json}</script></${tag}>`,
      );
      expect(el.question).to.deep.equal(question);
      expect(el.questionId).to.equal(question.id);
      expect(inputsOf(el)).to.have.length(question.choices.length);
    });

    it('sends an answer event that bubbles out of the shadow root', async () => {
      const question = makeQuestion();
      const { wrapper, el } = await mountBetweenButtons(tag, question);
      const heard: Event[] = [];
      const listener = (event: Event) => heard.push(event);
      wrapper.addEventListener('ti-answer', listener);
      document.addEventListener('ti-answer', listener);
      try {
        await choose(el, correctIds(question));
        await checkAnswer(el);
      } finally {
        document.removeEventListener('ti-answer', listener);
      }
      expect(heard).to.have.length(2);
      expect(heard[0]!.bubbles).to.equal(true);
      expect(heard[0]!.composed).to.equal(true);
      expectSameElement(heard[0]!.target as Element, el, 'event target');
    });
  });
}
