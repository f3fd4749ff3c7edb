/**
 * Helpers for the shell's browser tests. Questions are answered through the accessibility
 * contract every question element keeps (native inputs labelled by their text, a "Check
 * answer" button), not through one element's internals.
 */
import { expect, fixture } from '@open-wc/testing';
import type { ChoiceQuestion } from '@teach-in/course-schema';
import type { TemplateResult } from 'lit';
import type { QuestionAnsweredEvent } from '../events.ts';
import type { CourseShellElement } from './course-shell.ts';
import type { ShellQuestion } from './shell-question.ts';

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
  const css = await (await fetch(new URL('./course.css', import.meta.url))).text();
  const style = document.createElement('style');
  style.id = 'course-css';
  style.textContent = css;
  document.head.append(style);
}
