import type { AnswerRecord, Outcome } from '@teach-in/course-schema';
import type { ResumeData, Tracker } from './tracker.ts';
import type { WorkshopAnswer, WorkshopConfig, WorkshopProgress } from './workshop-protocol.ts';

export const workshopConfigElementId = 'ti-workshop';

/** Reads the config the server put in the page; undefined when the page was not served by it. */
export function readWorkshopConfig(doc: Document): WorkshopConfig | undefined {
  const text = doc.getElementById(workshopConfigElementId)?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<WorkshopConfig>;
    if (typeof value.endpoint !== 'string' || typeof value.writer !== 'string') return undefined;
    return value as WorkshopConfig;
  } catch {
    return undefined;
  }
}

export interface WorkshopTrackerDeps {
  fetch: typeof fetch;
  /** Injected so tests can run retries without waiting. */
  setTimeout: (callback: () => void, ms: number) => unknown;
  log: (message: string) => void;
}

type Outgoing =
  | { path: 'progress'; body: WorkshopProgress }
  | { path: 'answer'; body: WorkshopAnswer };

const firstRetryMs = 1000;
const lastRetryMs = 30_000;

/**
 * An in-person workshop: progress and answers go to the workshop server that served the
 * page (same origin, JSON, the participant's httpOnly session cookie). Messages leave one
 * at a time, in order; when the hall's wifi drops they wait and are retried with backoff,
 * and when the page is hidden or closed whatever is waiting leaves with `keepalive`.
 */
export class WorkshopTracker implements Tracker {
  readonly kind = 'workshop';
  readonly #config: WorkshopConfig;
  readonly #deps: WorkshopTrackerDeps;
  readonly #progress: Omit<WorkshopProgress, 'writer' | 'seq'> = {};
  #progressWaiting = false;
  readonly #answers: WorkshopAnswer[] = [];
  #seq = 0;
  #busy = false;
  #retryMs = firstRetryMs;
  #retryPending = false;
  #stopped = false;

  constructor(config: WorkshopConfig, deps: WorkshopTrackerDeps) {
    this.#config = config;
    this.#deps = deps;
  }

  /** The server wrote the resume data into the page: nothing to fetch. */
  async start(): Promise<ResumeData> {
    const { state, location } = this.#config;
    if (state) this.#progress.state = state;
    if (location) this.#progress.location = location;
    return { ...(state ? { state } : {}), ...(location ? { location } : {}) };
  }

  setLocation(pageId: string): void {
    this.#progress.location = pageId;
    this.#progressChanged();
  }

  // The methods below queue the message and return true: this tracker keeps its own queue
  // and retries until the server has it, so the caller never needs to.

  saveState(state: string): boolean {
    this.#progress.state = state;
    this.#progressChanged();
    return true;
  }

  recordAnswer(answer: AnswerRecord): boolean {
    // A reflection the author did not share never leaves the device, not even in a hall.
    if (answer.private) return true;
    this.#answers.push({
      writer: this.#config.writer,
      seq: ++this.#seq,
      questionId: answer.questionId,
      response: [...answer.response],
    });
    this.#pump();
    return true;
  }

  /** The server scores modules from the answers it holds. */
  recordObjective(): void {}

  finish(outcome: Outcome): boolean {
    this.#progress.outcome = outcome;
    this.#progressChanged();
    return true;
  }

  leave(): void {
    this.flush();
  }

  /** The page may be killed next: send everything waiting now, with keepalive. */
  flush(): boolean {
    for (const message of this.#takeAll()) {
      void this.#send(message, true).then((result) => {
        // The page lived on (it was only hidden) and the network failed: queue it again.
        if (result === 'retry') {
          this.#putBack(message);
          void this.#pump();
        }
      });
    }
    return true;
  }

  /** Several changes in one task (a page view saves location and state) make one request. */
  #progressChanged(): void {
    if (this.#progressWaiting) return;
    this.#progressWaiting = true;
    queueMicrotask(() => this.#pump());
  }

  #takeProgress(): Outgoing {
    this.#progressWaiting = false;
    return {
      path: 'progress',
      body: { writer: this.#config.writer, seq: ++this.#seq, ...this.#progress },
    };
  }

  #takeAll(): Outgoing[] {
    const messages: Outgoing[] = this.#answers
      .splice(0)
      .map((body) => ({ path: 'answer' as const, body }));
    if (this.#progressWaiting) messages.push(this.#takeProgress());
    return messages;
  }

  #next(): Outgoing | undefined {
    const answer = this.#answers.shift();
    if (answer) return { path: 'answer', body: answer };
    return this.#progressWaiting ? this.#takeProgress() : undefined;
  }

  async #pump(): Promise<void> {
    if (this.#busy || this.#retryPending || this.#stopped) return;
    const message = this.#next();
    if (!message) return;
    this.#busy = true;
    const outcome = await this.#send(message, false);
    this.#busy = false;
    if (outcome === 'retry') {
      this.#putBack(message);
      this.#retryPending = true;
      this.#deps.setTimeout(() => {
        this.#retryPending = false;
        void this.#pump();
      }, this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, lastRetryMs);
      return;
    }
    this.#retryMs = firstRetryMs;
    void this.#pump();
  }

  /** A failed message goes back to the front; a failed progress is superseded by any newer. */
  #putBack(message: Outgoing): void {
    if (message.path === 'answer') this.#answers.unshift(message.body);
    else this.#progressWaiting = true;
  }

  async #send(message: Outgoing, keepalive: boolean): Promise<'done' | 'retry'> {
    try {
      const response = await this.#deps.fetch(`${this.#config.endpoint}${message.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message.body),
        credentials: 'same-origin',
        keepalive,
      });
      if (response.ok) return 'done';
      if (response.status === 429 || response.status >= 500) return 'retry';
      if (response.status === 401 || response.status === 403) {
        // The session is gone (data deleted, or the cookie lost): retrying cannot help.
        this.#stopped = true;
        this.#deps.log('The workshop session has ended; progress stays on this page only.');
      } else {
        this.#deps.log(`The workshop server refused a ${message.path} (${response.status}).`);
      }
      return 'done';
    } catch {
      return 'retry';
    }
  }
}
