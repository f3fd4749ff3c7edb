import { type Course, themeCss } from '@teach-in/course-schema';
import {
  Hono,
  HttpError,
  listen,
  policies,
  RateLimiter,
  securityHeaders,
  withErrorPages,
} from '@teach-in/http-kit';
import type { Handler, WorkshopContext } from './context.ts';
import { prepareCourses } from './courses.ts';
import * as facilitator from './facilitator-routes.ts';
import { lanAddress } from './lan.ts';
import { LiveUpdates } from './live.ts';
import { defaultLoginSlowdown, LoginGuard, type LoginSlowdown } from './login-guard.ts';
import * as participant from './participant-routes.ts';
import { defaultRateLimits, newFacilitatorToken, type RateLimits } from './security.ts';
import { readStaticFiles, type StaticFile } from './static-files.ts';
import { WorkshopStore } from './store.ts';
import { liveCounts } from './summary.ts';

export interface WorkshopServerOptions {
  courses: readonly Course[];
  /** Folder of the SQLite database; created when missing. */
  dataDir: string;
  /** Listen on every interface and tell participants the LAN address. Default: 127.0.0.1 only. */
  lan?: boolean;
  /** 0 picks a free port. */
  port?: number;
  /** Data not touched for this many days is removed at start. */
  retentionDays?: number;
  rateLimits?: Partial<RateLimits>;
  loginSlowdown?: Partial<LoginSlowdown>;
  now?: () => number;
}

export interface RunningWorkshop {
  /** Where this machine reaches the server. */
  url: string;
  /** What participants open (the LAN address with `lan`). */
  joinUrl: string;
  token: string;
  /** Participants removed at start because their data passed the retention period. */
  purged: number;
  close(): Promise<void>;
}

export const defaultRetentionDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

/** Exact routes by method and path; `/c/<course>/...` is matched by prefix below. */
const routes: Record<string, Handler> = {
  'GET /': participant.showHome,
  'POST /join': participant.join,
  'POST /leave': participant.leave,
  'GET /poll': participant.showPoll,
  'POST /poll': participant.vote,
  'GET /qr.svg': facilitator.qrCode,
  'GET /facilitator': facilitator.showDashboard,
  'POST /facilitator/login': facilitator.login,
  'POST /facilitator/logout': facilitator.logout,
  'GET /facilitator/counts.json': facilitator.counts,
  'GET /facilitator/events': facilitator.events,
  'POST /facilitator/poll': facilitator.openPoll,
  'POST /facilitator/poll/close': facilitator.closePoll,
  'GET /facilitator/export.csv': facilitator.exportCsv,
};

/**
 * The workshop's app: the whole security header set (its pages are never framed), plain
 * text refusals, a bug's details only in the terminal.
 */
function workshopApp(context: WorkshopContext, statics: Map<string, StaticFile>): Hono {
  const app = new Hono();
  app.use(securityHeaders({ isolated: true, policy: policies.serverPage }));
  withErrorPages(app, {
    format: 'text',
    unexpected: 'Something went wrong on the workshop server.',
  });
  for (const [key, handler] of Object.entries(routes)) {
    const [method, path] = key.split(' ') as [string, string];
    app.on(method, path, (c) => handler(context, c));
  }
  app.on(['GET', 'POST'], '/c/*', (c) => participant.courseRoute(context, c));
  for (const [path, asset] of statics) {
    app.get(path, (c) =>
      c.body(asset.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': asset.type }),
    );
  }
  // A known path asked with another method.
  for (const path of new Set(Object.keys(routes).map((key) => key.split(' ')[1]!))) {
    app.all(path, () => {
      throw new HttpError(405, 'Method not allowed.');
    });
  }
  return app;
}

/** Starts the workshop: builds the courses, opens the database, removes expired data, listens. */
export async function startWorkshopServer(
  options: WorkshopServerOptions,
): Promise<RunningWorkshop> {
  const now = options.now ?? Date.now;
  const retentionDays = options.retentionDays ?? defaultRetentionDays;
  const courses = await prepareCourses(options.courses);
  const store = WorkshopStore.open(options.dataDir, now);
  const purged = store.purgeOlderThan(now() - retentionDays * dayMs);
  const limits = { ...defaultRateLimits, ...options.rateLimits };
  // The stylesheet ends with the (first) course's theme, so the room's pages look like the
  // course, dark mode included.
  const statics = readStaticFiles(options.courses[0] ? themeCss(options.courses[0].theme) : '');
  let joinUrl = '';
  const context: WorkshopContext = {
    store,
    courses,
    limiters: {
      join: new RateLimiter(limits.join, now),
      answer: new RateLimiter(limits.answer, now),
      progress: new RateLimiter(limits.progress, now),
      joinTotal: new RateLimiter(limits.joinTotal, now),
    },
    loginGuard: new LoginGuard({ ...defaultLoginSlowdown, ...options.loginSlowdown }, now),
    retentionDays,
    token: newFacilitatorToken(),
    facilitatorSessions: new Set(),
    live: new LiveUpdates(() => liveCounts(store)),
    joinUrl: () => joinUrl,
  };

  const server = await listen(workshopApp(context, statics), {
    port: options.port ?? 0,
    hostname: options.lan ? '0.0.0.0' : '127.0.0.1',
    slowClientTimeouts: true,
  });
  const url = server.url;
  const lanIp = options.lan ? lanAddress() : undefined;
  joinUrl = lanIp ? `http://${lanIp}:${server.port}/` : url;

  return {
    url,
    joinUrl,
    token: context.token,
    purged,
    async close() {
      context.live.close();
      try {
        await server.close();
      } finally {
        store.close();
      }
    },
  };
}
