import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Course, themeCss } from '@teach-in/course-schema';
import type { WorkshopContext } from './context.ts';
import { prepareCourses } from './courses.ts';
import * as facilitator from './facilitator-routes.ts';
import { HttpError, send } from './http.ts';
import { lanAddress } from './lan.ts';
import { LiveUpdates } from './live.ts';
import { defaultLoginSlowdown, LoginGuard, type LoginSlowdown } from './login-guard.ts';
import * as participant from './participant-routes.ts';
import {
  defaultRateLimits,
  newFacilitatorToken,
  RateLimiter,
  type RateLimits,
} from './security.ts';
import { readStaticFiles } from './static-files.ts';
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

type Handler = (
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) => void | Promise<void>;

/** Exact routes by method and path; `/c/<course>/...` is matched by prefix below. */
const routes: Record<string, Handler> = {
  'GET /': participant.showHome,
  'POST /join': participant.join,
  'POST /leave': participant.leave,
  'GET /poll': (context, request, response) => {
    const voted = new URL(request.url ?? '/', 'http://x').searchParams.has('voted');
    participant.showPoll(context, request, response, voted ? 'Your vote is in.' : undefined);
  },
  'POST /poll': participant.vote,
  'GET /qr.svg': (context, _request, response) => facilitator.qrCode(context, response),
  'GET /facilitator': facilitator.showDashboard,
  'POST /facilitator/login': facilitator.login,
  'POST /facilitator/logout': facilitator.logout,
  'GET /facilitator/counts.json': facilitator.counts,
  'GET /facilitator/events': facilitator.events,
  'POST /facilitator/poll': facilitator.openPoll,
  'POST /facilitator/poll/close': facilitator.closePoll,
  'GET /facilitator/export.csv': facilitator.exportCsv,
};

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

  const server = createServer(async (request, response) => {
    try {
      const method = request.method === 'HEAD' ? 'GET' : (request.method ?? '');
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const route = routes[`${method} ${pathname}`];
      const asset = statics.get(pathname);
      if (route) await route(context, request, response);
      else if (pathname.startsWith('/c/') && (method === 'GET' || method === 'POST')) {
        await participant.courseRoute(context, request, response, pathname);
      } else if (asset && method === 'GET') send(response, 200, asset.bytes, asset.type);
      else if (Object.keys(routes).some((key) => key.endsWith(` ${pathname}`))) {
        throw new HttpError(405, 'Method not allowed.');
      } else throw new HttpError(404, 'Not found.');
    } catch (error) {
      refuse(response, error);
    }
  });
  // A slow client cannot hold a connection open by sending its request byte by byte.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  const host = options.lan ? '0.0.0.0' : '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  const lanIp = options.lan ? lanAddress() : undefined;
  joinUrl = lanIp ? `http://${lanIp}:${port}/` : url;

  return {
    url,
    joinUrl,
    token: context.token,
    purged,
    close: () =>
      new Promise<void>((resolve, reject) => {
        context.live.close();
        server.closeAllConnections();
        server.close((error) => {
          store.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

function refuse(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof HttpError) {
    const headers: Record<string, string> = {};
    if (error.status === 429) headers['retry-after'] = '60';
    // The rest of an oversized body is not read: close instead of draining it.
    if (error.status === 413) headers.connection = 'close';
    send(response, error.status, `${error.message}\n`, 'text/plain; charset=utf-8', headers);
    return;
  }
  console.error(error);
  send(
    response,
    500,
    'Something went wrong on the workshop server.\n',
    'text/plain; charset=utf-8',
  );
}
