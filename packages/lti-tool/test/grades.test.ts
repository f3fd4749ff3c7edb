import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLtiTool } from '../src/index.ts';
import { startPostgres, type TestPostgres } from '../test-support/index.ts';
import { fixtureCourse, formOf, launchAs, type Pair, post, startPair } from './harness.ts';

async function until<T>(check: () => T | undefined, what: string, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Deep-links one module as the instructor, the way an LMS places an activity. */
async function placeModule(pair: Pair, target: string) {
  const { response } = await launchAs(pair.platform, {
    user: 'teacher-1',
    role: 'instructor',
    messageType: 'LtiDeepLinkingRequest',
  });
  const requestId = /name="request" value="([^"]+)"/.exec(await response.text())?.[1] ?? '';
  const form = formOf(
    await (await post(`${pair.tool.url}/lti/deep-link`, { request: requestId, target })).text(),
  );
  assert.equal((await post(form.action, form.fields)).status, 200);
  return [...pair.platform.resourceLinks.values()].at(-1)?.id ?? '';
}

function gradeSuite(name: string, databaseUrl: () => Promise<string | undefined>) {
  describe(`grades, resume and class totals (${name})`, () => {
    let pair: Pair;
    before(async () => {
      pair = await startPair({ databaseUrl: await databaseUrl() });
    });
    after(() => pair.close());

    test('a finished module posts its score to the line item; a refused post is retried', async () => {
      const link = await placeModule(pair, 'lti-course/requests');
      const { response } = await launchAs(pair.platform, {
        user: 'learner-1',
        resourceLinkId: link,
      });
      const home = `${pair.tool.url}${response.headers.get('location')}`;
      const answered = await fetch(
        `${home}answer`,
        json({ writer: 'writer-aaaa', seq: 1, questionId: 'request-right', response: ['0'] }),
      );
      assert.equal(answered.status, 204, await answered.text());

      pair.platform.refuseScoresWith = 503;
      const finished = {
        writer: 'writer-aaaa',
        seq: 2,
        state: 'S1',
        location: 'requests/your-right-to-ask',
        outcome: { completed: true, passed: true, scorePercent: 100 },
      };
      const progressed = await fetch(`${home}progress`, json(finished));
      assert.equal(progressed.status, 204, await progressed.text());
      await until(() => (pair.platform.refusedScores > 0 ? true : undefined), 'a refused attempt');
      assert.equal(
        pair.platform.scores.length,
        0,
        'the platform refused; nothing in the gradebook',
      );
      const stillQueued = await pair.tool.store.pendingGrades();
      assert.equal(stillQueued.length, 1);

      pair.platform.refuseScoresWith = null;
      const score = await until(() => pair.platform.scores[0], 'the score in the gradebook');
      assert.equal(score.userId, 'learner-1');
      assert.equal(score.scoreGiven, 100);
      assert.equal(score.scoreMaximum, 100);
      assert.equal(score.activityProgress, 'Completed');
      assert.equal(score.gradingProgress, 'FullyGraded');
      const item = [...pair.platform.lineItems.values()].find(
        (candidate) => candidate.resourceLinkId === link,
      );
      assert.equal(score.lineItemId, item?.id, 'the score went to the placement’s own line item');
      assert.deepEqual(await pair.tool.store.pendingGrades(), []);

      // The same outcome again (a retry, a second save) does not post a second score.
      assert.equal((await fetch(`${home}progress`, json({ ...finished, seq: 3 }))).status, 204);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(pair.platform.scores.length, 1);
    });

    test('the next launch resumes where the learner left off', async () => {
      const link = [...pair.platform.resourceLinks.keys()][0];
      const { response } = await launchAs(pair.platform, {
        user: 'learner-1',
        resourceLinkId: link,
      });
      const html = await (
        await fetch(`${pair.tool.url}${response.headers.get('location')}`)
      ).text();
      assert.match(html, /"state":"S1","location":"requests\/your-right-to-ask"/);
    });

    test('bad progress is refused and an ended launch cannot write', async () => {
      const link = [...pair.platform.resourceLinks.keys()][0];
      const { response } = await launchAs(pair.platform, {
        user: 'learner-2',
        resourceLinkId: link,
      });
      const home = `${pair.tool.url}${response.headers.get('location')}`;
      assert.equal((await fetch(`${home}progress`, json({ writer: 'x', seq: 1 }))).status, 400);
      assert.equal(
        (
          await fetch(
            `${home}progress`,
            json({ writer: 'writer-bbbb', seq: 1, location: 'no-such-page' }),
          )
        ).status,
        400,
      );
      const forged = home.replace(
        /play\/[^/]+\//,
        'play/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/',
      );
      assert.equal(
        (await fetch(`${forged}progress`, json({ writer: 'writer-bbbb', seq: 1 }))).status,
        403,
      );
    });

    test('the instructor sees counts per question and the class size, never names', async () => {
      const link = [...pair.platform.resourceLinks.keys()][0];
      const { response } = await launchAs(pair.platform, {
        user: 'teacher-1',
        role: 'instructor',
        resourceLinkId: link,
      });
      assert.match(response.headers.get('location') ?? '', /\/facilitator$/);
      const html = await (
        await fetch(`${pair.tool.url}${response.headers.get('location')}`)
      ).text();
      assert.match(html, /data-answered="1"/);
      assert.match(html, /The class has 2 learners/);
      assert.doesNotMatch(html, /learner-1|Name of/);
      const learner = await launchAs(pair.platform, { user: 'learner-2', resourceLinkId: link });
      const home = learner.response.headers.get('location') ?? '';
      assert.equal((await fetch(`${pair.tool.url}${home}facilitator`)).status, 403);
    });
  });
}

gradeSuite('SQLite', async () => undefined);

describe('PostgreSQL', async () => {
  const postgres = await startPostgres();
  if ('skip' in postgres) {
    test('PostgreSQL suites', { skip: postgres.skip }, () => {});
    return;
  }
  const server: TestPostgres = postgres;
  after(() => server.stop());
  gradeSuite('PostgreSQL', () => server.createDatabase());

  test('two tool instances share one database: login on one, launch and grade on the other', async () => {
    const databaseUrl = await server.createDatabase();
    const pair = await startPair({ databaseUrl });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-lti-b-'));
    // Behind a balancer both share one public address; here each is also reached directly.
    const second = await startLtiTool({
      courses: [fixtureCourse()],
      dataDir,
      databaseUrl,
      publicUrl: pair.tool.url,
      gradePollMs: 200,
      log: () => {},
    });
    try {
      const link = await placeModule(pair, 'lti-course/monitoring');
      const login = await fetch(
        pair.platform.loginUrl({ user: 'learner-9', resourceLinkId: link }),
        { redirect: 'manual' },
      );
      const form = formOf(await (await fetch(login.headers.get('location') ?? '')).text());
      // The browser's POST lands on the other instance (a load balancer would do this).
      const launch = await post(`${second.listenUrl}/lti/launch`, form.fields);
      assert.equal(launch.status, 303, await launch.clone().text());
      const home = launch.headers.get('location') ?? '';
      // …and its progress on the first one.
      const saved = await fetch(
        `${pair.tool.url}${home}progress`,
        json({
          writer: 'writer-cccc',
          seq: 1,
          outcome: { completed: true, passed: false, scorePercent: 40 },
        }),
      );
      assert.equal(saved.status, 204);
      const score = await until(
        () => pair.platform.scores.find((s) => s.userId === 'learner-9'),
        'the score',
      );
      assert.equal(score.scoreGiven, 40);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(
        pair.platform.scores.filter((s) => s.userId === 'learner-9').length,
        1,
        'sent once, not by both',
      );
      // Both instances publish the same keys.
      const a = await (await fetch(`${pair.tool.url}/.well-known/jwks.json`)).json();
      const b = await (await fetch(`${second.listenUrl}/.well-known/jwks.json`)).json();
      assert.deepEqual(a, b);
    } finally {
      await second.close();
      await pair.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
