/**
 * Helpers for the shell's browser tests. Questions are answered through the accessibility
 * contract every question element keeps (native inputs labelled by their text, a "Check
 * answer" button), not through one element's internals.
 */
import { expect, fixture } from '@open-wc/testing';
import type { ChoiceQuestion } from '@teach-in/course-schema';
import { html, type TemplateResult } from 'lit';
import type { CourseShellElement } from '../src/course-shell/course-shell.ts';
import type { ShellQuestion } from '../src/course-shell/shell-question.ts';
import type { QuestionAnsweredEvent } from '../src/events.ts';

export function normalized(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function describe(node: Element | null | undefined): string {
  if (!node) return String(node);
  return `<${node.localName}${node.id ? `#${node.id}` : ''}> "${normalized(node.textContent).slice(0, 40)}"`;
}

/** Compares elements by identity (a failing deep equal on elements hangs mocha). */
export function expectSameElement(
  actual: Element | null | undefined,
  expected: Element | null | undefined,
  what = 'element',
): void {
  expect(
    actual === expected,
    `${what}: expected ${describe(expected)}, got ${describe(actual)}`,
  ).to.equal(true);
}

export function choiceQuestion(
  id: string,
  type: 'single' | 'multiple',
  graded: boolean,
  right: string[],
  pool?: string,
): ChoiceQuestion {
  return {
    type,
    id,
    moduleId: 'job-quality',
    promptHtml: `Question ${id}?`,
    promptText: `Question ${id}?`,
    graded,
    attempts: 1,
    shuffle: false,
    ...(pool ? { pool } : {}),
    choices: ['a', 'b', 'c'].map((choiceId) => ({
      id: choiceId,
      html: `Answer ${choiceId.toUpperCase()}`,
      correct: right.includes(choiceId),
    })),
  };
}

/** Picks the choices with these labels ("Answer B") and checks the answer. */
export async function answer(question: ShellQuestion, labels: readonly string[]): Promise<void> {
  // A question on a page far from the one on show renders in idle time (first-render.ts).
  await (question as ShellQuestion & { updateComplete: Promise<unknown> }).updateComplete;
  const root = question.shadowRoot!;
  for (const input of root.querySelectorAll('input')) {
    const label = normalized(input.labels?.[0]?.textContent);
    if (labels.includes(label)) input.click();
  }
  const check = [...root.querySelectorAll('button')].find(
    (b) => normalized(b.textContent) === 'Check answer',
  );
  if (!check) throw new Error(`No "Check answer" button in ${question.questionId}`);
  check.click();
  await (question as ShellQuestion & { updateComplete: Promise<unknown> }).updateComplete;
}

export function recordAnswers(el: HTMLElement): QuestionAnsweredEvent[] {
  const seen: QuestionAnsweredEvent[] = [];
  el.addEventListener('ti-answer', (event) => seen.push(event));
  return seen;
}

export async function mountShell(template: TemplateResult): Promise<CourseShellElement> {
  const el = await fixture<CourseShellElement>(template);
  await el.updateComplete;
  return el;
}

export const pagesOf = (el: CourseShellElement) => [
  ...el.querySelectorAll<HTMLElement>('.ti-page'),
];
export const visiblePageIds = (el: CourseShellElement) =>
  pagesOf(el)
    .filter((page) => !page.hidden)
    .map((page) => page.dataset.pageId);
export const questionById = (el: CourseShellElement, id: string) =>
  el.questions.find((q) => q.questionId === id)!;

/** The course stylesheet, as the packages ship it, for layout tests. */
export async function loadCourseCss(): Promise<void> {
  if (document.getElementById('course-css')) return;
  const css = await (
    await fetch(new URL('../src/course-shell/course.css', import.meta.url))
  ).text();
  const style = document.createElement('style');
  style.id = 'course-css';
  style.textContent = css;
  document.head.append(style);
}

export const poolQuestions = ['pool-one', 'pool-two', 'pool-three'].map((id) =>
  choiceQuestion(id, 'single', true, ['a'], 'check/final'),
);
export const finalQuestion = choiceQuestion('after-the-pool', 'single', true, ['a']);

/**
 * Two modules and the pages outside the sequence, marked up as the builder's
 * render-page.ts writes them (packages/course-builder/test/render-page.test.ts holds the
 * builder to the same structure).
 */
export function twoModuleCourse(courseKey = 'two-modules') {
  return html`<ti-course passing-score="50" data-course-key=${courseKey} data-pools='{"check/final":2}'>
    <section class="ti-page" data-page-id="who-decides/welcome" data-module-id="who-decides" aria-labelledby="page-1">
      <p class="ti-module-title">Who decides</p>
      <h2 id="page-1" tabindex="-1">Welcome</h2>
      <p>
        Some apps do
        <button type="button" class="ti-term" aria-expanded="false" aria-controls="term-1-1" aria-describedby="term-1-1">algorithmic management</button><span class="ti-term-definition" id="term-1-1" hidden>Software that assigns, times or rates work.</span>
        of shifts.
      </p>
      <p><button type="button" id="after-term">After the term</button></p>
    </section>
    <section class="ti-page" data-page-id="who-decides/rights" data-module-id="who-decides" aria-labelledby="page-2">
      <p class="ti-module-title">Who decides</p>
      <h2 id="page-2" tabindex="-1">Your rights</h2>
      <p>You can ask for your data.</p>
    </section>
    <section class="ti-page" data-page-id="check/final" data-module-id="check" aria-labelledby="page-3">
      <p class="ti-module-title">Check your knowledge</p>
      <h2 id="page-3" tabindex="-1">Final check</h2>
      ${poolQuestions.map((q) => html`<ti-single-choice .question=${q}></ti-single-choice>`)}
      <ti-single-choice .question=${finalQuestion}></ti-single-choice>
    </section>
    <section class="ti-extra" data-extra="glossary" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading" tabindex="-1">Glossary</h2>
      <dl class="ti-glossary"><dt>algorithmic management</dt><dd>Software that assigns, times or rates work.</dd></dl>
    </section>
    <section class="ti-extra" data-extra="references" aria-labelledby="references-heading">
      <h2 id="references-heading" tabindex="-1">References</h2>
      <h3>Who decides</h3>
      <ol><li>Partnership on AI (2022) <span class="ti-cited-on">Cited on: <a href="#page-2">Your rights</a></span></li></ol>
    </section>
    <section class="ti-extra" data-extra="data-notice" aria-labelledby="data-notice-heading">
      <h2 id="data-notice-heading" tabindex="-1">What this course records</h2>
      <ul class="ti-notice-list"><li>The page you are on<br><span class="ti-visually-hidden">LMS field: </span><code class="ti-lms-field">cmi.interactions.n.correct_responses.0.pattern</code></li></ul>
    </section>
  </ti-course>`;
}
