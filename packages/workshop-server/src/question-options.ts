import {
  isCorrect as gradedIsCorrect,
  htmlToText,
  isGraded,
  type Question,
  type QuestionType,
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
  return pollable[question.type]
    ? countedOptions(question).map((o) => ({ id: o.token, text: o.text }))
    : undefined;
}

/** Whether a type can be a room poll: one pick among choices or scale points. */
const pollable: Record<QuestionType, boolean> = {
  single: true,
  multiple: true,
  'true-false': false,
  matching: false,
  ordering: false,
  'fill-in': false,
  dropdown: false,
  likert: true,
  scenario: true,
  reflection: false,
};

const exactlyOne = 'Give exactly one response.';

/** Whether a response is well formed for the question; the reason when it is not. */
export function responseProblem(question: Question, response: readonly string[]): string | null {
  if (new Set(response).size !== response.length) return 'A response appears twice.';
  switch (question.type) {
    case 'single':
    case 'scenario':
    case 'likert':
      return response.length === 1 ? tokenProblem(question, response) : exactlyOne;
    case 'fill-in':
      return response.length === 1 ? null : exactlyOne;
    case 'reflection':
      return response.length <= 1 ? null : 'One text only.';
    case 'ordering': {
      const ids = new Set(question.items.map((item) => item.id));
      const complete = response.length === ids.size && response.every((id) => ids.has(id));
      return complete ? null : 'Put every item in order once.';
    }
    case 'multiple':
    case 'true-false':
    case 'matching':
    case 'dropdown':
      return tokenProblem(question, response);
  }
}

/** Responses made of the tokens countedOptions lists. */
function tokenProblem(question: Question, response: readonly string[]): string | null {
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

/** Whether a type's response is text the learner typed, which the server never keeps. */
const typedText: Record<QuestionType, boolean> = {
  single: false,
  multiple: false,
  'true-false': false,
  matching: false,
  ordering: false,
  'fill-in': true,
  dropdown: false,
  likert: false,
  scenario: false,
  reflection: true,
};

/** What the server keeps of a response: never typed text. */
export function storedResponse(question: Question, response: readonly string[]): string[] {
  return typedText[question.type] ? [] : [...response];
}

/** The server's own verdict, from the course; the client's word is never taken. Null when ungraded. */
export function verdict(question: Question, response: readonly string[]): boolean | null {
  return isGraded(question) && question.graded ? gradedIsCorrect(question, response) : null;
}
