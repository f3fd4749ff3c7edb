import {
  isCorrect as gradedIsCorrect,
  htmlToText,
  isGraded,
  type Question,
} from '@teach-in/course-schema';
import type { PollChoice } from './store.ts';

/**
 * One row of a question's totals: a response token that means something on its own (see
 * course-schema question-model.ts), with the words the room reads.
 */
export interface CountedOption {
  token: string;
  text: string;
  /** Part of the right answer (graded questions only). */
  right: boolean;
}

/** The interface's default agreement scale, lowest to highest (a likert without labels). */
export const agreementScale = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
] as const;

/**
 * What the dashboard counts for each type. Ordering answers only make sense whole, and
 * typed text (fill-in, reflection) is never counted or kept: those show how many
 * answered (and how many rightly), nothing more.
 */
export function countedOptions(question: Question): CountedOption[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.choices.map((c) => ({
        token: c.id,
        text: htmlToText(c.html),
        right: c.correct,
      }));
    case 'scenario':
      return question.choices.map((c) => ({ token: c.id, text: htmlToText(c.html), right: false }));
    case 'likert': {
      const labels = question.scale.length > 0 ? question.scale : agreementScale;
      return labels.map((label, i) => ({ token: String(i + 1), text: label, right: false }));
    }
    case 'true-false':
      return question.statements.flatMap((s) =>
        [true, false].map((value) => ({
          token: `${s.id}.${value}`,
          text: `${htmlToText(s.html)}: ${value ? 'true' : 'false'}`,
          right: s.answer === value,
        })),
      );
    case 'matching':
      return question.prompts.flatMap((p) =>
        question.targets.map((t) => ({
          token: `${p.id}.${t.id}`,
          text: `${htmlToText(p.html)} → ${t.text}`,
          right: p.match === t.id,
        })),
      );
    case 'dropdown':
      return question.segments.flatMap((segment) =>
        segment.kind === 'blank'
          ? segment.options.map((o) => ({
              token: `${segment.id}.${o.id}`,
              text: `Blank ${segment.id}: ${o.text}`,
              right: segment.correct === o.id,
            }))
          : [],
      );
    case 'ordering':
    case 'fill-in':
    case 'reflection':
      return [];
  }
}

/** A room poll offers one pick from the question's choices or scale points; other types cannot be polls. */
export function pollChoicesOf(question: Question): PollChoice[] | undefined {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'scenario':
    case 'likert':
      return countedOptions(question).map((o) => ({ id: o.token, text: o.text }));
    default:
      return undefined;
  }
}

const exactlyOne = new Set<Question['type']>(['single', 'scenario', 'likert', 'fill-in']);

/** Whether a response is well formed for the question; the reason when it is not. */
export function responseProblem(question: Question, response: readonly string[]): string | null {
  if (new Set(response).size !== response.length) return 'A response appears twice.';
  if (exactlyOne.has(question.type) && response.length !== 1) return 'Give exactly one response.';
  if (question.type === 'reflection') return response.length <= 1 ? null : 'One text only.';
  if (question.type === 'fill-in') return null;
  if (question.type === 'ordering') {
    const ids = new Set(question.items.map((item) => item.id));
    const complete = response.length === ids.size && response.every((id) => ids.has(id));
    return complete ? null : 'Put every item in order once.';
  }
  if (response.length === 0) return 'Give a response.';
  const known = new Set(countedOptions(question).map((o) => o.token));
  if (response.some((token) => !known.has(token))) return 'Unknown response.';
  // true-false, matching, dropdown: at most one token per statement, prompt or blank.
  const parts = response.map((token) => token.split('.')[0]);
  if (new Set(parts).size !== parts.length && question.type !== 'multiple') {
    return 'Two responses for the same part.';
  }
  return null;
}

/** What the server keeps of a response: never typed text. */
export function storedResponse(question: Question, response: readonly string[]): string[] {
  return question.type === 'fill-in' || question.type === 'reflection' ? [] : [...response];
}

/** The server's own verdict, from the course; the client's word is never taken. Null when ungraded. */
export function verdict(question: Question, response: readonly string[]): boolean | null {
  return isGraded(question) && question.graded ? gradedIsCorrect(question, response) : null;
}
