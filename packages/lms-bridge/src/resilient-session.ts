/**
 * Never lose progress: every save goes to a local copy (localStorage) first and then to
 * the LMS. When the LMS refuses, throws or has gone away, the copy stays, the learner is
 * told calmly, and the save is retried with backoff until the LMS takes it.
 */
import type { AnswerRecord, Outcome } from '@teach-in/course-schema';
import type { Tracker } from './tracker.ts';

export type SaveStatus =
  /** The LMS has everything (reported only after a problem, to say it is over). */
  | 'saved'
  /** The LMS did not take the last save: kept on this device, trying again. */
  | 'retrying';

export interface LocalCopy {
  state: string;
  /** Milliseconds since 1970, as written into the state. */
  savedAt: number;
  /** The LMS took this exact state. */
  synced: boolean;
  /**
   * Final answers the LMS has not taken yet (cmi.interactions): the state keeps only the
   * responses, so without these the records would be lost with a closed tab.
   */
  unsent?: StoredAnswer[];
}

/** An AnswerRecord as JSON keeps it: the time as an ISO string. */
export type StoredAnswer = Omit<AnswerRecord, 'timestamp'> & { timestamp: string };

const stored = (answer: AnswerRecord): StoredAnswer => ({
  ...answer,
  timestamp: answer.timestamp.toISOString(),
});

function revived(answer: StoredAnswer): AnswerRecord | undefined {
  const timestamp = new Date(answer.timestamp);
  const ok =
    answer &&
    typeof answer.questionId === 'string' &&
    Array.isArray(answer.response) &&
    Array.isArray(answer.correctResponse) &&
    !Number.isNaN(timestamp.getTime());
  return ok ? { ...answer, timestamp } : undefined;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const firstDelayMs = 1000;
const maxDelayMs = 30_000;

export class ResilientSession {
  #latest: LocalCopy | undefined;
  /** The copy an earlier visit left, kept in storage until this visit saves its own. */
  #earlier: LocalCopy | undefined;
  #pendingAnswers: AnswerRecord[] = [];
  #pendingOutcome: Outcome | undefined;
  #retry: unknown;
  #delay = firstDelayMs;
  #troubled = false;

  constructor(
    private readonly tracker: Tracker,
    private readonly storage: Storage | undefined,
    private readonly key: string,
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly timers: Timers = {
      setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
    },
  ) {
    tracker.onUndelivered?.(() => {
      if (this.#latest) this.#latest.synced = false;
      this.#writeLocal();
      this.#scheduleRetry();
    });
  }

  /** The local copy left by an earlier visit, if any. */
  readLocal(): LocalCopy | undefined {
    try {
      const value = JSON.parse(this.storage?.getItem(this.key) ?? 'null') as LocalCopy | null;
      return value && typeof value.state === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Takes over the answers an earlier visit could not deliver (its local copy), and sends
   * them now: whichever copy of the progress wins, these records happened.
   */
  resend(local: LocalCopy | undefined): void {
    const unsent = (Array.isArray(local?.unsent) ? local.unsent : []).flatMap((answer) => {
      const record = revived(answer);
      return record ? [record] : [];
    });
    if (!local || unsent.length === 0) return;
    // Until this visit saves, the earlier copy is what storage keeps (minus what is sent).
    this.#earlier = { state: local.state, savedAt: local.savedAt, synced: local.synced };
    this.#pendingAnswers = [...unsent, ...this.#pendingAnswers];
    this.#send();
  }

  save(state: string, savedAt: number): void {
    this.#latest = { state, savedAt, synced: false };
    this.#writeLocal();
    this.#send();
  }

  answer(answer: AnswerRecord): void {
    this.#pendingAnswers.push(answer);
    this.#send();
  }

  /** The course's result: sent after the state and answers, retried like them. */
  finish(outcome: Outcome): void {
    this.#pendingOutcome = outcome;
    this.#send();
  }

  /** The page is being hidden: one more attempt now, while we still can. */
  flush(): void {
    this.#send();
    if (!this.#troubled) this.tracker.flush();
  }

  get troubled(): boolean {
    return this.#troubled;
  }

  #send(): void {
    const answers = this.#pendingAnswers;
    this.#pendingAnswers = [];
    const failed = answers.filter((a) => !this.tracker.recordAnswer(a));
    const latest = this.#latest;
    const stateOk = !latest || latest.synced || this.tracker.saveState(latest.state);
    const outcome = this.#pendingOutcome;
    const outcomeOk = !outcome || (stateOk && this.tracker.finish(outcome));
    if (outcomeOk) this.#pendingOutcome = undefined;
    if (failed.length === 0 && stateOk && outcomeOk) {
      if (latest) latest.synced = true;
      this.#writeLocal();
      this.#recovered();
      return;
    }
    this.#pendingAnswers = [...failed, ...this.#pendingAnswers];
    this.#writeLocal();
    this.#scheduleRetry();
  }

  #recovered(): void {
    this.#delay = firstDelayMs;
    if (this.#retry !== undefined) this.timers.clearTimeout(this.#retry);
    this.#retry = undefined;
    if (this.#troubled) {
      this.#troubled = false;
      this.onStatus('saved');
    }
  }

  #scheduleRetry(): void {
    if (!this.#troubled) {
      this.#troubled = true;
      this.onStatus('retrying');
    }
    if (this.#retry !== undefined) return;
    this.#retry = this.timers.setTimeout(() => {
      this.#retry = undefined;
      this.#delay = Math.min(maxDelayMs, this.#delay * 2);
      this.#send();
    }, this.#delay);
  }

  #writeLocal(): void {
    const base = this.#latest ?? this.#earlier;
    if (!base) return;
    const copy: LocalCopy = { ...base };
    if (this.#pendingAnswers.length > 0) copy.unsent = this.#pendingAnswers.map(stored);
    try {
      this.storage?.setItem(this.key, JSON.stringify(copy));
    } catch {
      // Storage full or blocked: the LMS copy is all there is.
    }
  }
}

/**
 * Which saved progress to resume from: the LMS's or this device's copy.
 * - A device copy the LMS already took (synced) gives way to the LMS: the LMS has it, or
 *   something newer from another device.
 * - A device copy the LMS never took (it was unreachable) wins unless the LMS's copy was
 *   written in a later second: progress made while the LMS could not be reached is not
 *   thrown away, and progress made later on another computer is not overwritten.
 * The state records its time in whole seconds, so the comparison is in seconds.
 */
export function newerState(
  lms: { state: string; savedAt: number } | undefined,
  local: LocalCopy | undefined,
): 'lms' | 'local' | 'none' {
  if (!lms && !local) return 'none';
  if (!local) return 'lms';
  if (!lms) return 'local';
  if (local.synced) return 'lms';
  return Math.floor(local.savedAt / 1000) >= Math.floor(lms.savedAt / 1000) ? 'local' : 'lms';
}
