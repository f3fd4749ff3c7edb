import type { ResumeData, Tracker } from './tracker.ts';

interface Saved {
  state?: string;
  location?: string;
}

/**
 * No LMS (the web copy, or a package opened outside an LMS): progress stays in this
 * browser's localStorage and nothing leaves the device. Results are shown to the learner
 * by the shell; there is nobody to report them to.
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

  async start(): Promise<ResumeData> {
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

  saveState(state: string): boolean {
    this.#saved.state = state;
    return this.#write();
  }

  recordAnswer(): boolean {
    return true; // Answers live in the saved state.
  }

  recordObjective(): void {}

  finish(): boolean {
    return this.#write();
  }

  leave(): void {
    this.#write();
  }

  flush(): boolean {
    return this.#write();
  }

  #write(): boolean {
    try {
      this.storage?.setItem(this.#key, JSON.stringify(this.#saved));
      return true;
    } catch {
      // Storage full or blocked (private browsing): the course still works for this visit.
      return false;
    }
  }
}
