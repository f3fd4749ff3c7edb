import { agsScope } from './claims.ts';
import type { ToolKeys } from './keys.ts';
import type { GradeToSend, LtiStore, Registration } from './storage/store.ts';

const lineItemType = 'application/vnd.ims.lis.v2.lineitem+json';
const lineItemsType = 'application/vnd.ims.lis.v2.lineitemcontainer+json';
const scoreType = 'application/vnd.ims.lis.v1.score+json';

export class ServiceError extends Error {}

/**
 * A service access token (Security Framework §4.1): client_credentials with a JWT client
 * assertion signed by the tool's key (RFC 7523).
 */
export async function serviceToken(
  keys: ToolKeys,
  registration: Registration,
  scopes: readonly string[],
  fetcher: typeof fetch,
): Promise<string> {
  const assertion = await keys.sign(
    { iss: registration.clientId, sub: registration.clientId, aud: registration.tokenUrl },
    300,
  );
  const response = await fetcher(registration.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: scopes.join(' '),
    }),
  });
  if (!response.ok) throw new ServiceError(`token endpoint answered ${response.status}`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new ServiceError('no access_token');
  return body.access_token;
}

/** `…/lineitems/7?x=1` → `…/lineitems/7/scores?x=1` (AGS §3.4: scores live under the item). */
export function scoresUrl(lineitemUrl: string): string {
  const url = new URL(lineitemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/scores`;
  return url.href;
}

/** The placement's line item: the one the LMS named, or one found or made by its tag. */
async function lineItemFor(grade: GradeToSend, token: string, fetcher: typeof fetch) {
  if (grade.lineitemUrl) return grade.lineitemUrl;
  if (!grade.lineitemsUrl) throw new ServiceError('the launch offered no line item service');
  const search = new URL(grade.lineitemsUrl);
  search.searchParams.set('resource_link_id', grade.resourceLinkId);
  search.searchParams.set('tag', grade.tag);
  const found = await fetcher(search, {
    headers: { authorization: `Bearer ${token}`, accept: lineItemsType },
  });
  if (!found.ok) throw new ServiceError(`line items answered ${found.status}`);
  const items = (await found.json()) as { id?: string }[];
  const existing = items.find((item) => typeof item.id === 'string');
  if (existing?.id) return existing.id;
  const created = await fetcher(grade.lineitemsUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': lineItemType,
      accept: lineItemType,
    },
    body: JSON.stringify({
      scoreMaximum: 100,
      label: grade.label,
      resourceId: grade.tag,
      tag: grade.tag,
      resourceLinkId: grade.resourceLinkId,
    }),
  });
  if (!created.ok) throw new ServiceError(`creating the line item answered ${created.status}`);
  const item = (await created.json()) as { id?: unknown };
  if (typeof item.id !== 'string') throw new ServiceError('the new line item has no id');
  return item.id;
}

/** Sends one score (AGS §3.4.1). Throws ServiceError when the platform did not accept it. */
export async function sendScore(
  keys: ToolKeys,
  registration: Registration,
  grade: GradeToSend,
  fetcher: typeof fetch,
): Promise<void> {
  const scopes = grade.lineitemUrl ? [agsScope.score] : [agsScope.lineItem, agsScope.score];
  const token = await serviceToken(keys, registration, scopes, fetcher);
  const lineitem = await lineItemFor(grade, token, fetcher);
  const response = await fetcher(scoresUrl(lineitem), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': scoreType },
    body: JSON.stringify({
      userId: grade.userSub,
      ...(grade.scoreGiven === null ? {} : { scoreGiven: grade.scoreGiven, scoreMaximum: 100 }),
      activityProgress: grade.activityProgress,
      gradingProgress: grade.gradingProgress,
      timestamp: grade.timestamp,
    }),
  });
  if (!response.ok) throw new ServiceError(`the score endpoint answered ${response.status}`);
}

/** Retry delay after `attempts` failures: 1 s, 2 s, 4 s … up to an hour; never given up. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * The grade outbox: scores are written to the database first and sent from there, retried
 * until the platform accepts them. Any tool process may send any grade; the claim in the
 * database makes sure only one does at a time.
 */
export class GradeOutbox {
  readonly #store: LtiStore;
  readonly #keys: ToolKeys;
  readonly #now: () => number;
  readonly #fetch: typeof fetch;
  readonly #pollMs: number;
  readonly #log: (message: string) => void;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(options: {
    store: LtiStore;
    keys: ToolKeys;
    now: () => number;
    fetch: typeof fetch;
    pollMs: number;
    log: (message: string) => void;
  }) {
    this.#store = options.store;
    this.#keys = options.keys;
    this.#now = options.now;
    this.#fetch = options.fetch;
    this.#pollMs = options.pollMs;
    this.#log = options.log;
  }

  start(): void {
    this.#schedule(0);
  }

  /** A grade was just queued: send now rather than at the next poll. */
  kick(): void {
    if (!this.#running && !this.#stopped) this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#running = this.drain().finally(() => {
        this.#running = undefined;
        if (!this.#stopped) this.#schedule(this.#pollMs);
      });
    }, ms);
    this.#timer.unref();
  }

  /** Sends every grade that is due. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.#stopped) return;
      const grade = await this.#store.claimDueGrade(this.#now(), 60_000);
      if (!grade) return;
      try {
        const registration = await this.#store.registrationById(grade.registrationId);
        if (!registration) throw new ServiceError('the registration was removed');
        await sendScore(this.#keys, registration, grade, this.#fetch);
        await this.#store.gradeDelivered(grade.id, this.#now());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.#log(`lti-tool: a grade was not accepted (${message}); it will be sent again.`);
        await this.#store.gradeFailed(
          grade.id,
          message,
          this.#now() + retryDelayMs(grade.attempts),
        );
      }
    }
  }
}
