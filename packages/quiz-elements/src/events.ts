/**
 * Typed events, one class per event, registered in the global event map so listeners
 * get a typed event. Names are lower-case, as HTML events are.
 */
import type { AnswerDetail } from '@teach-in/course-schema';

/** A question was checked or submitted; its detail is the contract's AnswerDetail. */
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
