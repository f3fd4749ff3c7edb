import type { AnswerRecord, Outcome, ResumeData, Tracker } from './tracker.ts';

interface Saved {
  state?: string;
  location?: string;
  outcome?: Outcome;
}

/**
 * No LMS (the web copy, or a package opened outside an LMS): progress stays in this
 * browser's localStorage and nothing leaves the device.
 */
export class StandaloneTracker implements Tracker {
  readonly kind = 'standalone';
  readonly #key: string;
  #saved: Saved = {};

  constructor(
    private readonly storage: Storage | undefined,
    courseKey: string,
  ) {
    this.#key = `teach-in:${courseKey}`;
  }

  start(): ResumeData {
    try {
      this.#saved = JSON.parse(this.storage?.getItem(this.#key) ?? '{}') as Saved;
    } catch {
      this.#saved = {};
    }
    const { state, location } = this.#saved;
    return { ...(state ? { state } : {}), ...(location ? { location } : {}) };
  }

  setLocation(pageId: string): void {
    this.#saved.location = pageId;
    this.#write();
  }

  saveState(state: string): void {
    this.#saved.state = state;
    this.#write();
  }

  recordAnswer(_answer: AnswerRecord): void {
    // Answers live in the saved state; there is no LMS to report them to.
  }

  finish(outcome: Outcome): void {
    this.#saved.outcome = outcome;
    this.#write();
  }

  leave(): void {
    this.#write();
  }

  flush(): void {
    this.#write();
  }

  #write(): void {
    try {
      this.storage?.setItem(this.#key, JSON.stringify(this.#saved));
    } catch {
      // Storage full or blocked (private browsing): the course still works for this visit.
    }
  }
}
