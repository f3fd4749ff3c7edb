import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { runCli } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import {
  HttpParticipant,
  postForm,
  startWorkshopCli,
  type WorkshopProcess,
} from './support/workshop.ts';

const course = 'tooling/bench/sample-module';
const scheduling = {
  id: 'scheduling-app-data',
  name: 'Which of these is usually collected by a scheduling app?',
  choices: {
    a: 'Your medical records',
    b: 'Your shift availability and hours worked',
    c: 'Your bank PIN',
  },
} as const;
const personalData = 'personal-data';

let dataParent: string;
let dataDir: string;
let server: WorkshopProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
const learners: { page: Page; requests: string[]; errors: string[] }[] = [];
const httpParticipants: HttpParticipant[] = [];
let facilitator: Page;

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function startServer(port = '0'): Promise<void> {
  server = await startWorkshopCli([course, '--port', port, '--data', dataDir]);
}

/** Waits (no deadline of its own) until the dashboard shows `expected` for every key. */
async function dashboardShows(page: Page, expected: Record<string, number>): Promise<void> {
  await page.waitForFunction((wanted) => {
    return Object.entries(wanted).every(
      ([key, value]) =>
        document.querySelector(`[data-count="${key}"]:not(meter)`)?.textContent === String(value),
    );
  }, expected);
}

async function loginAsFacilitator(page: Page): Promise<void> {
  await page.goto(`${server.url}facilitator`);
  assert.deepEqual(await axeViolations(page), [], 'facilitator login page');
  await page.getByLabel('Token printed in the terminal').fill(server.token);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await page.getByRole('heading', { name: 'Workshop dashboard' }).waitFor();
}

/** A real participant: joins on the phone page, opens the course, answers the first question. */
async function joinAndAnswer(
  page: Page,
  nickname: string,
  choice: keyof typeof scheduling.choices,
) {
  await page.goto(server.url);
  if (nickname === 'Phone 1') assert.deepEqual(await axeViolations(page), [], 'join page');
  await page.getByLabel('Your nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: `Hello, ${nickname}` }).waitFor();
  if (nickname === 'Phone 1') assert.deepEqual(await axeViolations(page), [], 'workshop page');
  await page.getByRole('link', { name: 'Your data rights at work' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const question = page.getByRole('group', { name: scheduling.name });
  await question.getByRole('radio', { name: scheduling.choices[choice] }).check();
  // Messages leave one at a time, in order, numbered: the saved state that holds this answer
  // is the first progress message numbered after the answer.
  const seqOf = (r: { request(): { postData(): string | null } }) =>
    Number((JSON.parse(r.request().postData() ?? '{}') as { seq?: number }).seq);
  let answerSeq = Number.POSITIVE_INFINITY;
  const answered = page.waitForResponse((r) => {
    if (!r.url().endsWith('/answer') || r.status() !== 204) return false;
    answerSeq = seqOf(r);
    return true;
  });
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/progress') && r.status() === 204 && seqOf(r) > answerSeq,
  );
  await question.getByRole('button', { name: 'Check answer' }).click();
  await Promise.all([answered, saved]);
}

before(async () => {
  dataParent = mkdtempSync(path.join(tmpdir(), 'teach-in-workshop-'));
  dataDir = path.join(dataParent, 'data');
  browser = await launchChromium();
  await startServer();
});

after(async () => {
  await server?.stop();
  await browser?.close();
  rmSync(dataParent, { recursive: true, force: true });
});

test('teach-in workshop refuses a bad command line with exit code 2', () => {
  for (const args of [['--port', 'abc'], ['--retention-days', '0'], ['--no-such-option']]) {
    const result = runCli(['workshop', course, ...args]);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /teach-in workshop: .*\n\nteach-in workshop \[paths/);
  }
  const help = runCli(['workshop', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--delete-data/);
});

test('thirty participants join and answer; the facilitator sees the right totals, live', async () => {
  facilitator = await newPage();
  await loginAsFacilitator(facilitator);
  await dashboardShows(facilitator, { participants: 0 });

  const picks = ['b', 'a', 'b'] as const;
  for (const [i, pick] of picks.entries()) {
    const page = await newPage();
    learners.push({ page, ...recordPage(page) });
    await joinAndAnswer(page, `Phone ${i + 1}`, pick);
  }
  // 27 more phones over plain HTTP, for speed: the same requests the page makes.
  const choices = ['a', 'b', 'c'] as const;
  for (let i = 0; i < 27; i++) {
    httpParticipants.push(await HttpParticipant.join(server.url, `Member ${i}`));
  }
  const answers = await Promise.all(
    httpParticipants.flatMap((p, i) => [
      p.answer(scheduling.id, [choices[i % 3]!], 1),
      p.answer(personalData, i % 2 === 0 ? ['a', 'b'] : ['c'], 2),
    ]),
  );
  assert.deepEqual(new Set(answers.map((r) => r.status)), new Set([204]));

  // The dashboard was open all along: the totals arrive without a reload.
  await dashboardShows(facilitator, {
    participants: 30,
    [`q:sample-module/${scheduling.id}`]: 30,
    [`q:sample-module/${scheduling.id}#correct`]: 11,
    [`q:sample-module/${scheduling.id}/a`]: 10,
    [`q:sample-module/${scheduling.id}/b`]: 11,
    [`q:sample-module/${scheduling.id}/c`]: 9,
    [`q:sample-module/${personalData}`]: 27,
    [`q:sample-module/${personalData}#correct`]: 14,
    [`q:sample-module/${personalData}/a`]: 14,
    [`q:sample-module/${personalData}/c`]: 13,
  });
  assert.deepEqual(await axeViolations(facilitator), [], 'dashboard');
  const row = facilitator.getByRole('row', { name: new RegExp(scheduling.choices.b) });
  assert.equal(await row.getByRole('cell').first().textContent(), '11');

  for (const learner of learners) {
    assert.deepEqual(learner.errors, []);
    for (const url of learner.requests) {
      assert.ok(url.startsWith(server.url), `a request left the workshop server: ${url}`);
    }
  }
});

test('participants see neither the totals nor anyone else’s answers', async () => {
  const [member] = httpParticipants;
  for (const pathname of ['/facilitator/counts.json', '/facilitator/export.csv']) {
    const response = await fetch(new URL(pathname, server.url), {
      headers: { cookie: member!.cookie },
    });
    assert.equal(response.status, 403, pathname);
  }
  const dashboard = await fetch(new URL('/facilitator', server.url), {
    headers: { cookie: member!.cookie },
  });
  const html = await dashboard.text();
  assert.match(html, /Token printed in the terminal/);
  assert.doesNotMatch(html, /data-count/);
  // A learner page carries only its own participant's progress.
  const page = await fetch(new URL('/c/sample-module/', server.url), {
    headers: { cookie: member!.cookie },
  });
  const text = await page.text();
  assert.doesNotMatch(text, /Member|Phone \d/);
});

test('a question opens as a room poll; votes count; the CSV has totals and no names', async () => {
  // Any question with choices can be a poll; an agreement scale is one such question.
  const question = facilitator.getByRole('article').filter({ hasText: scheduling.name });
  await question.getByRole('button', { name: 'Open as room poll' }).click();
  await facilitator.getByRole('heading', { name: 'Room poll (open)' }).waitFor();
  const pollId = Number(await facilitator.locator('body').getAttribute('data-open-poll'));
  assert.ok(pollId > 0);

  for (const [i, learner] of learners.slice(0, 2).entries()) {
    await learner.page.goto(server.url);
    await learner.page.getByRole('link', { name: /Room poll open/ }).click();
    const poll = learner.page.getByRole('group', { name: scheduling.name });
    await poll
      .getByRole('radio', { name: i === 0 ? scheduling.choices.a : scheduling.choices.c })
      .check();
    await learner.page.getByRole('button', { name: 'Vote' }).click();
    await learner.page.getByRole('status').getByText('Your vote is in.').waitFor();
    if (i === 0) assert.deepEqual(await axeViolations(learner.page), [], 'poll page');
  }
  const votes = await Promise.all(httpParticipants.slice(0, 5).map((p) => p.vote(pollId, 'a')));
  assert.deepEqual(new Set(votes.map((r) => r.status)), new Set([303]));
  await dashboardShows(facilitator, {
    [`poll:${pollId}`]: 7,
    [`poll:${pollId}/a`]: 6,
    [`poll:${pollId}/c`]: 1,
  });

  const csvResponse = await facilitator.request.get(`${server.url}facilitator/export.csv`);
  assert.equal(csvResponse.status(), 200);
  const csv = await csvResponse.text();
  assert.match(
    csv,
    /"answer","sample-module","scheduling-app-data","","Which of these[^\r]*","b","Your shift availability and hours worked","yes","11","30"/,
  );
  assert.match(
    csv,
    new RegExp(
      `"poll","sample-module","scheduling-app-data","${pollId}",[^\\r]*,"a","Your medical records","","6","7"`,
    ),
  );
  assert.doesNotMatch(csv, /Member|Phone/, 'no nickname in the export');
});

test('the server stops and starts again mid-session and nothing is lost', async () => {
  const [first] = learners;
  const cookies = await first!.page.context().cookies();
  const port = new URL(server.url).port;
  assert.equal(await server.stop(), 0);
  await startServer(port);

  // The same phone, in a fresh browser with only its cookie: progress comes from the server.
  const context = await browser.newContext();
  contexts.push(context);
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(`${server.url}c/sample-module/`);
  await page.getByRole('heading', { name: '1. What data is collected?' }).waitFor();
  const question = page.getByRole('group', { name: scheduling.name });
  assert.equal(await question.getByRole('radio', { name: scheduling.choices.b }).isChecked(), true);

  // HTTP participants' cookies still work, and the totals are what they were.
  const again = await httpParticipants[0]!.answer(personalData, ['a'], 3);
  assert.equal(again.status, 204);
  await loginAsFacilitator(facilitator);
  await dashboardShows(facilitator, {
    participants: 30,
    [`q:sample-module/${scheduling.id}/b`]: 11,
    [`q:sample-module/${personalData}/c`]: 13,
    [`q:sample-module/${personalData}/a`]: 14,
  });
  assert.equal(await facilitator.getByRole('heading', { name: 'Room poll (open)' }).count(), 1);
});

test('bad, oversized, cross-site and too many requests are refused', async () => {
  const member = httpParticipants[1]!;
  const base = server.url;
  const status = async (response: Promise<Response>) => (await response).status;

  // Oversized bodies: 413 before the body is read in full.
  assert.equal(await status(member.post('/c/sample-module/answer', 'x'.repeat(20_000))), 413);
  assert.equal(
    await status(member.post('/c/sample-module/progress', { state: 'x'.repeat(300_000) })),
    413,
  );
  assert.equal(await status(postForm(base, '/join', { nickname: 'x'.repeat(5000) })), 413);

  // Malformed or invalid input: 400.
  assert.equal(await status(member.post('/c/sample-module/answer', '{not json')), 400);
  assert.equal(await status(member.answer('no-such-question', ['a'])), 400);
  assert.equal(await status(member.answer(scheduling.id, ['z'])), 400);
  assert.equal(await status(member.answer(scheduling.id, ['a', 'b'])), 400, 'single choice');
  assert.equal(await status(member.answer(scheduling.id, [])), 400);
  const badProgress = { writer: 'writer-123', seq: 1, location: 'no/such-page' };
  assert.equal(await status(member.post('/c/sample-module/progress', badProgress)), 400);
  const extraField = { writer: 'writer-123', seq: 1, admin: true };
  assert.equal(await status(member.post('/c/sample-module/progress', extraField)), 400);
  assert.equal(await status(postForm(base, '/join', { nickname: '   ' })), 400);
  assert.equal(await status(postForm(base, '/join', { nickname: 'Sam\u202Egnp' })), 400);
  assert.equal(
    await status(member.post('/c/sample-module/answer', '{}', { 'content-type': 'text/plain' })),
    415,
  );

  // No session, a session from another site, or no facilitator: 403.
  const anonymous = await fetch(new URL('/c/sample-module/answer', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      writer: 'writer-123',
      seq: 1,
      questionId: scheduling.id,
      response: ['a'],
    }),
  });
  assert.equal(anonymous.status, 403);
  assert.equal(
    await status(
      member.post(
        '/c/sample-module/answer',
        { writer: 'writer-123', seq: 9, questionId: scheduling.id, response: ['a'] },
        { origin: 'http://evil.example' },
      ),
    ),
    403,
  );
  const crossSite = { 'sec-fetch-site': 'cross-site' };
  assert.equal(
    await status(
      member.post('/c/sample-module/progress', { writer: 'writer-123', seq: 9 }, crossSite),
    ),
    403,
  );
  assert.equal(await status(postForm(base, '/facilitator/login', { token: 'wrong' })), 403);
  assert.equal(
    await status(postForm(base, '/facilitator/poll/close', {}, member.cookie)),
    403,
    'a participant cannot run the poll',
  );

  // Every page carries a Content-Security-Policy.
  for (const pathname of ['/', '/poll', '/facilitator', '/c/sample-module/', '/nope']) {
    const response = await fetch(new URL(pathname, base), { headers: { cookie: member.cookie } });
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  }

  // Too many answers from one session, then too many joins from one address: 429.
  let answerStatus = 0;
  for (let i = 0; i < 500 && answerStatus !== 429; i++) {
    answerStatus = (await member.answer(scheduling.id, ['a'], 100 + i)).status;
  }
  assert.equal(answerStatus, 429);
  let joinStatus = 0;
  for (let i = 0; i < 500 && joinStatus !== 429; i++) {
    joinStatus = (await postForm(base, '/join', { nickname: `Flood ${i}` })).status;
  }
  assert.equal(joinStatus, 429);
});

test("the join and login pages take the course's theme, and stay axe-clean in dark mode at 320 px", async () => {
  const context = await browser.newContext({
    viewport: { width: 320, height: 640 },
    colorScheme: 'dark',
  });
  try {
    const page = await context.newPage();
    for (const where of ['', 'facilitator']) {
      await page.goto(`${server.url}${where}`);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(
        background,
        'rgb(18, 18, 18)',
        `${where || 'join'}: the clean theme's dark page`,
      );
      assert.deepEqual(await axeViolations(page), [], `${where || 'join'} page in dark mode`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
    }
  } finally {
    await context.close();
  }
});

test('--delete-data erases everything the workshop stored', async () => {
  assert.ok(readdirSync(dataDir).length > 0);
  const port = new URL(server.url).port;
  assert.equal(await server.stop(), 0);
  const result = runCli(['workshop', '--delete-data', '--data', dataDir]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Deleted all workshop data/);
  assert.equal(existsSync(dataDir), false, 'the data folder is gone');
  assert.deepEqual(readdirSync(dataParent), []);

  // Started again, the workshop is empty: the old cookies open nothing.
  await startServer(port);
  const stale = await httpParticipants[2]!.answer(scheduling.id, ['a'], 1);
  assert.equal(stale.status, 403);
  for (const context of contexts) await context.close();
});
