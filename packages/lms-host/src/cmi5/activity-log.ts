import { cmi5Verbs, type Statement } from '../cmi5-rules.ts';
import type { StoredStatement } from '../cmi5-store.ts';
import type { Cmi5Change, Cmi5LogEntry } from './types.ts';

/** The verb id's last segment (`initialized`, `answered`), or the whole id. */
export const verbName = (statement: Statement) => {
  const id = statement.verb?.id ?? '';
  return id.split('/').pop() || id || '(no verb)';
};

/** One statement as the LMS handled it; `problems` undefined when it was accepted. */
export function entryOf(
  statement: Statement,
  registration: string,
  sentBy: Cmi5LogEntry['sentBy'],
  problems: string[] | undefined,
): Cmi5LogEntry {
  return {
    registration,
    sentBy,
    verdict: problems ? 'rejected' : 'accepted',
    verb: verbName(statement),
    ...(statement.result === undefined ? {} : { result: statement.result }),
    problems: problems ?? [],
  };
}

/**
 * Every statement the LMS handled, accepted or not, oldest first, and the observers told of
 * each change. Starts with what the store already holds (all of it was accepted).
 */
export class ActivityLog {
  readonly entries: Cmi5LogEntry[];
  readonly #listeners = new Set<(change: Cmi5Change) => void>();

  constructor(stored: readonly StoredStatement[]) {
    this.entries = stored.map((s) =>
      entryOf(
        s,
        s.context?.registration ?? '',
        s.verb?.id === cmi5Verbs.launched ? 'lms' : 'au',
        undefined,
      ),
    );
  }

  note(entry: Cmi5LogEntry): void {
    this.entries.push(entry);
    this.emit({ kind: 'statement', entry });
  }

  emit(change: Cmi5Change): void {
    for (const listener of this.#listeners) listener(change);
  }

  onChange(listener: (change: Cmi5Change) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
