/** The progress the runtime saves: the shell's CourseState (see team INTERFACES.md). */
export interface SavedProgress {
  /** Response tokens (course-schema question-model.ts). */
  response: string[];
  attempts: number;
  done: boolean;
}

export interface SavedState {
  /** Index of the page the learner is on. */
  page: number;
  /** Indices of the pages seen, ascending. */
  seen: number[];
  answers: Record<string, SavedProgress>;
  /** Drawn question ids by pool key. */
  pools: Record<string, string[]>;
  seed: number;
  finished: boolean;
}

export function emptyState(): SavedState {
  return { page: 0, seen: [], answers: {}, pools: {}, seed: 0, finished: false };
}
