/**
 * The contract for what a learner does, between the quiz elements and course shell (which
 * make it), lms-bridge (which stores and reports it), the runtime that joins them, and the
 * workshop server (which receives it). Types only, plus one zod-free guard, so browser
 * code may import this; the zod schemas for what a server validates are in
 * learner-data-schemas.ts.
 */
import type { QuestionProgress } from './question-model.ts';
import type { QuestionType } from './question-types.ts';

/** What a question reports after every check or submit: the `ti-answer` event's detail. */
export interface AnswerDetail {
  questionId: string;
  type: QuestionType;
  /** True when the question is graded and part of the assessment (counts towards the score). */
  counts: boolean;
  /** Response tokens (see question-model.ts). */
  response: readonly string[];
  /** The right answer's tokens; [] for types without a right answer. */
  correctResponse: readonly string[];
  /** Null for types without a right answer. */
  correct: boolean | null;
  /** 1 for the first check or submit. */
  attempt: number;
  /** No more tries: right, the last attempt, or a type without a right answer. */
  final: boolean;
  /** The prompt as plain text, for LMS reports. */
  description: string;
  /** From the question being shown (or the learner trying again) to this check. */
  latencyMs: number;
  /** A reflection the author did not share: it must never reach the LMS nor suspend_data. */
  private: boolean;
}

/** One answer as the trackers report it: the detail, and when it was given. */
export interface AnswerRecord extends AnswerDetail {
  timestamp: Date;
}

/**
 * Everything that puts a returning learner back where they were: what the shell's
 * `snapshot()` gives and `restore()` takes, and what lms-bridge's codec stores.
 */
export interface SavedState {
  /** Index of the page the learner is on. */
  page: number;
  /** Indices of the pages seen, ascending. */
  seen: number[];
  /** Progress by question id; never the text of a private reflection. */
  answers: Record<string, QuestionProgress>;
  /** Drawn question ids by pool key (`<module id>/<pool key>`). */
  pools: Record<string, string[]>;
  /** The attempt's seed: every draw and shuffle derives from it. */
  seed: number;
  finished: boolean;
}

/** The course's result as the LMS (or the workshop server) is told it. */
export interface Outcome {
  /** Percent 0..100, or null when the course has no counted questions. */
  scorePercent: number | null;
  /** Null when nothing is graded. */
  passed: boolean | null;
  /** Already decided by the course's completion rule. */
  completed: boolean;
}

/** A question's progress as this version saves it (read back from storage it does not trust). */
export function isQuestionProgress(value: unknown): value is QuestionProgress {
  if (!value || typeof value !== 'object') return false;
  const { response, attempts, done } = value as Record<string, unknown>;
  return (
    Array.isArray(response) &&
    response.every((token) => typeof token === 'string') &&
    typeof attempts === 'number' &&
    Number.isInteger(attempts) &&
    attempts >= 0 &&
    typeof done === 'boolean'
  );
}
