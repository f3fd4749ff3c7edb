/**
 * Between the shell's snapshot and the saved state. The shell is being moved to the
 * CourseState of team INTERFACES.md (`attempts`, `done`, `pools`, `seed`); until every
 * element has, this also reads the first shape (`{response, checked}`) and writes both.
 */
import type { SavedProgress, SavedState } from '@teach-in/lms-bridge/state';

interface AnyProgress {
  response?: unknown;
  attempts?: unknown;
  done?: unknown;
  checked?: unknown;
}

export interface AnySnapshot {
  page?: number;
  seen?: number[];
  answers?: Record<string, AnyProgress>;
  pools?: Record<string, string[]>;
  seed?: number;
  finished?: boolean;
}

export function fromShell(snapshot: AnySnapshot): SavedState {
  const answers: Record<string, SavedProgress> = {};
  for (const [id, raw] of Object.entries(snapshot.answers ?? {})) {
    const done = raw.done === true || raw.checked === true;
    answers[id] = {
      response: Array.isArray(raw.response) ? raw.response.map(String) : [],
      attempts: typeof raw.attempts === 'number' ? raw.attempts : done ? 1 : 0,
      done,
    };
  }
  return {
    page: snapshot.page ?? 0,
    seen: snapshot.seen ?? [],
    answers,
    pools: snapshot.pools ?? {},
    seed: snapshot.seed ?? 0,
    finished: snapshot.finished === true,
  };
}

export function toShell(state: SavedState): AnySnapshot {
  const answers: Record<string, AnyProgress> = {};
  for (const [id, progress] of Object.entries(state.answers)) {
    answers[id] = { ...progress, checked: progress.done };
  }
  return { ...state, answers };
}
