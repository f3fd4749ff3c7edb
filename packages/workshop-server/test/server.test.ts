import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import type { Course } from '@teach-in/course-schema';
import { themeCss } from '@teach-in/course-schema';
import { type RunningWorkshop, startWorkshopServer } from '../src/server.ts';

const fixture = fileURLToPath(new URL('./fixtures/room-course/', import.meta.url));
const day = 24 * 60 * 60 * 1000;

function loadFixture(): Course {
  const { course, diagnostics } = loadCourse(fixture);
  assert.deepEqual(diagnostics, []);
  return course!;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

const cookieOf = (response: Response) => response.headers.getSetCookie()[0]!.split(';')[0]!;

async function join(base: string, nickname: string): Promise<string> {
  const response = await fetch(new URL('/join', base), form({ nickname }));
  assert.equal(response.status, 303);
  return cookieOf(response);
}

async function facilitatorCookie(workshop: RunningWorkshop): Promise<string> {
  const response = await fetch(
    new URL('/facilitator/login', workshop.url),
    form({ token: workshop.token.toUpperCase().replace(/-/g, ' ') }),
  );
  assert.equal(response.status, 303, 'the token is forgiving about case, spaces and dashes');
  return cookieOf(response);
}

async function counts(workshop: RunningWorkshop, cookie: string): Promise<Record<string, number>> {
  const response = await fetch(new URL('/facilitator/counts.json', workshop.url), {
    headers: { cookie },
  });
  return (await response.json()) as Record<string, number>;
}

function answer(base: string, cookie: string, questionId: string, response: string[], seq = 1) {
  return fetch(new URL('/c/room-course/answer', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ writer: 'test-writer', seq, questionId, response }),
  });
}

describe('workshop server', () => {
  const course = loadFixture();
  let dataDir: string;
  let workshop: RunningWorkshop;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-server-'));
    workshop = await startWorkshopServer({ courses: [course], dataDir, port: 0 });
  });

  after(async () => {
    await workshop.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the learner page is the builder's, with the link back and the participant's config in its slots", async () => {
    const cookie = await join(workshop.url, 'Slot');
    const response = await fetch(new URL('/c/room-course/', workshop.url), { headers: { cookie } });
    const page = await response.text();
    assert.match(page, /<body>\n<nav class="ti-workshop-nav" aria-label="Workshop">/);
    assert.match(
      page,
      /<script type="application\/json" id="ti-workshop">\{"endpoint":"\/c\/room-course\/","writer":"[\w-]+"[^<]*<\/script>\n<\/body>/,
    );
    assert.equal(page.match(/<body>/g)?.length, 1);
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
  });

  it("serves the stylesheet with the course's theme, light and dark, like the course", async () => {
    const css = await (await fetch(new URL('/static/workshop.css', workshop.url))).text();
    assert.match(css, /var\(--ti-accent, #9b1c1c\)/);
    assert.ok(css.trimEnd().endsWith(themeCss(course.theme)), 'ends with the theme');
    assert.match(css, /@media \(prefers-color-scheme:dark\)\{:root\{--ti-background:/);
  });

  it('opens an agreement scale as a room poll and counts one vote per participant', async () => {
    const facilitator = await facilitatorCookie(workshop);
    const opened = await fetch(new URL('/facilitator/poll', workshop.url), {
      ...form({ course: 'room-course', question: 'app-fairness' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: facilitator,
      },
    });
    assert.equal(opened.status, 303);
    const { openPoll } = await counts(workshop, facilitator);
    assert.ok(openPoll && openPoll > 0);

    const voters = await Promise.all(['Ana', 'Ben', 'Cy'].map((name) => join(workshop.url, name)));
    const vote = (cookie: string, choice: string, poll = String(openPoll)) =>
      fetch(new URL('/poll', workshop.url), {
        ...form({ poll, choice }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
    assert.equal((await vote(voters[0]!, '4')).status, 303);
    assert.equal((await vote(voters[1]!, '2')).status, 303);
    assert.equal((await vote(voters[1]!, '4')).status, 303, 'changing a vote');
    assert.equal((await vote(voters[2]!, '9')).status, 400, 'no such scale point');
    assert.equal((await vote(voters[2]!, '1', '999')).status, 400, 'no such poll');

    const poll = await fetch(new URL('/poll', workshop.url), { headers: { cookie: voters[0]! } });
    const page = await poll.text();
    assert.match(page, /Strongly agree/);
    assert.match(page, /value="4" required checked/, 'a participant sees their own vote');

    const totals = await counts(workshop, facilitator);
    assert.equal(totals[`poll:${openPoll}`], 2);
    assert.equal(totals[`poll:${openPoll}/4`], 2);
    assert.equal(totals[`poll:${openPoll}/2`], undefined);
  });

  it('counts true-false statements and grades fill-in on the server, keeping no typed text', async () => {
    const facilitator = await facilitatorCookie(workshop);
    const member = await join(workshop.url, 'Dee');
    const statuses = await Promise.all([
      answer(workshop.url, member, 'neutral-tools', ['a.true', 'b.true'], 1),
      answer(workshop.url, member, 'request-name', [' dsar '], 2),
      answer(workshop.url, member, 'neutral-tools', ['a.true', 'a.false'], 3),
      answer(workshop.url, member, 'neutral-tools', ['c.true'], 4),
      answer(workshop.url, member, 'request-name', ['a', 'b'], 5),
      answer(workshop.url, member, 'app-fairness', ['6'], 6),
    ]);
    assert.deepEqual(
      statuses.map((r) => r.status),
      [204, 204, 400, 400, 400, 400],
    );
    const totals = await counts(workshop, facilitator);
    assert.equal(totals['q:room-course/neutral-tools/a.true'], 1);
    assert.equal(totals['q:room-course/neutral-tools/b.true'], 1);
    assert.equal(totals['q:room-course/neutral-tools#correct'], 0);
    assert.equal(totals['q:room-course/request-name'], 1);
    assert.equal(totals['q:room-course/request-name#correct'], 1);

    const csv = await (
      await fetch(new URL('/facilitator/export.csv', workshop.url), {
        headers: { cookie: facilitator },
      })
    ).text();
    assert.doesNotMatch(csv, /dsar|Dee|Ana/i, 'no typed text and no nickname in the export');
    assert.match(
      csv,
      /"answer","room-course","request-name","","What is the name[^\r]*","","","","1","1"/,
    );
    assert.match(csv, /"poll","room-course","app-fairness","\d+",[^\r]*"4","Agree","","2","2"/);
  });
});

describe('workshop server at start', () => {
  const course = loadFixture();

  it('removes data past the retention period, and the old cookie opens nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-server-'));
    let clock = Date.UTC(2026, 0, 1);
    const start = () =>
      startWorkshopServer({
        courses: [course],
        dataDir,
        port: 0,
        retentionDays: 30,
        now: () => clock,
      });
    const first = await start();
    const cookie = await join(first.url, 'Eve');
    assert.equal((await answer(first.url, cookie, 'app-fairness', ['3'])).status, 204);
    await first.close();

    clock += 29 * day;
    const second = await start();
    assert.equal(second.purged, 0);
    assert.equal((await answer(second.url, cookie, 'app-fairness', ['4'], 2)).status, 204);
    await second.close();

    clock += 31 * day;
    const third = await start();
    assert.equal(third.purged, 1);
    assert.equal((await answer(third.url, cookie, 'app-fairness', ['4'], 3)).status, 403);
    await third.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses joins past the limit for one address with 429', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-server-'));
    const workshop = await startWorkshopServer({
      courses: [course],
      dataDir,
      port: 0,
      rateLimits: { join: { burst: 2, perMinute: 1 } },
    });
    const statuses = [];
    for (const name of ['A', 'B', 'C']) {
      statuses.push((await fetch(new URL('/join', workshop.url), form({ nickname: name }))).status);
    }
    assert.deepEqual(statuses, [303, 303, 429]);
    await workshop.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
