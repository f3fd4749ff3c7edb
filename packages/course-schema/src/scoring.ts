/**
 * Right answers and scoring for every graded type, on response tokens (see
 * question-model.ts). Shared by the elements, the trackers and the tests, so there is one
 * definition of "right". No zod here: browser code imports this file.
 */
import type { GradedQuestion } from './question-model.ts';

export {
  fillInMaxLength,
  isGraded,
  questionTags,
  reflectionMaxLength,
} from './question-model.ts';

/** The response tokens of the right answer (for fill-in, every accepted answer). */
export function correctResponse(question: GradedQuestion): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.choices.filter((c) => c.correct).map((c) => c.id);
    case 'true-false':
      return question.statements.map((s) => `${s.id}.${s.answer}`);
    case 'matching':
      return question.prompts.map((p) => `${p.id}.${p.match}`);
    case 'ordering':
      return question.items.map((item) => item.id);
    case 'fill-in':
      return [...question.answers];
    case 'dropdown':
      return question.segments.flatMap((s) => (s.kind === 'blank' ? [`${s.id}.${s.correct}`] : []));
  }
}

/**
 * `T`, which must be one of `Allowed`: a compile-time check that costs no code, for the
 * `default:` of a switch whose remaining cases must stay a known list.
 */
type Only<T extends Allowed, Allowed> = T;

/** Typed text as compared: trimmed, inner runs of spaces collapsed, canonical Unicode. */
export function normalizeTyped(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function isCorrect(question: GradedQuestion, response: readonly string[]): boolean {
  const right = correctResponse(question);
  switch (question.type) {
    case 'ordering':
      return response.length === right.length && response.every((id, i) => id === right[i]);
    case 'fill-in': {
      const fold = (s: string) =>
        question.caseSensitive ? normalizeTyped(s) : normalizeTyped(s).toLocaleLowerCase();
      const typed = fold(response[0] ?? '');
      return typed !== '' && right.some((answer) => fold(answer) === typed);
    }
    default: {
      // The right tokens, in any order. The types that come here are named for the compiler
      // (no code), so a new type fails to compile here until it is named or has its own case.
      type _Unordered = Only<
        typeof question.type,
        'single' | 'multiple' | 'true-false' | 'matching' | 'dropdown'
      >;
      return response.length === right.length && right.every((token) => response.includes(token));
    }
  }
}
