/**
 * Typed events, one class per event, registered in the global event map so listeners
 * get a typed event. Names are lower-case, as HTML events are.
 */
import type { QuestionType } from '@teach-in/course-schema';

/** What a question reports after every check or submit (see team INTERFACES.md). */
export interface AnswerDetail {
  questionId: string;
  type: QuestionType;
  /** True when the question is graded and part of the assessment (counts towards the score). */
  counts: boolean;
  /** Response tokens (see question-model.ts). */
  response: string[];
  /** The right answer's tokens; [] for types without a right answer. */
  correctResponse: string[];
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

export class QuestionAnsweredEvent extends Event {
  static readonly eventName = 'ti-answer';
  constructor(readonly detail: AnswerDetail) {
    super(QuestionAnsweredEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface PageViewDetail {
  pageId: string;
  index: number;
  total: number;
}

export class PageViewEvent extends Event {
  static readonly eventName = 'ti-page-view';
  constructor(readonly detail: PageViewDetail) {
    super(PageViewEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface FinishDetail {
  /** Percent 0..100, or null when nothing is graded. */
  scorePercent: number | null;
  passed: boolean | null;
  completed: boolean;
}

export class CourseFinishEvent extends Event {
  static readonly eventName = 'ti-finish';
  constructor(readonly detail: FinishDetail) {
    super(CourseFinishEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ti-answer': QuestionAnsweredEvent;
    'ti-page-view': PageViewEvent;
    'ti-finish': CourseFinishEvent;
  }
}
