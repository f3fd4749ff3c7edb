/**
 * Typed events, one class per event, registered in the global event map so listeners
 * get a typed event. Names are lower-case, as HTML events are.
 */

export interface AnswerDetail {
  questionId: string;
  type: 'single' | 'multiple';
  graded: boolean;
  /** Choice ids the learner picked. */
  response: string[];
  correctResponse: string[];
  correct: boolean;
  /** The prompt as plain text, for LMS reports. */
  description: string;
  /** From the question first being shown to the answer being checked. */
  latencyMs: number;
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
