/** What the course tells the LMS, whichever standard carries it. */

export interface AnswerRecord {
  /** Stable question id, unique in the course (no spaces). */
  id: string;
  type: 'choice';
  /** Choice ids the learner picked. */
  response: readonly string[];
  /** Choice ids of the right answer. */
  correctResponse: readonly string[];
  correct: boolean;
  /** The prompt as plain text. */
  description: string;
  timestamp: Date;
  /** From showing the question to checking the answer. */
  latencyMs: number;
}

export interface Outcome {
  /** Percent 0..100, or null when the course has no graded questions. */
  scorePercent: number | null;
  /** Null when nothing is graded. */
  passed: boolean | null;
  completed: boolean;
}

export interface ResumeData {
  /** The saved state the course wrote last time, if any. */
  state?: string;
  /** The page id the learner was on. */
  location?: string;
}

export interface Tracker {
  readonly kind: 'scorm12' | 'scorm2004' | 'standalone' | 'workshop';
  /** Opens the session and returns what the last session left. */
  start(): ResumeData;
  setLocation(pageId: string): void;
  saveState(state: string): void;
  recordAnswer(answer: AnswerRecord): void;
  /** Reports the result and closes the session. */
  finish(outcome: Outcome): void;
  /** The page is going away unfinished: mark it suspended and close the session. */
  leave(): void;
  /** The page was hidden (a phone may kill it next): save what we have. */
  flush(): void;
}
