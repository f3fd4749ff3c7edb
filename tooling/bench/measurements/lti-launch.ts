/**
 * `teach-in serve` under a burst: 200 learners launching at once, then 200 finishing at once
 * (each finish puts a score in the grade outbox, sent to the LMS by Assignment and Grade
 * Services), on SQLite and on PostgreSQL.
 *
 * The tool is the real CLI in its own process; the LMS is the test platform
 * (packages/lti-tool/test-support) in the bench process, which signs every id_token and
 * checks every service token. A launch is what a browser does: the login request, the
 * LMS's authentication answer, the id_token posted to the tool, up to the tool's redirect
 * to the course. A score post is the tracker's progress request carrying the outcome,
 * up to the tool's 204 (written to the outbox); "delivered" is when the last of the 200
 * scores is in the LMS's gradebook.
 *
 *   pnpm bench -- --only lti
 *   pnpm exec tsx tooling/bench/measurements/lti-launch.ts [learners]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  deepLinkWithoutBrowser,
  launchWithoutBrowser,
  startPostgres,
  startTestPlatform,
} from '@teach-in/lti-tool/test-support';
import { repoRoot } from '../../../tests/support/build-fixture.ts';
import { startServeCli } from '../../../tests/support/lti.ts';
import { ms } from '../format.ts';
import type { Measurement } from '../types.ts';

export interface LtiRun {
  storage: 'SQLite' | 'PostgreSQL';
  learners: number;
  /** Launches completed per second during the burst. */
  launchesPerSecond: number;
  /** Milliseconds. */
  launchMedian: number;
  launchP95: number;
  scorePostMedian: number;
  scorePostP95: number;
  /** From the first finish to the last score in the gradebook. */
  allDeliveredMs: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

export async function measureLtiBurst(
  storage: LtiRun['storage'],
  learners: number,
  databaseUrl?: string,
): Promise<LtiRun> {
  const courseDir = path.join(repoRoot, 'packages/lti-tool/test/fixtures/lti-course');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-bench-lti-'));
  const platform = await startTestPlatform();
  const tool = await startServeCli([courseDir, '--port', '0', '--data', dataDir], databaseUrl);
  try {
    const registered = await fetch(platform.dynamicRegistrationUrl(tool.registrationUrl));
    if (registered.status !== 200) throw new Error(`registration answered ${registered.status}`);
    const link = await deepLinkWithoutBrowser(platform, tool.url, 'lti-course/requests');

    const launchTimes: number[] = [];
    const burst = performance.now();
    const homes = await Promise.all(
      Array.from({ length: learners }, async (_, i) => {
        const started = performance.now();
        const { response } = await launchWithoutBrowser(platform, {
          user: `bench-learner-${i}`,
          resourceLinkId: link,
        });
        launchTimes.push(performance.now() - started);
        if (response.status !== 303) throw new Error(`launch answered ${response.status}`);
        return `${tool.url}${response.headers.get('location')}`;
      }),
    );
    const burstMs = performance.now() - burst;

    const postTimes: number[] = [];
    const finishing = performance.now();
    await Promise.all(
      homes.map(async (home, i) => {
        const started = performance.now();
        const saved = await fetch(`${home}progress`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            writer: `bench-writer-${i}`,
            seq: 1,
            location: 'requests/your-right-to-ask',
            outcome: { completed: true, passed: true, scorePercent: i % 101 },
          }),
        });
        postTimes.push(performance.now() - started);
        if (saved.status !== 204) throw new Error(`progress answered ${saved.status}`);
      }),
    );
    const deadline = Date.now() + 120_000;
    while (platform.scores.length < learners) {
      if (Date.now() > deadline)
        throw new Error(`${platform.scores.length} of ${learners} scores arrived`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const allDeliveredMs = performance.now() - finishing;
    const launches = sorted(launchTimes);
    const posts = sorted(postTimes);
    return {
      storage,
      learners,
      launchesPerSecond: learners / (burstMs / 1000),
      launchMedian: percentile(launches, 50),
      launchP95: percentile(launches, 95),
      scorePostMedian: percentile(posts, 50),
      scorePostP95: percentile(posts, 95),
      allDeliveredMs,
    };
  } finally {
    await tool.stop();
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureLti(learners: number): Promise<{ runs: LtiRun[]; skipped?: string }> {
  const runs = [await measureLtiBurst('SQLite', learners)];
  const postgres = await startPostgres();
  if ('skip' in postgres) return { runs, skipped: postgres.skip };
  try {
    runs.push(await measureLtiBurst('PostgreSQL', learners, await postgres.createDatabase()));
  } finally {
    await postgres.stop();
  }
  return { runs };
}

/** `pnpm bench` entry. */
export const ltiLaunch: Measurement = {
  id: 'lti',
  title: 'LTI tool: launches and score posts',
  async run(context) {
    const learners = 200;
    context.log(`${learners} learners launching together, then finishing together`);
    const { runs, skipped } = await measureLti(learners);
    return {
      tables: [
        {
          title: `teach-in serve: ${learners} concurrent launches, then ${learners} concurrent score posts`,
          columns: [
            'storage',
            'launches/s',
            'launch median',
            'launch p95',
            'score post median',
            'score post p95',
            'all scores in the gradebook',
          ],
          rows: runs.map((run) => [
            run.storage,
            run.launchesPerSecond.toFixed(0),
            ms(run.launchMedian),
            ms(run.launchP95),
            ms(run.scorePostMedian),
            ms(run.scorePostP95),
            ms(run.allDeliveredMs),
          ]),
        },
      ],
      data: { runs, skipped },
      notes: [
        'A launch: login request, the LMS authentication answer (id_token signed RS256), the id_token posted to the tool and checked (signature, nonce, state, deployment), up to the redirect to the course. All start at the same moment.',
        'A score post: the course tracker reports the finished module; the tool stores progress and writes the score to the grade outbox before answering 204. The outbox then obtains a service token (JWT client assertion) and posts each score to the LMS; the last column is until the 200th score is in the gradebook.',
        'The LMS (the test platform) runs in the bench process, so its signing and checking share the 2 cores with the tool.',
        ...(skipped ? [`PostgreSQL skipped: ${skipped}`] : []),
      ],
    };
  },
};

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [learners = '200'] = process.argv.slice(2);
  const { runs, skipped } = await measureLti(Number(learners));
  for (const run of runs) {
    process.stdout.write(
      `${run.storage}: ${run.launchesPerSecond.toFixed(0)} launches/s, launch p95 ${run.launchP95.toFixed(0)} ms, ` +
        `score post p95 ${run.scorePostP95.toFixed(0)} ms, all ${run.learners} scores delivered in ${run.allDeliveredMs.toFixed(0)} ms\n`,
    );
  }
  if (skipped) process.stdout.write(`PostgreSQL skipped: ${skipped}\n`);
}
