/**
 * The LMS side of cmi5 (spec §8, §10, §11) as routes any local server can mount: launches
 * that open a session, the one-time auth-token URL, and the xAPI statement and state
 * resources, which refuse statements that break the cmi5 rules. `startCmi5Host` and the
 * preview both serve it; only where the package's files come from differs.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cmi5CourseInfo } from './cmi5-course.ts';
import { cmi5Category, cmi5Verbs, type Statement, sessionIdExtension } from './cmi5-rules.ts';
import type { Cmi5Store, LaunchSession, StoredStatement } from './cmi5-store.ts';

export type Cmi5LaunchMode = 'Normal' | 'Browse' | 'Review';

export interface Cmi5Learner {
  id: string;
  name: string;
}

/** One statement as the LMS handled it: what the preview's data panel lists. */
export interface Cmi5LogEntry {
  registration: string;
  /** `lms` for the statements the LMS makes itself (launched). */
  sentBy: 'lms' | 'au';
  verdict: 'accepted' | 'rejected';
  /** The verb id's last segment (`initialized`, `answered`), or the whole id. */
  verb: string;
  result?: unknown;
  /** Why a rejected statement broke the rules; empty when it was refused with its batch. */
  problems: string[];
}

/** What the LMS tells its observers: a statement handled, or a state document written. */
export type Cmi5Change =
  | { kind: 'statement'; entry: Cmi5LogEntry }
  | { kind: 'state'; registration: string };

export interface Cmi5LaunchTarget {
  /** `http://127.0.0.1:<port>`: where the xAPI and fetch endpoints are reached. */
  origin: string;
  /** The path the package's files are served under, ending in `/`. */
  contentBase: string;
  mode: Cmi5LaunchMode;
}

export interface Cmi5Lms {
  readonly course: Cmi5CourseInfo;
  /** The current registration (enrolment). */
  readonly registration: string;
  /** A new session: LMS.LaunchData written, `launched` recorded; the AU's launch URL. */
  launch(target: Cmi5LaunchTarget): string;
  /** A fresh attempt: a new registration; the next launch starts from nothing. */
  newRegistration(): string;
  /** Answers /cmi5/fetch/*, /xapi/statements and /xapi/activities/state; false otherwise. */
  route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
  /** Every statement handled since this LMS was created, accepted or not, oldest first. */
  log(): readonly Cmi5LogEntry[];
  /** The state documents of a registration by state id, parsed where they are JSON. */
  statesOf(registration: string): Record<string, unknown>;
  onChange(listener: (change: Cmi5Change) => void): () => void;
}

const bodyLimit = 1024 * 1024;
const xapiVersionHeader = { 'x-experience-api-version': '1.0.3' };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > bodyLimit) throw new HttpError(413, 'Request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The body is not JSON');
  }
}

/** One key per (activity, agent, registration, state id); the agent by its JSON. */
function stateKey(query: URLSearchParams): string {
  const activityId = query.get('activityId');
  const agent = query.get('agent');
  const stateId = query.get('stateId');
  if (!activityId || !agent || !stateId) {
    throw new HttpError(400, 'activityId, agent and stateId are required');
  }
  const normalized = JSON.stringify(parseJson(agent));
  return JSON.stringify([activityId, normalized, query.get('registration') ?? '', stateId]);
}

const verbName = (statement: Statement) => {
  const id = statement.verb?.id ?? '';
  return id.split('/').pop() || id || '(no verb)';
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'cache-control': 'no-store',
    ...headers,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

export function createCmi5Lms(options: {
  course: Cmi5CourseInfo;
  learner: Cmi5Learner;
  store: Cmi5Store;
  /** The enrolment's registration; the store's, or one made up, when not given. */
  registration?: string;
}): Cmi5Lms {
  const { course, learner, store } = options;
  let registration = store.registration(options.registration ?? randomUUID());
  const entries: Cmi5LogEntry[] = store.statements.map((s: StoredStatement) => ({
    registration: s.context?.registration ?? '',
    sentBy: s.verb?.id === cmi5Verbs.launched ? 'lms' : 'au',
    verdict: 'accepted',
    verb: verbName(s),
    ...(s.result === undefined ? {} : { result: s.result }),
    problems: [],
  }));
  const listeners = new Set<(change: Cmi5Change) => void>();
  const emit = (change: Cmi5Change) => {
    for (const listener of listeners) listener(change);
  };
  const note = (entry: Cmi5LogEntry) => {
    entries.push(entry);
    emit({ kind: 'statement', entry });
  };
  const entryOf = (
    statement: Statement,
    reg: string,
    sentBy: Cmi5LogEntry['sentBy'],
    problems: string[] | undefined,
  ): Cmi5LogEntry => ({
    registration: reg,
    sentBy,
    verdict: problems ? 'rejected' : 'accepted',
    verb: verbName(statement),
    ...(statement.result === undefined ? {} : { result: statement.result }),
    problems: problems ?? [],
  });
  const actor = () => ({
    objectType: 'Agent',
    name: learner.name,
    // A fixed home page: the agent (and so its state) stays the same when the port changes.
    account: { homePage: 'https://teach-in.org/learners', name: learner.id },
  });

  const launch = ({ origin, contentBase, mode }: Cmi5LaunchTarget): string => {
    const { au } = course;
    const session = store.newSession({
      registration,
      activityId: au.id,
      ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }),
    });
    const contextTemplate = {
      contextActivities: { grouping: [{ id: course.courseId, objectType: 'Activity' }] },
      extensions: { [sessionIdExtension]: session.sessionId },
    };
    const launchData = {
      contextTemplate,
      launchMode: mode,
      launchMethod: au.launchMethod,
      moveOn: au.moveOn,
      ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }),
      returnURL: `${origin}/`,
    };
    const agent = actor();
    store.setState(
      stateKey(
        new URLSearchParams({
          activityId: au.id,
          agent: JSON.stringify(agent),
          registration,
          stateId: 'LMS.LaunchData',
        }),
      ),
      JSON.stringify(launchData),
    );
    const launched = store.recordByLms({
      id: randomUUID(),
      actor: agent,
      verb: { id: cmi5Verbs.launched },
      object: { id: au.id },
      context: {
        registration,
        extensions: {
          ...contextTemplate.extensions,
          'https://w3id.org/xapi/cmi5/context/extensions/launchmode': mode,
          'https://w3id.org/xapi/cmi5/context/extensions/moveon': au.moveOn,
        },
        contextActivities: { category: [{ id: cmi5Category }] },
      },
      timestamp: new Date().toISOString(),
    } as Statement);
    note(entryOf(launched, registration, 'lms', undefined));
    emit({ kind: 'state', registration });
    const query = new URLSearchParams({
      endpoint: `${origin}/xapi/`,
      fetch: `${origin}${session.fetchPath}`,
      actor: JSON.stringify(agent),
      registration,
      activityId: au.id,
    });
    const base = /^[a-z][a-z0-9+.-]*:/i.test(au.url) ? au.url : `${contentBase}${au.url}`;
    return `${base}${base.includes('?') ? '&' : '?'}${query}`;
  };

  const authorized = (request: IncomingMessage): LaunchSession => {
    const version = request.headers['x-experience-api-version'];
    if (typeof version !== 'string' || !version.startsWith('1.0')) {
      throw new HttpError(400, 'X-Experience-API-Version 1.0.x is required');
    }
    const match = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
    const session = match?.[1] ? store.sessionForToken(match[1]) : undefined;
    if (!session) throw new HttpError(401, 'Unknown or missing auth token');
    return session;
  };

  const statements = async (request: IncomingMessage, url: URL) => {
    const session = authorized(request);
    if (request.method === 'GET') {
      const id = url.searchParams.get('statementId');
      if (id) {
        const found = store.statements.find((s) => s.id === id);
        if (!found) throw new HttpError(404, 'No such statement');
        return { status: 200, body: found };
      }
      const verb = url.searchParams.get('verb');
      const reg = url.searchParams.get('registration');
      const list = store.statements.filter(
        (s) => (!verb || s.verb?.id === verb) && (!reg || s.context?.registration === reg),
      );
      return { status: 200, body: { statements: list, more: '' } };
    }
    if (request.method !== 'POST' && request.method !== 'PUT') throw new HttpError(405, 'Method');
    const body = parseJson(await readBody(request));
    let batch = (Array.isArray(body) ? body : [body]) as Statement[];
    if (request.method === 'PUT') {
      const id = url.searchParams.get('statementId');
      if (!id || Array.isArray(body))
        throw new HttpError(400, 'PUT takes one statement and statementId');
      batch = [{ ...(body as Statement), id }];
    }
    const known = new Set(store.statements.map((s) => s.id));
    const result = store.recordFromAu(batch, session);
    // A batch is stored whole or not at all: every statement of a refused batch is listed
    // as rejected, the ones that broke a rule with their reasons.
    batch.forEach((statement, index) => {
      if (statement.id && known.has(statement.id)) return;
      const problems = 'perStatement' in result ? (result.perStatement[index] ?? []) : undefined;
      note(entryOf(statement, session.registration, 'au', problems));
    });
    if ('problems' in result) return { status: 400, body: { errors: result.problems } };
    return request.method === 'PUT' ? { status: 204 } : { status: 200, body: result.ids };
  };

  const state = async (request: IncomingMessage, url: URL) => {
    const session = authorized(request);
    const key = stateKey(url.searchParams);
    if (request.method === 'GET') {
      const value = store.getState(key);
      if (value === undefined) throw new HttpError(404, 'No such document');
      return { status: 200, text: value };
    }
    // The LMS owns LMS.LaunchData (cmi5 spec §10): the AU may only read it.
    if (url.searchParams.get('stateId') === 'LMS.LaunchData') {
      throw new HttpError(403, 'LMS.LaunchData is read-only');
    }
    const written = () => {
      emit({ kind: 'state', registration: session.registration });
      return { status: 204 };
    };
    if (request.method === 'DELETE') {
      store.setState(key, undefined);
      return written();
    }
    const text = await readBody(request);
    const incoming = parseJson(text);
    if (request.method === 'PUT') {
      store.setState(key, text);
      return written();
    }
    if (request.method === 'POST') {
      const old = parseJson(store.getState(key) ?? '{}');
      const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
      if (!isObject(old) || !isObject(incoming))
        throw new HttpError(400, 'POST merges JSON objects');
      store.setState(key, JSON.stringify({ ...(old as object), ...(incoming as object) }));
      return written();
    }
    throw new HttpError(405, 'Method not allowed');
  };

  const answer = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (url.pathname.startsWith('/cmi5/fetch/')) {
      if (request.method !== 'POST') throw new HttpError(405, 'POST only');
      const token = store.fetchToken(url.pathname);
      // A used or unknown fetch URL answers with the cmi5 error object (spec §8.2.3).
      if (token) sendJson(response, 200, { 'auth-token': token });
      else
        sendJson(response, 401, {
          'error-code': '1',
          'error-text': 'This fetch URL was already used',
        });
    } else if (url.pathname === '/xapi/statements') {
      const result = await statements(request, url);
      sendJson(response, result.status, result.body, xapiVersionHeader);
    } else if (url.pathname === '/xapi/activities/state') {
      const result = await state(request, url);
      if ('text' in result) {
        response.writeHead(result.status, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
          ...xapiVersionHeader,
        });
        response.end(result.text);
      } else sendJson(response, result.status, undefined, xapiVersionHeader);
    } else {
      return false;
    }
    return true;
  };

  return {
    course,
    get registration() {
      return registration;
    },
    launch,
    newRegistration() {
      registration = randomUUID();
      store.startRegistration(registration);
      return registration;
    },
    async route(request, response, url) {
      try {
        return await answer(request, response, url);
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        if (!response.headersSent) {
          sendJson(response, status, { error: (error as Error).message }, xapiVersionHeader);
        } else response.end();
        return true;
      }
    },
    log: () => entries,
    statesOf(reg) {
      const documents: Record<string, unknown> = {};
      for (const [key, text] of Object.entries(store.states)) {
        const [, , keyRegistration, stateId] = JSON.parse(key) as string[];
        if (keyRegistration !== reg || !stateId) continue;
        try {
          documents[stateId] = JSON.parse(text) as unknown;
        } catch {
          documents[stateId] = text;
        }
      }
      return documents;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
