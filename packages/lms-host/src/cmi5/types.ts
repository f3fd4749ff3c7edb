/** The cmi5 LMS's shared shapes: launches, learners and what it tells its observers. */
export type Cmi5LaunchMode = 'Normal' | 'Browse' | 'Review';

export interface Cmi5Learner {
  id: string;
  name: string;
}

/** One statement as the LMS handled it: what the preview's data panel lists. */
export interface Cmi5LogEntry {
  registration: string;
  /** `lms` for the statements the LMS makes itself (launched). */
  sentBy: 'lms' | 'au';
  verdict: 'accepted' | 'rejected';
  /** The verb id's last segment (`initialized`, `answered`), or the whole id. */
  verb: string;
  result?: unknown;
  /** Why a rejected statement broke the rules; empty when it was refused with its batch. */
  problems: string[];
}

/** What the LMS tells its observers: a statement handled, or a state document written. */
export type Cmi5Change =
  | { kind: 'statement'; entry: Cmi5LogEntry }
  | { kind: 'state'; registration: string };

export interface Cmi5LaunchTarget {
  /** `http://127.0.0.1:<port>`: where the xAPI and fetch endpoints are reached. */
  origin: string;
  /** The path the package's files are served under, ending in `/`. */
  contentBase: string;
  mode: Cmi5LaunchMode;
}
