/** What the course tells the LMS, whichever standard carries it. */
import type { AnswerRecord, LmsKind, Outcome } from '@teach-in/course-schema';

/** A module's own result, reported as `cmi.objectives.n` with the module id. */
export interface ObjectiveRecord {
  moduleId: string;
  /** Percent 0..100 of the module's counted questions; null when it has none. */
  scorePercent: number | null;
  passed: boolean | null;
  completed: boolean;
}

export interface ResumeData {
  /** The saved state the course wrote last time, if any. */
  state?: string;
  /** The page id the learner was on. */
  location?: string;
  /** The learner's name as the LMS gave it, for the certificate (shown, never sent back). */
  learnerName?: string;
}

/** "Last, First" (how SCORM keeps names) as "First Last"; any other form as it is. */
export function displayName(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return name.trim();
  return `${parts[1]} ${parts[0]}`;
}

/**
 * One LMS connection. Methods that reach the LMS return whether it accepted the data, so
 * the caller can keep a local copy and retry (resilient-session.ts). `start` is async so
 * that trackers which fetch (cmi5: the auth token, LMS.LaunchData, xAPI state) fit.
 */
export interface Tracker {
  readonly kind: LmsKind;
  /**
   * After `start`: false when the LMS could not be reached at all (cmi5: no auth token or
   * launch data), so nothing can be sent in this visit; undefined when the tracker cannot tell.
   */
  readonly reachable?: boolean;
  /** Opens the session and returns what the last session left. */
  start(): Promise<ResumeData>;
  setLocation(pageId: string): void;
  saveState(state: string): boolean;
  recordAnswer(answer: AnswerRecord): boolean;
  recordObjective(objective: ObjectiveRecord): void;
  /** Reports the result; the session stays open until `leave`. */
  finish(outcome: Outcome): boolean;
  /** The page is going away: `suspend` unless finished, then close the session. */
  leave(): void;
  /** The page was hidden (a phone may kill it next): send what we have. */
  flush(): boolean;
  /**
   * Trackers that send in the background (cmi5) answer before the LMS does; they call this
   * listener when a send they said yes to failed, so the session retries.
   */
  onUndelivered?(listener: () => void): void;
}
