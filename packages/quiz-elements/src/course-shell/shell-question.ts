/**
 * What the shell needs from a question element: the public API of `QuestionElement`
 * (../question-base, INTERFACES.md). Typed structurally here so the shell depends on
 * the contract, not on any one element's class.
 */
import type { Question, QuestionProgress } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema/scoring';

export interface ShellQuestion extends HTMLElement {
  question?: Question;
  /** Drives the element's shuffle; set by the shell before the element first renders. */
  seed: number;
  readonly questionId: string;
  readonly counts: boolean;
  readonly answered: boolean;
  readonly isCorrect: boolean | null;
  readonly progress: QuestionProgress;
  restore(progress: QuestionProgress): void;
  reset(): void;
}

/** Every question element, whatever its type. */
export const questionSelector = Object.values(questionTags).join(',');

/** A reflection whose author did not opt in to sharing: its text never leaves the device. */
export function isPrivateReflection(question: ShellQuestion): boolean {
  const data = question.question;
  return data?.type === 'reflection' && !data.share;
}

export const isSeed = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;

const questionData = new WeakMap<Element, Question | null>();

/** The question behind an element, upgraded or not (then from its JSON child). */
export function dataOf(element: ShellQuestion): Question | null {
  if (element.question) return element.question;
  if (!questionData.has(element)) {
    let data: Question | null = null;
    try {
      const text = element.querySelector('script[type="application/json"]')?.textContent;
      data = text ? (JSON.parse(text) as Question) : null;
    } catch {
      data = null;
    }
    questionData.set(element, data);
  }
  return questionData.get(element) ?? null;
}

/** Defined elements only: an undefined tag has no behaviour to ask. */
export const isUpgraded = (element: Element): element is ShellQuestion => 'progress' in element;
