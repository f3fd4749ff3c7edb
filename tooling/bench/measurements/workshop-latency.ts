/**
 * Answer latency of `teach-in workshop`: a room of phones answering at once.
 *
 * The real CLI runs the server in its own process. Each participant joins over its own
 * keep-alive connection from its own loopback address (127.0.0.x), as phones on the
 * hall's wifi each have their own address, then all answer together, round after round,
 * while the facilitator's dashboard listens for live counts. Latency is one answer's
 * round trip: request sent to `204 No Content` received, through validation, the SQLite
 * write and the dashboard's notification.
 *
 *   pnpm bench -- --only workshop
 *   pnpm exec tsx tooling/bench/measurements/workshop-latency.ts [participants] [rounds]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../tests/support/build-fixture.ts';
import { startWorkshopCli } from '../../../tests/support/workshop.ts';
import { ms } from '../format.ts';
import type { Measurement } from '../types.ts';

export interface WorkshopLatency {
  /** Milliseconds. */
  median: number;
  p95: number;
  samples: number;
  participants: number;
}

export interface WorkshopLatencyOptions {
  participants?: number;
  /** Answers each participant sends, one after another. */
  rounds?: number;
  courseDir?: string;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
}

function request(
  agent: http.Agent,
  base: URL,
  method: 'GET' | 'POST',
  pathname: string,
  headers: Record<string, string>,
  body = '',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path: pathname,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function measureWorkshopLatency(
  options: WorkshopLatencyOptions = {},
): Promise<WorkshopLatency> {
  const participants = options.participants ?? 60;
  const rounds = options.rounds ?? 10;
  const courseDir = options.courseDir ?? path.join(repoRoot, 'tooling/bench/sample-module');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-bench-workshop-'));
  const server = await startWorkshopCli([courseDir, '--port', '0', '--data', dataDir]);
  const base = new URL(server.url);
  const agents: http.Agent[] = [];
  try {
    // The facilitator's dashboard, listening to live counts for the whole run.
    const facilitatorAgent = new http.Agent({ keepAlive: true });
    agents.push(facilitatorAgent);
    const login = await request(
      facilitatorAgent,
      base,
      'POST',
      '/facilitator/login',
      form,
      new URLSearchParams({ token: server.token }).toString(),
    );
    const facilitatorCookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
    const events = http.get({
      agent: facilitatorAgent,
      host: base.hostname,
      port: base.port,
      path: '/facilitator/events',
      headers: { cookie: facilitatorCookie },
    });
    events.on('response', (res) => res.resume());
    events.on('error', () => {});

    const phones = await Promise.all(
      Array.from({ length: participants }, async (_, i) => {
        const agent = new http.Agent({
          keepAlive: true,
          maxSockets: 1,
          localAddress: `127.0.${1 + Math.floor(i / 200)}.${10 + (i % 200)}`,
        });
        agents.push(agent);
        const joined = await request(agent, base, 'POST', '/join', form, `nickname=Phone+${i}`);
        if (joined.status !== 303) throw new Error(`join answered ${joined.status}`);
        const cookie = String(joined.headers['set-cookie']?.[0]).split(';')[0]!;
        return { agent, cookie, writer: `bench-writer-${i}` };
      }),
    );

    const latencies: number[] = [];
    await Promise.all(
      phones.map(async (phone, i) => {
        for (let round = 0; round < rounds; round++) {
          const body = JSON.stringify(
            round % 2 === 0
              ? {
                  writer: phone.writer,
                  seq: round + 1,
                  questionId: 'scheduling-app-data',
                  response: [['a', 'b', 'c'][(i + round) % 3]],
                }
              : {
                  writer: phone.writer,
                  seq: round + 1,
                  questionId: 'personal-data',
                  response: (i + round) % 2 ? ['a', 'b'] : ['c'],
                },
          );
          const started = performance.now();
          const reply = await request(
            phone.agent,
            base,
            'POST',
            '/c/sample-module/answer',
            { 'content-type': 'application/json', cookie: phone.cookie },
            body,
          );
          latencies.push(performance.now() - started);
          if (reply.status !== 204) throw new Error(`answer answered ${reply.status}`);
        }
      }),
    );
    events.destroy();
    const sorted = latencies.sort((a, b) => a - b);
    return {
      median: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      samples: sorted.length,
      participants,
    };
  } finally {
    for (const agent of agents) agent.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `pnpm bench` entry: the room answering together, round after round. */
export const workshopLatency: Measurement = {
  id: 'workshop',
  title: 'Workshop answer latency',
  async run(context) {
    const participants = 60;
    const rounds = context.quick ? 3 : 10;
    context.log(`${participants} participants, ${rounds} answers each`);
    const result = await measureWorkshopLatency({
      participants,
      rounds,
      courseDir: context.benchmarkDir,
    });
    return {
      tables: [
        {
          title: `teach-in workshop: answer latency, ${participants} participants answering together`,
          columns: ['answers', 'median', '95th percentile'],
          rows: [[result.samples, ms(result.median), ms(result.p95)]],
        },
      ],
      data: result,
      notes: [
        'Latency: one answer, from the request sent to 204 received, through validation, the SQLite write and the dashboard notification. Every participant sends at the same moment, round after round: a burst much harsher than a real room, where answers spread over seconds.',
        'The server is the real CLI in its own process; the participants share the bench process, each on its own loopback address and keep-alive connection, so a busy machine shows in these figures.',
      ],
    };
  },
};

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [participants = '60', rounds = '10'] = process.argv.slice(2);
  const result = await measureWorkshopLatency({
    participants: Number(participants),
    rounds: Number(rounds),
  });
  process.stdout.write(
    `workshop answer latency, ${result.participants} participants answering together, ` +
      `${result.samples} answers: median ${result.median.toFixed(1)} ms, ` +
      `95th percentile ${result.p95.toFixed(1)} ms\n`,
  );
}
