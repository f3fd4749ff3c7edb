/**
 * The wire format between the workshop tracker (browser) and `teach-in workshop` (Node).
 * Types only, with no DOM types, so the server can import them too.
 */
import type { Outcome } from '@teach-in/course-schema';

/**
 * What the workshop server writes into the learner page (a JSON script element), so the
 * course can resume synchronously, without a round trip before the first screen.
 */
export interface WorkshopConfig {
  /** Same-origin URL of this course's endpoints, ending in "/". */
  endpoint: string;
  /** Random id of this page load; with `seq` it lets the server drop stale, reordered saves. */
  writer: string;
  state?: string;
  location?: string;
}

/** Body of `POST <endpoint>progress`: the whole latest progress, so a retry is harmless. */
export interface WorkshopProgress {
  writer: string;
  seq: number;
  state?: string;
  location?: string;
  outcome?: Outcome;
}

/** Body of `POST <endpoint>answer`. The server works out correctness from the course. */
export interface WorkshopAnswer {
  writer: string;
  seq: number;
  questionId: string;
  response: string[];
}
