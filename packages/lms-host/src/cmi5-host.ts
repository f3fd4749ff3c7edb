/**
 * A cmi5 LMS on localhost: serves an unpacked cmi5 package and a launch page that opens a
 * session; the LMS endpoints (auth token, xAPI statements and state) are cmi5-lms.ts's
 * routes, which the preview mounts too.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { escapeHtml } from '@teach-in/course-schema/html-text';
import { type Cmi5CourseInfo, readCmi5Course } from './cmi5-course.ts';
import {
  type Cmi5LaunchMode,
  type Cmi5Learner,
  type Cmi5Lms,
  createCmi5Lms,
  sendJson,
} from './cmi5-lms.ts';
import { Cmi5Store, type StoredStatement } from './cmi5-store.ts';
import { decodePath, serveFile } from './http.ts';
import { folderSource } from './package-source.ts';

export type { Cmi5LaunchMode, Cmi5Learner } from './cmi5-lms.ts';

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
  /**
   * Serve the xAPI endpoint and the fetch URL from a second port: another origin, as an
   * LMS whose LRS lives elsewhere (it answers CORS for the content's origin).
   */
  lrsOnAnotherOrigin?: boolean;
}

export interface RunningCmi5Host {
  /** The launch page: each visit is a new session (`?launchMode=Browse` to browse). */
  url: string;
  course: Cmi5CourseInfo;
  registration: string;
  /** Where the xAPI endpoint lives: the launch page's origin unless `lrsOnAnotherOrigin`. */
  lrsUrl: string;
  /** Everything stored, oldest first. */
  statements(): readonly StoredStatement[];
  /** Every xAPI state document (LMS.LaunchData and the course's), keyed by its identity. */
  states(): Readonly<Record<string, string>>;
  close(): Promise<void>;
}

const launchPageCsp = "default-src 'none'; frame-src 'self'; style-src 'unsafe-inline'";

/** The file a cmi5 host keeps one course and learner's records in. */
export function cmi5StoreFile(dataDir: string, courseId: string, learnerId: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_');
  return path.join(dataDir, `cmi5-${safe(courseId)}-${safe(learnerId)}.json`);
}

function launchPage(title: string, launchUrl: string): string {
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
  const files = folderSource(packageDir);
  const course = readCmi5Course(readFileSync(path.join(packageDir, 'cmi5.xml'), 'utf8'));
  const learner = options.learner ?? { id: 'learner-1', name: 'Learner, Test' };
  const store = new Cmi5Store(
    options.dataDir ? cmi5StoreFile(options.dataDir, course.courseId, learner.id) : undefined,
  );
  const lms = createCmi5Lms({
    course,
    learner,
    store,
    ...(options.registration === undefined ? {} : { registration: options.registration }),
  });
  let origin = '';
  let lrsOrigin = '';

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && url.pathname === '/') {
      const mode = url.searchParams.get('launchMode');
      const launchMode: Cmi5LaunchMode = mode === 'Browse' || mode === 'Review' ? mode : 'Normal';
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': launchPageCsp,
      });
      response.end(
        launchPage(
          course.title,
          lms.launch({ origin: lrsOrigin, contentBase: '/content/', mode: launchMode }),
        ),
      );
      return;
    }
    if (request.method === 'GET' && url.pathname.startsWith('/content/')) {
      const relative = decodePath(url.pathname.slice('/content/'.length));
      if (relative === undefined) sendJson(response, 400, { error: 'Bad path' });
      else serveFile(files, relative, response);
      return;
    }
    lms
      .route(request, response, url)
      .then((answered) => {
        if (!answered) sendJson(response, 404, { error: 'Not found' });
      })
      .catch(() => response.end());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  lrsOrigin = origin;
  const lrs = options.lrsOnAnotherOrigin ? await startLrs(lms, () => origin) : undefined;
  if (lrs) lrsOrigin = lrs.origin;
  return {
    url: `${origin}/`,
    lrsUrl: `${lrsOrigin}/`,
    course,
    registration: lms.registration,
    statements: () => store.statements,
    states: () => store.states,
    close: async () => {
      await lrs?.close();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/** The LMS's xAPI and fetch routes on their own port, open to the content's origin by CORS. */
async function startLrs(
  lms: Cmi5Lms,
  contentOrigin: () => string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', contentOrigin());
    response.setHeader('vary', 'origin');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'GET, PUT, POST',
        'access-control-allow-headers': 'authorization, content-type, x-experience-api-version',
        'access-control-max-age': '600',
      });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    lms
      .route(request, response, url)
      .then((answered) => {
        if (!answered) sendJson(response, 404, { error: 'Not found' });
      })
      .catch(() => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}
