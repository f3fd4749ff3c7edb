/**
 * A cmi5 LMS on localhost (cmi5 spec §8, §10, §11): serves an unpacked cmi5 package, a
 * launch page that opens a session, the one-time auth-token URL and the xAPI statement
 * and state resources, which refuse statements that break the cmi5 rules.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Cmi5CourseInfo, readCmi5Course } from './cmi5-course.ts';
import { cmi5Category, cmi5Verbs, type Statement, sessionIdExtension } from './cmi5-rules.ts';
import { Cmi5Store, type LaunchSession, type StoredStatement } from './cmi5-store.ts';

export type Cmi5LaunchMode = 'Normal' | 'Browse' | 'Review';

export interface Cmi5Learner {
  id: string;
  name: string;
}

/**
 * The package's file types. Kept here, not imported from the SCORM host, whose serving
 * code is being reworked on another branch (main's http.ts): fold into it after merging.
 */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export interface Cmi5HostOptions {
  /** An unpacked cmi5 package: the folder that holds cmi5.xml. */
  packageDir: string;
  learner?: Cmi5Learner;
  /** The enrolment's registration; one is made up when not given. */
  registration?: string;
  /**
   * Where sessions, statements and state are kept (one JSON file per course and learner),
   * so a host started again on the same folder resumes; memory only when absent.
   */
  dataDir?: string;
  port?: number;
}

export interface RunningCmi5Host {
  /** The launch page: each visit is a new session (`?launchMode=Browse` to browse). */
  url: string;
  course: Cmi5CourseInfo;
  registration: string;
  /** Everything stored, oldest first. */
  statements(): readonly StoredStatement[];
  /** Every xAPI state document (LMS.LaunchData and the course's), keyed by its identity. */
  states(): Readonly<Record<string, string>>;
  close(): Promise<void>;
}

const bodyLimit = 1024 * 1024;
const xapiVersionHeader = { 'x-experience-api-version': '1.0.3' };
const launchPageCsp = "default-src 'none'; frame-src 'self'; style-src 'unsafe-inline'";

class HttpError extends Error {
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

function launchPage(title: string, launchUrl: string): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} (Teach-in cmi5 host)</title>
<style>html,body{margin:0;height:100%}iframe{display:block;width:100%;height:100%;border:0}</style>
</head>
<body>
<iframe title="${escapeHtml(title)}" src="${escapeHtml(launchUrl)}"></iframe>
</body>
</html>
`;
}

export async function startCmi5Host(options: Cmi5HostOptions): Promise<RunningCmi5Host> {
  const packageDir = realpathSync(options.packageDir);
  const course = readCmi5Course(readFileSync(path.join(packageDir, 'cmi5.xml'), 'utf8'));
  const learner = options.learner ?? { id: 'learner-1', name: 'Learner, Test' };
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_');
  const store = new Cmi5Store(
    options.dataDir
      ? path.join(options.dataDir, `cmi5-${safe(course.courseId)}-${safe(learner.id)}.json`)
      : undefined,
  );
  const registration = store.registration(options.registration ?? randomUUID());
  let origin = '';
  const actor = () => ({
    objectType: 'Agent',
    name: learner.name,
    // A fixed home page: the agent (and so its state) stays the same when the port changes.
    account: { homePage: 'https://teach-in.org/learners', name: learner.id },
  });

  /** A new session: LMS.LaunchData written and `launched` recorded before the AU starts. */
  const launch = (launchMode: Cmi5LaunchMode): string => {
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
      launchMode,
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
    store.recordByLms({
      id: randomUUID(),
      actor: agent,
      verb: { id: cmi5Verbs.launched },
      object: { id: au.id },
      context: {
        registration,
        extensions: {
          ...contextTemplate.extensions,
          'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchMode,
          'https://w3id.org/xapi/cmi5/context/extensions/moveon': au.moveOn,
        },
        contextActivities: { category: [{ id: cmi5Category }] },
      },
      timestamp: new Date().toISOString(),
    } as Statement);
    const query = new URLSearchParams({
      endpoint: `${origin}/xapi/`,
      fetch: `${origin}${session.fetchPath}`,
      actor: JSON.stringify(agent),
      registration,
      activityId: au.id,
    });
    const base = /^[a-z][a-z0-9+.-]*:/i.test(au.url) ? au.url : `/content/${au.url}`;
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
    const result = store.recordFromAu(batch, session);
    if ('problems' in result) return { status: 400, body: { errors: result.problems } };
    return request.method === 'PUT' ? { status: 204 } : { status: 200, body: result.ids };
  };

  const state = async (request: IncomingMessage, url: URL) => {
    authorized(request);
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
    if (request.method === 'DELETE') {
      store.setState(key, undefined);
      return { status: 204 };
    }
    const text = await readBody(request);
    const incoming = parseJson(text);
    if (request.method === 'PUT') {
      store.setState(key, text);
      return { status: 204 };
    }
    if (request.method === 'POST') {
      const old = parseJson(store.getState(key) ?? '{}');
      const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
      if (!isObject(old) || !isObject(incoming))
        throw new HttpError(400, 'POST merges JSON objects');
      store.setState(key, JSON.stringify({ ...(old as object), ...(incoming as object) }));
      return { status: 204 };
    }
    throw new HttpError(405, 'Method not allowed');
  };

  const serveContent = (pathname: string, response: ServerResponse) => {
    const relative = decodeURIComponent(pathname.slice('/content/'.length));
    const file = path.resolve(packageDir, relative);
    if (
      !file.startsWith(packageDir + path.sep) ||
      !statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      throw new HttpError(404, 'Not found');
    }
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', origin);
    const json = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'cache-control': 'no-store',
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      if (request.method === 'GET' && url.pathname === '/') {
        const mode = url.searchParams.get('launchMode');
        const launchMode: Cmi5LaunchMode = mode === 'Browse' || mode === 'Review' ? mode : 'Normal';
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': launchPageCsp,
        });
        response.end(launchPage(course.title, launch(launchMode)));
      } else if (url.pathname.startsWith('/cmi5/fetch/')) {
        if (request.method !== 'POST') throw new HttpError(405, 'POST only');
        const token = store.fetchToken(url.pathname);
        // A used or unknown fetch URL answers with the cmi5 error object (spec §8.2.3).
        if (token) json(200, { 'auth-token': token });
        else json(401, { 'error-code': '1', 'error-text': 'This fetch URL was already used' });
      } else if (url.pathname === '/xapi/statements') {
        const result = await statements(request, url);
        json(result.status, result.body, xapiVersionHeader);
      } else if (url.pathname === '/xapi/activities/state') {
        const result = await state(request, url);
        if ('text' in result) {
          response.writeHead(result.status, {
            'content-type': 'application/json',
            ...xapiVersionHeader,
          });
          response.end(result.text);
        } else json(result.status, undefined, xapiVersionHeader);
      } else if (request.method === 'GET' && url.pathname.startsWith('/content/')) {
        serveContent(url.pathname, response);
      } else {
        throw new HttpError(404, 'Not found');
      }
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (!response.headersSent)
        json(status, { error: (error as Error).message }, xapiVersionHeader);
      else response.end();
    }
  };

  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    course,
    registration,
    statements: () => store.statements,
    states: () => store.states,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
