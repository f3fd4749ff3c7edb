import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema/html-text';
import {
  Hono,
  limitBody,
  listen,
  ltiToolPagePolicy,
  securityHeaders,
  withErrorPages,
} from '@teach-in/http-kit';
import { bodyLimits, paths, type ToolContext } from './context.ts';
import { deepLinkRespond } from './deep-linking.ts';
import { GradeOutbox } from './grade-service.ts';
import { ToolKeys } from './keys.ts';
import { launch, login } from './launch-routes.ts';
import { courseFile, saveAnswer, saveProgress } from './play-routes.ts';
import { refusalPages } from './refusals.ts';
import { canvasConfiguration, dynamicRegistration } from './registration.ts';
import { ServedCourses } from './served-courses.ts';
import { LtiStore } from './storage/store.ts';
import { page, sendPage } from './tool-pages.ts';
import { PlatformKeySets } from './verify-id-token.ts';

export interface LtiToolOptions {
  courses: readonly Course[];
  /** PostgreSQL connection string; without it, SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  port?: number;
  host?: string;
  /** The address LMSs reach the tool at; default `http://127.0.0.1:<port>`. */
  publicUrl?: string;
  /** The secret part of the Dynamic Registration address; random (and kept) when not given. */
  registrationKey?: string;
  retentionDays?: number;
  /** How often the grade outbox looks for grades to (re)send. */
  gradePollMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

export interface RunningLtiTool {
  /** The public address (`publicUrl`, else the one below). */
  url: string;
  /** Where this process listens. */
  listenUrl: string;
  registrationUrl: string;
  store: LtiStore;
  keys: ToolKeys;
  outbox: GradeOutbox;
  close(): Promise<void>;
}

export const sqliteFileName = 'lti-tool.sqlite';
export const defaultRetentionDays = 180;
const dayMs = 24 * 60 * 60 * 1000;

export function createApp(
  context: ToolContext,
  registrationKey: string,
  log: (message: string) => void,
): Hono {
  const app = new Hono();
  withErrorPages(app, refusalPages(log));
  // Not isolated: the LMS frames the tool's pages and opens its registration page.
  app.use(
    securityHeaders({
      isolated: false,
      hideReferrer: true,
      strictTransport: true,
      policy: ltiToolPagePolicy(),
    }),
  );
  // No body past the largest a route reads; each route reads within its own, smaller limit.
  app.use('/lti/*', limitBody(bodyLimits.progress));
  app.on(['GET', 'POST'], paths.login, (c) => login(context, c));
  app.post(paths.launch, (c) => launch(context, c));
  app.post(paths.deepLink, (c) => deepLinkRespond(context, c));
  app.get(paths.jwks, async (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(await context.keys.jwks());
  });
  app.get(paths.canvasConfig, (c) => c.json(canvasConfiguration(context.baseUrl)));
  app.get(paths.register, (c) => dynamicRegistration(context, c, registrationKey));
  app.get(`${paths.play}:token/:file{.*}`, (c) => courseFile(context, c));
  app.post(`${paths.play}:token/progress`, (c) => saveProgress(context, c));
  app.post(`${paths.play}:token/answer`, (c) => saveAnswer(context, c));
  app.get('/', (c) =>
    sendPage(
      c,
      page(
        'Teach-in LTI tool',
        `<main><h1>Teach-in LTI 1.3 tool</h1><p>Add it to an LMS: see docs/lti/. Login URL <code>${escapeHtml(context.baseUrl + paths.login)}</code>, launch URL <code>${escapeHtml(context.baseUrl + paths.launch)}</code>, keys <code>${escapeHtml(context.baseUrl + paths.jwks)}</code>.</p></main>`,
      ),
    ),
  );
  return app;
}

/**
 * Deletes everything the tool stores: the SQLite file (with its WAL files), or every table
 * of the tool in PostgreSQL. Returns what was removed, for the message.
 */
export async function deleteLtiData(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<string> {
  if (options.databaseUrl) {
    const store = await LtiStore.open({ databaseUrl: options.databaseUrl, sqliteFile: '' });
    await store.dropEverything();
    await store.close();
    return 'every table of the LTI tool in the PostgreSQL database';
  }
  const file = path.join(options.dataDir, sqliteFileName);
  const removed = [file, `${file}-wal`, `${file}-shm`].filter((candidate) => existsSync(candidate));
  for (const candidate of removed) rmSync(candidate);
  return removed.length > 0 ? file : 'nothing (no database found)';
}

/** Removes one learner's progress, answers, launches and pending grades for a platform. */
export async function forgetLearner(options: {
  databaseUrl?: string;
  dataDir: string;
  issuer: string;
  userId: string;
}): Promise<number> {
  const store = await LtiStore.open({
    databaseUrl: options.databaseUrl,
    sqliteFile: path.join(options.dataDir, sqliteFileName),
  });
  try {
    return await store.forgetLearnerOfIssuer(options.issuer, options.userId);
  } finally {
    await store.close();
  }
}

/** Opens the database, makes sure a key exists, builds the courses, listens. */
export async function startLtiTool(options: LtiToolOptions): Promise<RunningLtiTool> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const fetcher = options.fetch ?? fetch;
  const store = await LtiStore.open({
    databaseUrl: options.databaseUrl,
    sqliteFile: path.join(options.dataDir, sqliteFileName),
  });
  const retentionDays = options.retentionDays ?? defaultRetentionDays;
  await store.purge(now(), now() - retentionDays * dayMs);
  const keys = new ToolKeys(store, now);
  await keys.ensure();
  const courses = new ServedCourses(options.courses);
  await courses.buildAll();
  const outbox = new GradeOutbox({
    store,
    keys,
    now,
    fetch: fetcher,
    pollMs: options.gradePollMs ?? 5_000,
    log,
  });
  // In the database, so the registration URL works on every process behind a balancer.
  const registrationKey =
    options.registrationKey ??
    (await store.setting('registration-key', randomBytes(18).toString('base64url')));
  const context: ToolContext = {
    store,
    keys,
    keySets: new PlatformKeySets(),
    courses,
    outbox,
    baseUrl: '',
    now,
    fetch: fetcher,
    launchLifetimeMs: 12 * 60 * 60 * 1000,
  };
  const app = createApp(context, registrationKey, log);
  const host = options.host ?? '127.0.0.1';
  // LMSs and learners reach the tool over the internet: a slow client cannot hold a connection.
  const server = await listen(app, {
    port: options.port,
    hostname: host,
    slowClientTimeouts: true,
  });
  const { port } = server;
  context.baseUrl = (options.publicUrl ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
  outbox.start();
  // Expired data goes while the tool runs, not only at start (any process may do it).
  const purgeTimer = setInterval(
    () => {
      store
        .purge(now(), now() - retentionDays * dayMs)
        .catch((error: Error) => log(`lti-tool: purge failed: ${error.message}`));
    },
    60 * 60 * 1000,
  );
  purgeTimer.unref();
  return {
    url: context.baseUrl,
    listenUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    registrationUrl: `${context.baseUrl}${paths.register}?key=${registrationKey}`,
    store,
    keys,
    outbox,
    async close() {
      clearInterval(purgeTimer);
      await outbox.stop();
      // Ends keep-alive connections too (the LMS's browser), which would hold close() open.
      await server.close();
      await store.close();
    },
  };
}
