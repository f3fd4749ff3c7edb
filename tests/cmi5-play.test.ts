/**
 * cmi5 end to end: the sample module built as cmi5, launched from the cmi5 host (which
 * enforces the cmi5 statement rules) in headless Chromium, played as a learner.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { cmi5Statement, courseStateId, type LaunchData, readLaunch } from '@teach-in/lms-bridge';
import {
  cmi5Category,
  masteryScoreExtension,
  type RunningCmi5Host,
  type StoredStatement,
  sessionIdExtension,
  startCmi5Host,
  unpackZip,
} from '@teach-in/lms-host';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import { answer, next, type QuestionPlay } from './support/play.ts';
import { aiAndJobQuality, whatIsCollected, yourRights } from './support/sample-questions.ts';

const course = path.join(repoRoot, 'tooling/bench/sample-module');
let out: string;
let packageDir: string;
let browser: Browser;

before(async () => {
  out = buildToTemp(course, 'cmi5');
  packageDir = mkdtempSync(path.join(tmpdir(), 'teach-in-cmi5-'));
  unpackZip(readZip(path.join(out, 'sample-module', 'sample-module.cmi5.zip')), packageDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(packageDir, { recursive: true, force: true });
});

const single = (rightly: boolean): QuestionPlay => ({
  type: 'single',
  prompt: 'Which of these is usually collected by a scheduling app?',
  picks: [rightly ? 'Your shift availability and hours worked' : 'Your bank PIN'],
  expect: rightly ? 'Correct.' : 'Not quite.',
});
const multiple = (rightly: boolean): QuestionPlay => ({
  type: 'multiple',
  prompt: 'Select all data that can count as personal data:',
  picks: rightly ? ['Your name', 'Your GPS location'] : ['Your name'],
  expect: rightly ? 'Correct.' : 'Not quite.',
});

/** The benchmark's five questions: the true/false grid answers once per statement (3). */
const answeredSample = Array<string>(7).fill('answered');

const verbName = (s: StoredStatement) => s.verb?.id?.split('/').pop() ?? '';
const sessionOf = (s: StoredStatement) => s.context?.extensions?.[sessionIdExtension];
const categories = (s: StoredStatement) =>
  s.context?.contextActivities?.category?.map((c) => c.id) ?? [];

/** Waits until the host has stored this many of a verb; fails after 20 s with what it has. */
async function waitForVerb(host: RunningCmi5Host, verb: string, count = 1): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (host.statements().filter((s) => verbName(s) === verb).length < count) {
    if (Date.now() > deadline) {
      throw new Error(
        `no "${verb}" (x${count}) after 20 s; stored: ${host.statements().map(verbName).join(', ')}`,
      );
    }
    await sleep(20);
  }
}

interface Play {
  page: Page;
  frame: FrameLocator;
  requests: string[];
  errors: string[];
  /** The learner leaves: the frame goes away (pagehide). */
  leave(): Promise<void>;
}

async function open(context: BrowserContext, host: RunningCmi5Host, query = ''): Promise<Play> {
  const page = await context.newPage();
  const { requests, errors: logged } = recordPage(page);
  // xAPI answers 404 for a state document not written yet (the first launch): expected,
  // and Chromium logs it. Every other 404 is a fault.
  const unexpected404s: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    const firstRead =
      url.pathname === '/xapi/activities/state' &&
      url.searchParams.get('stateId') === courseStateId &&
      response.request().method() === 'GET';
    if (response.status() === 404 && !firstRead) unexpected404s.push(response.url());
  });
  const errors = {
    get list() {
      return [
        ...logged.filter((e) => !e.includes('status of 404')),
        ...unexpected404s.map((u) => `404: ${u}`),
      ];
    },
  };
  await page.goto(`${host.url}${query}`);
  const frame = page.frameLocator('iframe');
  await frame
    .getByRole('button', { name: /Next|Finish/ })
    .first()
    .waitFor();
  return {
    page,
    frame,
    requests,
    get errors() {
      return errors.list;
    },
    leave: async () => {
      await page.evaluate(() => document.querySelector('iframe')?.remove());
    },
  };
}

/** The whole sample module in one session, to the result page, then leave. */
async function playThrough(host: RunningCmi5Host, rightly: boolean, query = ''): Promise<Play> {
  const context = await browser.newContext();
  const run = await open(context, host, query);
  await next(run.frame);
  for (const question of whatIsCollected(rightly)) await answer(run.frame, question);
  await next(run.frame);
  for (const question of yourRights(rightly)) await answer(run.frame, question);
  await next(run.frame);
  for (const question of aiAndJobQuality(rightly)) await answer(run.frame, question);
  await next(run.frame, 'Finish');
  await run.frame.getByRole('heading', { name: 'Your result' }).waitFor();
  if (!query.includes('Browse')) await waitForVerb(host, rightly ? 'passed' : 'failed');
  await run.leave();
  await waitForVerb(host, 'terminated');
  await context.close();
  return run;
}

function assertOnlyTheLms(run: Play, host: RunningCmi5Host) {
  const origin = new URL(host.url).origin;
  for (const url of run.requests) {
    const parsed = new URL(url);
    assert.equal(parsed.origin, origin, `request left the LMS: ${url}`);
    assert.match(parsed.pathname, /^\/($|content\/|xapi\/|cmi5\/fetch\/)/, `unexpected: ${url}`);
  }
  const fetches = run.requests.filter((u) => u.includes('/cmi5/fetch/'));
  assert.equal(fetches.length, 1, 'the auth token was fetched exactly once');
}

describe('cmi5 package under the cmi5 host', () => {
  test('answering rightly: initialized, answered for each answer, completed, passed, terminated', async () => {
    const host = await startCmi5Host({ packageDir });
    try {
      const run = await playThrough(host, true);
      const stored = host.statements();
      assert.deepEqual(stored.map(verbName), [
        'launched',
        'initialized',
        ...answeredSample,
        'completed',
        'passed',
        'terminated',
      ]);
      const [launched] = stored;
      assert.ok(stored.every((s) => sessionOf(s) === sessionOf(launched as StoredStatement)));
      assert.ok(stored.every((s) => s.context?.registration === host.registration));
      const passed = stored.find((s) => verbName(s) === 'passed');
      assert.equal(passed?.result?.score?.scaled, 1);
      // The package's cmi5.xml sets masteryScore 0.8; the host rejects passed without it.
      assert.equal(passed?.context?.extensions?.[masteryScoreExtension], 0.8);
      for (const s of stored.filter((s) => verbName(s) === 'answered')) {
        assert.ok(!categories(s).includes(cmi5Category), 'answered has no cmi5 category');
      }
      const responses = stored
        .filter((s) => verbName(s) === 'answered')
        .map((s) => (s.result as { response?: string }).response);
      assert.deepEqual(responses.slice(0, 2), ['b', 'a[,]b']);
      assert.deepEqual(run.errors, []);
      assertOnlyTheLms(run, host);
    } finally {
      await host.close();
    }
  });

  test('answering wrongly: failed, and neither completed nor passed', async () => {
    const host = await startCmi5Host({ packageDir });
    try {
      const run = await playThrough(host, false);
      assert.deepEqual(host.statements().map(verbName), [
        'launched',
        'initialized',
        ...answeredSample,
        'failed',
        'terminated',
      ]);
      const failed = host.statements().find((s) => verbName(s) === 'failed');
      assert.equal(failed?.result?.score?.scaled, 0);
      assert.deepEqual(run.errors, []);
    } finally {
      await host.close();
    }
  });

  test('launchMode Browse: the answers and the session, but no completed, passed or failed', async () => {
    const host = await startCmi5Host({ packageDir });
    try {
      const run = await playThrough(host, true, '?launchMode=Browse');
      assert.deepEqual(host.statements().map(verbName), [
        'launched',
        'initialized',
        ...answeredSample,
        'terminated',
      ]);
      assert.deepEqual(run.errors, []);
    } finally {
      await host.close();
    }
  });

  test('leave half-way, and a new session on another device resumes from the xAPI state', async () => {
    const host = await startCmi5Host({ packageDir });
    try {
      const firstDevice = await browser.newContext();
      const first = await open(firstDevice, host);
      await next(first.frame);
      await answer(first.frame, single(true));
      await next(first.frame);
      await first.leave();
      await waitForVerb(host, 'terminated');
      await firstDevice.close();

      // Nothing local on the second device: only the LMS's state document.
      const secondDevice = await browser.newContext();
      const second = await open(secondDevice, host);
      await second.frame.getByRole('heading', { name: '2. Your rights' }).waitFor();
      await next(second.frame, 'Previous');
      const group = second.frame.getByRole('group', { name: single(true).prompt });
      assert.equal(
        await group.getByRole('radio', { name: single(true).picks[0] ?? '' }).isChecked(),
        true,
        'the answer is back',
      );
      await answer(second.frame, multiple(true));
      await next(second.frame);
      for (const question of yourRights(true)) await answer(second.frame, question);
      await next(second.frame);
      for (const question of aiAndJobQuality(true)) await answer(second.frame, question);
      await next(second.frame, 'Finish');
      await waitForVerb(host, 'passed');
      await second.leave();
      await waitForVerb(host, 'terminated', 2);
      await secondDevice.close();

      const stored = host.statements();
      const sessions = [...new Set(stored.map(sessionOf))];
      assert.equal(sessions.length, 2, 'two sessions in one registration');
      const inSecond = stored.filter((s) => sessionOf(s) === sessions[1]).map(verbName);
      assert.deepEqual(inSecond, [
        'launched',
        'initialized',
        // The multiple-choice question, the two on "Your rights", the grid's three statements.
        ...Array<string>(6).fill('answered'),
        'completed',
        'passed',
        'terminated',
      ]);
      assert.equal(stored.find((s) => verbName(s) === 'passed')?.result?.score?.scaled, 1);
      assert.deepEqual(second.errors, []);
    } finally {
      await host.close();
    }
  });
});

describe('the cmi5 host enforces the launch and the statement rules', () => {
  /** Launches without a browser: the launch page's frame URL carries the parameters. */
  async function launchByHand(host: RunningCmi5Host) {
    const html = await (await fetch(host.url)).text();
    // The attribute is HTML-escaped: `&` is written `&amp;` (or `&#38;`).
    const src = /<iframe[^>]* src="([^"]+)"/.exec(html)?.[1]?.replace(/&(?:amp|#38);/g, '&');
    assert.ok(src, 'the launch page frames the AU');
    const launch = readLaunch(new URL(src, host.url).search);
    assert.ok(launch);
    return launch;
  }

  test('with a data folder, a restarted host continues the registration with what it stored', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-cmi5-data-'));
    try {
      const first = await startCmi5Host({ packageDir, dataDir });
      const launch = await launchByHand(first);
      const tokenBody = (await (await fetch(launch.fetch, { method: 'POST' })).json()) as Record<
        string,
        string
      >;
      await first.close();
      const again = await startCmi5Host({ packageDir, dataDir });
      try {
        assert.equal(again.registration, first.registration);
        assert.deepEqual(again.statements().map(verbName), ['launched']);
        const reused = await fetch(
          launch.fetch.replace(new URL(first.url).origin, new URL(again.url).origin),
          {
            method: 'POST',
          },
        );
        assert.equal(((await reused.json()) as Record<string, string>)['auth-token'], undefined);
        assert.ok(tokenBody['auth-token']);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('one token per launch, xAPI version and auth required, LaunchData read-only, rule breakers get 400', async () => {
    const host = await startCmi5Host({ packageDir });
    try {
      const launch = await launchByHand(host);
      const tokenResponse = await fetch(launch.fetch, { method: 'POST' });
      const token = ((await tokenResponse.json()) as { 'auth-token': string })['auth-token'];
      assert.ok(token);
      const again = await fetch(launch.fetch, { method: 'POST' });
      const refused = (await again.json()) as Record<string, string>;
      assert.equal(refused['auth-token'], undefined, 'a second POST gets no token');
      assert.equal(refused['error-code'], '1');

      const headers = {
        Authorization: `Basic ${token}`,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
      };
      const stateUrl = (stateId: string) =>
        `${launch.endpoint}activities/state?${new URLSearchParams({
          stateId,
          activityId: launch.activityId,
          agent: JSON.stringify(launch.actor),
          registration: launch.registration,
        })}`;
      const launchData = (await (
        await fetch(stateUrl('LMS.LaunchData'), { headers })
      ).json()) as LaunchData;
      assert.equal(launchData.launchMode, 'Normal');
      assert.equal(launchData.moveOn, 'CompletedAndPassed');
      const overwrite = await fetch(stateUrl('LMS.LaunchData'), {
        method: 'PUT',
        headers,
        body: '{}',
      });
      assert.equal(overwrite.status, 403);

      let n = 0;
      const ctx = () => ({
        launch,
        launchData,
        newId: () => `00000000-0000-4000-8000-00000000000${n++}`,
        now: new Date(),
      });
      const post = (body: unknown, extra: Record<string, string> = headers) =>
        fetch(`${launch.endpoint}statements`, {
          method: 'POST',
          headers: extra,
          body: JSON.stringify(body),
        });

      const noVersion = await post(cmi5Statement('initialized', ctx()), {
        Authorization: headers.Authorization,
        'Content-Type': 'application/json',
      });
      assert.equal(noVersion.status, 400);
      const badToken = await post(cmi5Statement('initialized', ctx()), {
        ...headers,
        Authorization: 'Basic bm9ib2R5',
      });
      assert.equal(badToken.status, 401);

      const passedOutcome = { outcome: { scorePercent: 90, passed: true, completed: true } };
      const early = await post(cmi5Statement('passed', ctx(), passedOutcome));
      assert.equal(early.status, 400, 'passed before initialized');
      assert.equal((await post(cmi5Statement('initialized', ctx()))).status, 200);

      const noSession = cmi5Statement('completed', ctx(), passedOutcome);
      delete noSession.context.extensions?.[sessionIdExtension];
      const noSessionResponse = await post(noSession);
      assert.equal(noSessionResponse.status, 400);
      assert.match(JSON.stringify(await noSessionResponse.json()), /session id/);

      assert.equal((await post(cmi5Statement('passed', ctx(), passedOutcome))).status, 200);
      const failedAfterPassed = await post(
        cmi5Statement('failed', ctx(), {
          outcome: { scorePercent: 10, passed: false, completed: true },
        }),
      );
      assert.equal(failedAfterPassed.status, 400);
      const reasons = (await failedAfterPassed.json()) as { errors: string[] };
      assert.ok(
        reasons.errors.some((e) => e.includes('no "failed" after "passed"')),
        String(reasons.errors),
      );
      assert.deepEqual(host.statements().map(verbName), ['launched', 'initialized', 'passed']);
    } finally {
      await host.close();
    }
  });
});
