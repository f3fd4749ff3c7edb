/**
 * cmi5 (xAPI) tracking. A small hand-written client rather than a library: the kept one,
 * @xapi/cmi5 1.4.0, pulls in @xapi/xapi, axios, deepmerge and uuid, and the whole runtime
 * must stay under 30 KB gzip (tests/budgets.test.ts): with this client (about 3.5 KB gzip)
 * it measures 26.6 KB, 4 KB under budget. This needs only fetch, a few JSON documents and
 * the statement builders in cmi5-statements.ts.
 *
 * The Tracker methods are synchronous, the network is not: each method queues, starts a
 * send and answers whether the LMS took everything so far. A send that fails afterwards
 * calls the `onUndelivered` listener, so the resilient session keeps its local copy and
 * retries (resilient-session.ts).
 */
import type { AnswerRecord, Outcome } from '@teach-in/course-schema';
import {
  answeredStatements,
  type Cmi5Launch,
  cmi5Statement,
  type LaunchData,
  resultVerbs,
  type Sent,
  type StatementContext,
  withMasteryScore,
  type XapiStatement,
} from './cmi5-statements.ts';
import { displayName, type ResumeData, type Tracker } from './tracker.ts';

export const courseStateId = 'https://teach-in.org/xapi/state/course';
const launchDataStateId = 'LMS.LaunchData';
const xapiVersion = '1.0.3';

/** The course's own xAPI state document. */
interface CourseDocument {
  state?: string;
  location?: string;
  /** Result verbs the LMS already has in this registration (never `failed` after `passed`). */
  sent: Sent;
}

/** What survives a reload within one launch (sessionStorage): the fetch URL works only once. */
interface LaunchSession {
  token: string;
  initialized: boolean;
  terminated: boolean;
}

export interface Cmi5Environment {
  fetch: typeof fetch;
  /** sessionStorage: keeps the one-time auth token across a reload. */
  storage: Storage | undefined;
  newId?: () => string;
  now?: () => Date;
  log?: (message: string) => void;
}

export class Cmi5Tracker implements Tracker {
  readonly kind = 'cmi5';
  #session: LaunchSession | undefined;
  #launchData: LaunchData | undefined;
  #document: CourseDocument = { sent: { completed: false, passed: false } };
  #documentDirty = false;
  /** Statements not yet taken by the LMS, oldest first. */
  #outbox: XapiStatement[] = [];
  readonly #reported = new Set<string>();
  #sending = false;
  #healthy = true;
  #finished = false;
  #undelivered: (() => void) | undefined;
  readonly #startedAt: number;
  readonly #newId: () => string;
  readonly #now: () => Date;
  readonly #log: (message: string) => void;

  constructor(
    readonly launch: Cmi5Launch,
    private readonly env: Cmi5Environment,
  ) {
    this.#newId = env.newId ?? (() => crypto.randomUUID());
    this.#now = env.now ?? (() => new Date());
    this.#log = env.log ?? (() => {});
    this.#startedAt = this.#now().getTime();
  }

  /** Whether the launch reached the LMS: its token and launch data (a fetch URL works once). */
  get reachable(): boolean {
    return this.#session !== undefined;
  }

  get launchData(): LaunchData | undefined {
    return this.#launchData;
  }

  onUndelivered(listener: () => void): void {
    this.#undelivered = listener;
  }

  async start(): Promise<ResumeData> {
    try {
      this.#session = await this.#openSession();
      this.#launchData = await this.#getState<LaunchData>(launchDataStateId);
      if (!this.#launchData?.contextTemplate) throw new Error('no LMS.LaunchData');
      const saved = await this.#getState<CourseDocument>(courseStateId);
      if (saved) this.#document = { ...saved, sent: { ...this.#document.sent, ...saved.sent } };
    } catch (error) {
      this.#log(`cmi5 launch failed: ${(error as Error).message}`);
      this.#session = undefined;
      return {};
    }
    if (!this.#session.initialized) {
      this.#outbox.push(cmi5Statement('initialized', this.#context()));
      this.#session.initialized = true;
      this.#keepSession();
      this.#send();
    }
    const { state, location } = this.#document;
    const actorName = this.launch.actor.name;
    const name = typeof actorName === 'string' ? displayName(actorName) : '';
    return {
      ...(state ? { state } : {}),
      ...(location ? { location } : {}),
      ...(name ? { learnerName: name } : {}),
    };
  }

  setLocation(pageId: string): void {
    this.#document.location = pageId;
    this.#documentDirty = true;
  }

  saveState(state: string): boolean {
    this.#document.state = state;
    this.#documentDirty = true;
    return this.#send();
  }

  recordAnswer(answer: AnswerRecord): boolean {
    const key = `${answer.questionId}#${answer.attempt}`;
    if (this.#open && !this.#reported.has(key)) {
      this.#reported.add(key);
      this.#outbox.push(...answeredStatements(answer, this.#context()));
    }
    return this.#send();
  }

  /** Module results stay in the course state; cmi5 has one AU per course here. */
  recordObjective(): void {}

  finish(outcome: Outcome): boolean {
    if (!this.#open || !this.#launchData || this.#finished) return this.#send();
    this.#finished = true;
    const judged = withMasteryScore(outcome, this.#launchData.masteryScore);
    const durationMs = this.#now().getTime() - this.#startedAt;
    for (const verb of resultVerbs(judged, this.#launchData, this.#document.sent)) {
      this.#outbox.push(cmi5Statement(verb, this.#context(), { outcome: judged, durationMs }));
      if (verb !== 'failed') this.#document.sent[verb] = true;
    }
    // Written after the statements (#send order), so a failure cannot mark them sent.
    this.#documentDirty = true;
    return this.#send();
  }

  /** Page going away: `terminated` and everything still queued, in one keepalive request. */
  leave(): void {
    if (!this.#open || !this.#session) return;
    const durationMs = this.#now().getTime() - this.#startedAt;
    this.#outbox.push(cmi5Statement('terminated', this.#context(), { durationMs }));
    this.#session.terminated = true;
    this.#keepSession();
    // In-flight statements are sent again with these: the LMS ignores a statement id it has.
    void this.#postStatements([...this.#outbox], true);
    if (this.#documentDirty) void this.#putDocument(true);
    this.#outbox = [];
  }

  /** The page was hidden and may be killed without pagehide: keepalive lets the send finish. */
  flush(): boolean {
    return this.#send(true);
  }

  get #open(): boolean {
    return this.#session !== undefined && !this.#session.terminated;
  }

  #context(): StatementContext {
    if (!this.#launchData) throw new Error('cmi5 statements before LMS.LaunchData');
    return {
      launch: this.launch,
      launchData: this.#launchData,
      newId: this.#newId,
      now: this.#now(),
    };
  }

  /** Starts sending what is queued (statements first, then the state); true when nothing has failed. */
  #send(keepalive = false): boolean {
    if (!this.#open) return false;
    void this.#drain(keepalive);
    return this.#healthy;
  }

  async #drain(keepalive: boolean): Promise<void> {
    if (this.#sending) return;
    this.#sending = true;
    try {
      while (this.#open && (this.#outbox.length > 0 || this.#documentDirty)) {
        if (this.#outbox.length > 0) {
          const batch = [...this.#outbox];
          if (!(await this.#postStatements(batch, keepalive))) throw new Error('statements');
          this.#outbox.splice(0, batch.length);
        } else {
          this.#documentDirty = false;
          if (!(await this.#putDocument(keepalive))) {
            this.#documentDirty = true;
            throw new Error('state');
          }
        }
      }
      this.#healthy = true;
    } catch {
      this.#healthy = false;
      this.#undelivered?.();
    } finally {
      this.#sending = false;
    }
  }

  async #openSession(): Promise<LaunchSession> {
    const key = `teach-in:cmi5:${this.launch.fetch}`;
    try {
      const kept = JSON.parse(this.env.storage?.getItem(key) ?? 'null') as LaunchSession | null;
      if (kept?.token) return kept;
    } catch {
      // Unreadable: fetch a token.
    }
    // The fetch URL answers once (cmi5 spec §8.2): never retried, kept for reloads.
    const response = await this.env.fetch(this.launch.fetch, { method: 'POST' });
    const body = (await response.json()) as { 'auth-token'?: string; 'error-text'?: string };
    const token = body['auth-token'];
    if (!response.ok || !token) throw new Error(body['error-text'] ?? 'no auth token');
    const session = { token, initialized: false, terminated: false };
    this.#session = session;
    this.#keepSession();
    return session;
  }

  #keepSession(): void {
    try {
      this.env.storage?.setItem(
        `teach-in:cmi5:${this.launch.fetch}`,
        JSON.stringify(this.#session),
      );
    } catch {
      // Blocked storage: a reload would need a new launch from the LMS.
    }
  }

  #headers(json: boolean): Record<string, string> {
    return {
      Authorization: `Basic ${this.#session?.token ?? ''}`,
      'X-Experience-API-Version': xapiVersion,
      ...(json ? { 'Content-Type': 'application/json' } : {}),
    };
  }

  #stateUrl(stateId: string): string {
    const query = new URLSearchParams({
      stateId,
      activityId: this.launch.activityId,
      agent: JSON.stringify(this.launch.actor),
      registration: this.launch.registration,
    });
    return `${this.launch.endpoint}activities/state?${query}`;
  }

  async #getState<T>(stateId: string): Promise<T | undefined> {
    const response = await this.env.fetch(this.#stateUrl(stateId), {
      headers: this.#headers(false),
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`state ${stateId}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  async #putDocument(keepalive: boolean): Promise<boolean> {
    return this.#request(this.#stateUrl(courseStateId), 'PUT', this.#document, keepalive);
  }

  async #postStatements(batch: XapiStatement[], keepalive: boolean): Promise<boolean> {
    if (batch.length === 0) return true;
    return this.#request(`${this.launch.endpoint}statements`, 'POST', batch, keepalive);
  }

  async #request(url: string, method: string, body: unknown, keepalive: boolean): Promise<boolean> {
    try {
      const response = await this.env.fetch(url, {
        method,
        headers: this.#headers(true),
        body: JSON.stringify(body),
        keepalive,
      });
      // A statement the LMS refuses by rule will never be taken: say so and move on.
      if (response.status === 400) {
        this.#log(`The LMS refused ${method} ${url}: ${await response.text()}`);
        return true;
      }
      if (!response.ok) this.#log(`${method} ${url}: HTTP ${response.status}`);
      return response.ok;
    } catch (error) {
      this.#log(`${method} ${url} failed: ${(error as Error).message}`);
      return false;
    }
  }
}
