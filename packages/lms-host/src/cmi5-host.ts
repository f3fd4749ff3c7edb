/**
 * A cmi5 LMS on localhost: serves an unpacked cmi5 package and a launch page that opens a
 * session; the LMS endpoints (auth token, xAPI statements and state) are cmi5-lms.ts's
 * routes, which the preview mounts too.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from '@teach-in/course-schema/html-text';
import {
  cors,
  Hono,
  HttpError,
  type ListeningServer,
  listen,
  policies,
  securityHeaders,
  withErrorPages,
} from '@teach-in/http-kit';
import { type Cmi5CourseInfo, readCmi5Course } from './cmi5-course.ts';
import { type Cmi5LaunchMode, type Cmi5Learner, type Cmi5Lms, createCmi5Lms } from './cmi5-lms.ts';
import { Cmi5Store, type StoredStatement } from './cmi5-store.ts';
import { decodePath, packageFile, rawPathOf } from './http.ts';
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
  let lrsOrigin = '';

  const app = lmsApp();
  app.get('/', (c) => {
    const mode = c.req.query('launchMode');
    const launchMode: Cmi5LaunchMode = mode === 'Browse' || mode === 'Review' ? mode : 'Normal';
    const launchUrl = lms.launch({ origin: lrsOrigin, contentBase: '/content/', mode: launchMode });
    return c.html(launchPage(course.title, launchUrl), 200, {
      'content-security-policy': policies.cmi5LaunchPage,
    });
  });
  app.get('/content/*', (c) => {
    const relative = decodePath(rawPathOf(c).slice('/content/'.length));
    if (relative === undefined) throw new HttpError(400, 'Bad path');
    return packageFile(c, files, relative);
  });
  app.route('/', lms.routes);
  const server = await listen(app, options.port === undefined ? {} : { port: options.port });
  lrsOrigin = server.origin;
  const lrs = options.lrsOnAnotherOrigin ? await startLrs(lms, server.origin) : undefined;
  if (lrs) lrsOrigin = lrs.origin;
  return {
    url: server.url,
    lrsUrl: `${lrsOrigin}/`,
    course,
    registration: lms.registration,
    statements: () => store.statements,
    states: () => store.states,
    close: async () => {
      await lrs?.close();
      await server.close();
    },
  };
}

/** A cmi5 host's app: lms-host's headers, refusals as JSON (its callers are programs). */
function lmsApp(): Hono {
  const app = new Hono();
  app.use(securityHeaders({ isolated: false }));
  return withErrorPages(app, { format: 'json' });
}

/** The LMS's xAPI and fetch routes on their own port, open to the content's origin by CORS. */
function startLrs(lms: Cmi5Lms, contentOrigin: string): Promise<ListeningServer> {
  const app = lmsApp();
  app.use(
    cors({
      origin: contentOrigin,
      allowMethods: ['GET', 'PUT', 'POST'],
      allowHeaders: ['authorization', 'content-type', 'x-experience-api-version'],
      maxAge: 600,
    }),
  );
  app.route('/', lms.routes);
  return listen(app);
}
