import type { SavedState } from '@teach-in/course-schema';

/** A new attempt's state: nothing seen, answered or drawn yet (the contract: course-schema learner-data.ts). */
export function emptyState(): SavedState {
  return { page: 0, seen: [], answers: {}, pools: {}, seed: 0, finished: false };
}
