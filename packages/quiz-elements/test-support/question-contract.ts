/**
 * The contract every question type must pass: structure and names, scoring through the
 * UI, attempts and the right answer, reset, restore (silently), keyboard-only use, axe
 * before and after checking, the answer event and its detail, the live region, 320 px,
 * and a shuffle that is stable for a seed. Each type's test file describes how to answer
 * it (a `QuestionDriver`), calls `runQuestionContract` and adds its own tests.
 */
import { expect, fixture, html, unsafeStatic } from '@open-wc/testing';
import type { AnswerDetail, Question, questionTags } from '@teach-in/course-schema';
import { correctResponse, isGraded } from '@teach-in/course-schema/scoring';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { QuestionAnsweredEvent } from '../src/events.ts';
import type { QuestionElement } from '../src/question-base/question-element.ts';

export type QuestionTag = (typeof questionTags)[keyof typeof questionTags];

/** How the contract answers one question type, as a learner would. */
export interface QuestionDriver<Q extends Question = Question> {
  tag: QuestionTag;
  /** A question with one attempt and, for graded types, `shuffle: false`. */
  makeQuestion(): Q;
  /** The accessible name of the question's group (usually the prompt). */
  groupName(question: Q): string;
  /** "Check answer", "Submit" or "Save". */
  actionLabel: string;
  /** The controls the learner answers with, in tab order. */
  controls(el: QuestionElement): HTMLElement[];
  /** Answers with the pointer (right, for graded types). */
  answerRight(el: QuestionElement): Promise<void>;
  /** The response tokens `answerRight` and `answerWithKeyboard` give. */
  rightResponse(question: Q): string[];
  /** With focus on the first control, gives the same answer with the keyboard alone. */
  answerWithKeyboard(el: QuestionElement): Promise<void>;
  /** What checking without an answer says; null when there is always an answer. */
  emptyNotice: string | null;
  /** A saved response that no longer fits the question (default: an unknown id). */
  foreignResponse?: string[];
  graded?: {
    answerWrong(el: QuestionElement): Promise<void>;
    wrongResponse(question: Q): string[];
    /** The text after "The right answer:", after the last wrong try. */
    rightAnswerText(question: Q): string;
    /** Ids of the shuffled items as shown, and as authored. */
    displayedOrder?(el: QuestionElement): string[];
    authoredOrder?(question: Q): string[];
  };
  ungraded?: {
    /** What the live region says after submitting. */
    submittedText(question: Q): string;
    private?: boolean;
  };
}

export async function mountQuestion<Q extends Question>(
  tag: QuestionTag,
  question: Q,
  seed = 0,
): Promise<QuestionElement> {
  const name = unsafeStatic(tag);
  return fixture<QuestionElement>(html`<${name} .seed=${seed} .question=${question}></${name}>`);
}

/** The question between two buttons, so keyboard tests have somewhere to come from and go to. */
export async function mountBetweenButtons(
  tag: QuestionTag,
  question: Question,
): Promise<{ wrapper: HTMLElement; el: QuestionElement; before: HTMLButtonElement }> {
  const name = unsafeStatic(tag);
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button type="button" id="before">Before</button>
    <${name} .question=${question}></${name}>
    <button type="button" id="after">After</button>
  </div>`);
  const el = wrapper.querySelector<QuestionElement>(tag)!;
  await el.updateComplete;
  return { wrapper, el, before: wrapper.querySelector<HTMLButtonElement>('#before')! };
}

export function actionButtonOf(el: QuestionElement): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!;
}

export function liveRegionOf(el: QuestionElement): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
}

/** The live region's text as rendered (list items apart), spaces folded. */
export function liveText(el: QuestionElement): string {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text keeps list items apart, as a screen reader reads them
  return normalized(liveRegionOf(el).innerText);
}

/** The element with focus inside the question's shadow root, if any. */
export function focusedIn(el: QuestionElement): Element | null {
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

/** Clicks the inputs with these values (choice ids), as a pointer user would. */
export async function choose(el: QuestionElement, values: readonly string[]): Promise<void> {
  for (const value of values) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`);
    if (!input) throw new Error(`No input with value ${value}`);
    input.click();
  }
  await el.updateComplete;
}

/** Picks an option of a select, as a pointer user would. */
export async function selectOption(
  el: QuestionElement,
  select: HTMLSelectElement,
  value: string,
): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Puts text in a field as typing would (one input event). */
export async function typeInto(
  el: QuestionElement,
  field: HTMLInputElement | HTMLTextAreaElement,
  text: string,
): Promise<void> {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

/** Clicks the action button ("Check answer", "Submit", "Save" or "Try again"). */
export async function checkAnswer(el: QuestionElement): Promise<void> {
  actionButtonOf(el).click();
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
  return normalized(template.content.textContent);
}

export function normalized(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Presses Tab until the action button has focus, failing if it never does. */
export async function tabToActionButton(el: QuestionElement, limit: number): Promise<void> {
  const button = actionButtonOf(el);
  for (let i = 0; i <= limit && focusedIn(el) !== button; i++) {
    await sendKeys({ press: 'Tab' });
  }
  expectSameElement(focusedIn(el), button, 'focus');
}

/** Presses a key `times` times. */
export async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
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

function isLocked(control: HTMLElement): boolean {
  return (
    (control as HTMLInputElement).disabled === true ||
    (control as HTMLInputElement).readOnly === true
  );
}

/** Answers the way that shows the most: wrong for graded types, anything for the others. */
async function answerAndCheck<Q extends Question>(
  driver: QuestionDriver<Q>,
  el: QuestionElement,
): Promise<void> {
  if (driver.graded) await driver.graded.answerWrong(el);
  else await driver.answerRight(el);
  await checkAnswer(el);
}

export function runQuestionContract<Q extends Question>(driver: QuestionDriver<Q>): void {
  const { tag, makeQuestion } = driver;
  const withAttempts = (attempts: number): Q => ({ ...makeQuestion(), attempts });

  describe(`${tag}: the question contract`, () => {
    it('renders a group named by the prompt, its controls and a polite live region', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const fieldset = el.shadowRoot!.querySelector('fieldset')!;
      const controls = driver.controls(el);
      expect(controls.length).to.be.greaterThan(0);
      for (const control of controls) {
        expectSameElement(control.closest('fieldset'), fieldset, 'control group');
      }
      expect(normalized(actionButtonOf(el).textContent)).to.equal(driver.actionLabel);
      const live = liveRegionOf(el);
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(liveText(el)).to.equal('');

      const tree = await accessibilityTree();
      const name = driver.groupName(question);
      const group = findNode(tree, (n) => n.role === 'group' && n.name === name);
      expect(group, `a group named "${name}"`).to.not.equal(undefined);
      expect(el.questionId).to.equal(question.id);
      expect(el.counts).to.equal(driver.graded !== undefined);
      expect(el.answered).to.equal(false);
      expect(el.isCorrect).to.equal(null);
    });

    if (driver.emptyNotice !== null) {
      const notice = driver.emptyNotice;
      it('asks for an answer first when there is none, and reports nothing', async () => {
        const el = await mountQuestion(tag, makeQuestion());
        const answers = recordAnswers(el);
        await checkAnswer(el);
        expect(liveText(el)).to.equal(notice);
        expect(answers).to.have.length(0);
        expect(el.answered).to.equal(false);
        expect(driver.controls(el).some(isLocked)).to.equal(false);
      });
    }

    if (driver.graded) {
      const graded = driver.graded;

      it('scores the right answer as correct and reports every detail', async () => {
        const question = makeQuestion();
        const el = await mountQuestion(tag, question);
        const answers = recordAnswers(el);
        await driver.answerRight(el);
        await checkAnswer(el);

        expect(answers).to.have.length(1);
        const { latencyMs, ...detail } = answers[0]!.detail;
        expect(detail).to.deep.equal({
          questionId: question.id,
          type: question.type,
          counts: true,
          response: driver.rightResponse(question),
          correctResponse: correctTokens(question),
          correct: true,
          attempt: 1,
          final: true,
          description: question.promptText,
          private: false,
        } satisfies Omit<AnswerDetail, 'latencyMs'>);
        expect(latencyMs).to.be.a('number').and.to.be.at.least(0);
        expect(el.answered).to.equal(true);
        expect(el.isCorrect).to.equal(true);
        expect(liveRegionOf(el).querySelector('.verdict')?.textContent).to.equal('Correct.');
        expect(liveText(el)).to.not.include('The right answer:');
      });

      it('scores a wrong answer, locks the answer and shows the right one after the last try', async () => {
        const question = makeQuestion();
        const el = await mountQuestion(tag, question);
        const answers = recordAnswers(el);
        await graded.answerWrong(el);
        await checkAnswer(el);

        expect(answers).to.have.length(1);
        expect(answers[0]!.detail).to.deep.include({
          correct: false,
          response: graded.wrongResponse(question),
          attempt: 1,
          final: true,
        });
        expect(el.isCorrect).to.equal(false);
        expect(el.answered).to.equal(true);
        expect(liveRegionOf(el).querySelector('.verdict')?.textContent).to.equal('Not quite.');
        expect(liveText(el)).to.include(`The right answer: ${graded.rightAnswerText(question)}`);
        expect(driver.controls(el).every(isLocked)).to.equal(true);
        expect(actionButtonOf(el).getAttribute('aria-disabled')).to.equal('true');

        await checkAnswer(el);
        expect(answers, 'checking again reports nothing').to.have.length(1);
      });

      it('offers "Try again" while tries remain, then shows the right answer', async () => {
        const question = withAttempts(2);
        const { el, before } = await mountBetweenButtons(tag, question);
        const answers = recordAnswers(el);
        await graded.answerWrong(el);
        await checkAnswer(el);

        expect(answers[0]!.detail).to.deep.include({ correct: false, attempt: 1, final: false });
        expect(el.answered).to.equal(false);
        expect(el.isCorrect).to.equal(false);
        expect(el.progress).to.deep.include({ attempts: 1, done: false });
        expect(normalized(actionButtonOf(el).textContent)).to.equal('Try again');
        expect(liveText(el)).to.include('Not quite.');
        expect(liveText(el)).to.include('You have 1 more try.');
        expect(liveText(el)).to.not.include('The right answer:');

        // "Try again" with the keyboard: focus goes back to the answer.
        before.focus();
        actionButtonOf(el).focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        await el.updateComplete;
        expect(
          driver.controls(el).includes(focusedIn(el) as HTMLElement),
          'focus on a control',
        ).to.equal(true);
        expect(driver.controls(el).some(isLocked)).to.equal(false);
        expect(liveText(el)).to.equal('');
        expect(normalized(actionButtonOf(el).textContent)).to.equal('Check answer');

        await checkAnswer(el);
        expect(answers[1]!.detail).to.deep.include({ correct: false, attempt: 2, final: true });
        expect(el.answered).to.equal(true);
        expect(el.progress).to.deep.include({ attempts: 2, done: true });
        expect(liveText(el)).to.include(`The right answer: ${graded.rightAnswerText(question)}`);
      });

      it('restore() of a try with tries left waits for the next try', async () => {
        const question = withAttempts(2);
        const first = await mountQuestion(tag, question);
        await graded.answerWrong(first);
        await checkAnswer(first);
        const saved = JSON.parse(JSON.stringify(first.progress));
        expect(saved).to.deep.include({ attempts: 1, done: false });

        const el = await mountQuestion(tag, question);
        const answers = recordAnswers(el);
        el.restore(saved);
        await el.updateComplete;
        expect(el.progress).to.deep.equal(saved);
        expect(el.answered).to.equal(false);
        expect(driver.controls(el).some(isLocked)).to.equal(false);
        expect(normalized(actionButtonOf(el).textContent)).to.equal('Check answer');
        await checkAnswer(el);
        expect(answers.map((a) => [a.detail.attempt, a.detail.final])).to.deep.equal([[2, true]]);
      });

      it('counts a right answer on the second try', async () => {
        const el = await mountQuestion(tag, withAttempts(3));
        const answers = recordAnswers(el);
        await graded.answerWrong(el);
        await checkAnswer(el);
        await checkAnswer(el); // Try again
        await driver.answerRight(el);
        await checkAnswer(el);
        expect(
          answers.map((a) => [a.detail.correct, a.detail.attempt, a.detail.final]),
        ).to.deep.equal([
          [false, 1, false],
          [true, 2, true],
        ]);
        expect(el.isCorrect).to.equal(true);
        expect(el.answered).to.equal(true);
      });

      it('reports a knowledge check as not counting', async () => {
        const el = await mountQuestion(tag, { ...makeQuestion(), graded: false });
        const answers = recordAnswers(el);
        await driver.answerRight(el);
        await checkAnswer(el);
        expect(el.counts).to.equal(false);
        expect(answers[0]!.detail.counts).to.equal(false);
        expect(answers[0]!.detail.correct).to.equal(true);
      });

      if (graded.displayedOrder && graded.authoredOrder) {
        const shown = graded.displayedOrder;
        const authored = graded.authoredOrder;
        it('shuffles by seed: the same seed gives the same order; shuffle: false keeps it', async () => {
          const question = { ...makeQuestion(), shuffle: true };
          const first = shown(await mountQuestion(tag, question, 7));
          const again = shown(await mountQuestion(tag, question, 7));
          expect(again).to.deep.equal(first);
          const orders = [];
          for (let seed = 1; seed <= 8; seed++) {
            orders.push(shown(await mountQuestion(tag, question, seed)).join());
          }
          expect(new Set(orders).size, 'different seeds give different orders').to.be.greaterThan(
            1,
          );
          expect(orders.some((order) => order !== authored(question).join())).to.equal(true);

          const kept = { ...makeQuestion(), shuffle: false };
          expect(shown(await mountQuestion(tag, kept, 7))).to.deep.equal(authored(kept));
        });
      }
    } else if (driver.ungraded) {
      const ungraded = driver.ungraded;
      it('reports a submitted answer with no right or wrong', async () => {
        const question = makeQuestion();
        const el = await mountQuestion(tag, question);
        const answers = recordAnswers(el);
        await driver.answerRight(el);
        await checkAnswer(el);

        expect(answers).to.have.length(1);
        const { latencyMs, ...detail } = answers[0]!.detail;
        expect(detail).to.deep.equal({
          questionId: question.id,
          type: question.type,
          counts: false,
          response: driver.rightResponse(question),
          correctResponse: [],
          correct: null,
          attempt: 1,
          final: true,
          description: question.promptText,
          private: ungraded.private ?? false,
        } satisfies Omit<AnswerDetail, 'latencyMs'>);
        expect(latencyMs).to.be.at.least(0);
        expect(el.answered).to.equal(true);
        expect(el.isCorrect).to.equal(null);
        expect(el.counts).to.equal(false);
        expect(liveText(el)).to.include(ungraded.submittedText(question));
      });
    }

    it('reset() clears the answer for a fresh attempt', async () => {
      const question = makeQuestion();
      const el = await mountQuestion(tag, question);
      const fresh = (await mountQuestion(tag, question)).progress;
      const answers = recordAnswers(el);
      await answerAndCheck(driver, el);

      el.reset();
      await el.updateComplete;
      expect(el.answered).to.equal(false);
      expect(el.isCorrect).to.equal(null);
      expect(el.progress).to.deep.equal(fresh);
      expect(driver.controls(el).some(isLocked)).to.equal(false);
      expect(actionButtonOf(el).getAttribute('aria-disabled')).to.equal('false');
      expect(liveText(el)).to.equal('');

      await driver.answerRight(el);
      await checkAnswer(el);
      expect(answers.map((a) => a.detail.attempt)).to.deep.equal([1, 1]);
      expect(answers[1]!.detail.response).to.deep.equal(driver.rightResponse(question));
    });

    it('restore() puts saved progress back as it was, without reporting it', async () => {
      const question = makeQuestion();
      const first = await mountQuestion(tag, question, 3);
      await answerAndCheck(driver, first);
      const saved = JSON.parse(JSON.stringify(first.progress));

      const el = await mountQuestion(tag, question, 3);
      const answers = recordAnswers(el);
      el.restore(saved);
      await el.updateComplete;

      expect(answers).to.have.length(0);
      expect(el.progress).to.deep.equal(saved);
      expect(el.answered).to.equal(first.answered);
      expect(el.isCorrect).to.equal(first.isCorrect);
      expect(liveText(el)).to.equal(liveText(first));
      expect(driver.controls(el).map(isLocked)).to.deep.equal(driver.controls(first).map(isLocked));
    });

    it('restore() ignores a response the question no longer fits', async () => {
      const el = await mountQuestion(tag, makeQuestion());
      const answers = recordAnswers(el);
      el.restore({
        response: driver.foreignResponse ?? ['no-such-answer.x', 'another'],
        attempts: 1,
        done: true,
      });
      await el.updateComplete;
      expect(el.answered).to.equal(false);
      expect(el.progress.attempts).to.equal(0);
      expect(answers).to.have.length(0);
    });

    it('can be answered with the keyboard alone (Tab, Space, arrows, Enter)', async () => {
      const question = makeQuestion();
      const { wrapper, el, before } = await mountBetweenButtons(tag, question);
      const answers = recordAnswers(el);
      before.focus();

      await sendKeys({ press: 'Tab' });
      expectSameElement(focusedIn(el), driver.controls(el)[0], 'focus');
      await driver.answerWithKeyboard(el);
      await el.updateComplete;
      expect(el.progress.response).to.deep.equal(driver.rightResponse(question));

      await tabToActionButton(el, driver.controls(el).length + 1);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(answers).to.have.length(1);
      expect(answers[0]!.detail.correct).to.equal(driver.graded ? true : null);

      // Focus stays on the button (not lost with the locked inputs), and no trap.
      expectSameElement(focusedIn(el), actionButtonOf(el), 'focus');
      await sendKeys({ press: 'Tab' });
      const after = wrapper.querySelector('#after');
      if (document.activeElement !== after) await sendKeys({ press: 'Tab' }); // a disclosure
      expectSameElement(document.activeElement, after, 'focus');
    });

    it('has no axe violations before and after checking', async () => {
      const el = await mountQuestion(tag, makeQuestion());
      await expect(el).to.be.accessible();
      await checkAnswer(el);
      await expect(el).to.be.accessible();
      await answerAndCheck(driver, el);
      await expect(el).to.be.accessible();
    });

    it('fits 320 px without sideways scrolling, feedback and all', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px"></div>`);
      const el = document.createElement(tag) as QuestionElement;
      el.question = makeQuestion();
      wrapper.append(el);
      await el.updateComplete;
      await answerAndCheck(driver, el);
      el.shadowRoot!.querySelector('details')?.setAttribute('open', '');
      await el.updateComplete;

      const right = el.getBoundingClientRect().right;
      const fieldset = el.shadowRoot!.querySelector('fieldset')!;
      expect(fieldset.scrollWidth, 'fieldset scroll width').to.be.at.most(fieldset.clientWidth);
      for (const node of el.shadowRoot!.querySelectorAll('*')) {
        const box = node.getBoundingClientRect();
        expect(box.right, `${describeElement(node)} right edge`).to.be.at.most(right + 0.5);
      }
    });

    it('reads the question from a child <script type="application/json">', async () => {
      const question = makeQuestion();
      const json = JSON.stringify(question).replace(/</g, '\\u003c');
      const el = await fixture<QuestionElement>(
        `<${tag}><script type="application/json">${json}</script></${tag}>`,
      );
      expect(el.question).to.deep.equal(question);
      expect(el.questionId).to.equal(question.id);
      expect(driver.controls(el).length).to.equal(
        driver.controls(await mountQuestion(tag, question)).length,
      );
    });

    it('sends an answer event that bubbles out of the shadow root', async () => {
      const question = makeQuestion();
      const { wrapper, el } = await mountBetweenButtons(tag, question);
      const heard: Event[] = [];
      const listener = (event: Event) => heard.push(event);
      wrapper.addEventListener('ti-answer', listener);
      document.addEventListener('ti-answer', listener);
      try {
        await driver.answerRight(el);
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

/** The right answer's tokens, from the shared scoring, so tests and elements agree on it. */
function correctTokens(question: Question): string[] {
  return isGraded(question) ? correctResponse(question) : [];
}
