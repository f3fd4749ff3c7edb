/**
 * Privacy proof (issue 7): every format of every course in courses/, opened in Chromium with
 * every request recorded and walked through page by page. Nothing leaves the package's own
 * folder, the course sets no cookie, and what a learner writes in a textarea (reflections:
 * free text that stays on the device) never reaches the LMS or the network.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { exportFormats } from '@teach-in/course-schema';
import { readLaunch } from '@teach-in/lms-bridge';
import { startCmi5Host, startHost, unpackZip } from '@teach-in/lms-host';
import type { Browser, Cookie, Frame } from 'playwright-core';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium } from './support/chromium.ts';
import type { Call } from './support/strict-values.ts';
import { recordTraffic, type Traffic, type Walk, walkCourse } from './support/walk-course.ts';

const coursesRoot = path.join(repoRoot, 'courses');
const courseNames = readdirSync(coursesRoot, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(coursesRoot, e.name, 'course.yaml')))
  .map((e) => e.name)
  .sort();

/** The formats these tests open; a new export format must get a test here (checked below). */
const coveredFormats: readonly string[] = ['scorm12', 'scorm2004', 'cmi5', 'web', 'guide'];
/**
 * Formats whose privacy test is being written on another branch. Listed here so the guard
 * below still fails for any other unchecked format.
 */
const pendingFormats: readonly string[] = [];

let browser: Browser;
const builds = new Map<string, string>();

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const out of builds.values()) rmSync(out, { recursive: true, force: true });
});

/** dist/<course-id>/ of the course, built once with the real CLI in every format. */
function built(name: string): string {
  let out = builds.get(name);
  if (!out) {
    out = buildToTemp(path.join(coursesRoot, name), coveredFormats.join(','));
    builds.set(name, out);
  }
  // The course's folder; hidden entries are the build's own (its parse cache).
  const [id] = readdirSync(out).filter((entry) => !entry.startsWith('.'));
  assert.ok(id, `building ${name} wrote nothing`);
  return path.join(out, id);
}

type Version = 'scorm12' | 'scorm2004';

interface Session {
  marker: string;
  walk: Walk;
  traffic: Traffic;
  cookies: Cookie[];
  /** Every call the course made to the LMS, and the data the LMS kept (empty for the web copy). */
  calls: Call[];
  cmi: unknown;
  allowed(url: string): boolean;
}

/** Runs before the walk in the course's frame: the negative test plants leaks with it. */
type Tamper = (content: Frame) => Promise<void>;

async function walkWith(content: Frame, tamper: Tamper | undefined, marker: string) {
  if (tamper) {
    await content.locator('ti-course .ti-next').waitFor();
    await tamper(content);
  }
  return walkCourse(content, marker);
}

/** A learner takes the SCORM package inside the scorm-again host page, to the end. */
async function underHost(name: string, version: Version, tamper?: Tamper): Promise<Session> {
  const dir = built(name);
  const zip = readdirSync(dir).find((f) => f.endsWith(`.${version}.zip`));
  assert.ok(zip, `no ${version} zip in ${dir}`);
  const packageDir = mkdtempSync(path.join(tmpdir(), `teach-in-privacy-${version}-`));
  unpackZip(readZip(path.join(dir, zip)), packageDir);
  const host = await startHost({ packageDir });
  const context = await browser.newContext();
  const traffic = recordTraffic(context);
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const iframe = page.locator('iframe');
    const content = await (await iframe.elementHandle())?.contentFrame();
    assert.ok(content, 'the host shows the course in a frame');
    // A string no course contains: finding it anywhere means the learner's text got there.
    const marker = `reflection-marker-${randomUUID()}`;
    const walk = await walkWith(content, tamper, marker);
    // Leaving the course fires pagehide: the last save and the end of the session.
    await iframe.evaluate((element: HTMLIFrameElement) => {
      element.src = 'about:blank';
    });
    await page.waitForFunction(
      (method) =>
        (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls.some(
          (c) => c.method === method,
        ),
      version === 'scorm12' ? 'LMSFinish' : 'Terminate',
    );
    const { calls, cmi } = await page.evaluate(() => {
      const w = window as unknown as {
        teachInHost: { calls: Call[] };
        API?: { cmi: unknown };
        API_1484_11?: { cmi: unknown };
      };
      return {
        calls: w.teachInHost.calls,
        cmi: JSON.parse(JSON.stringify((w.API ?? w.API_1484_11)?.cmi ?? null)),
      };
    });
    const origin = new URL(host.url).origin;
    const allowed = (url: string) => {
      if (url === 'about:blank') return true;
      const { origin: o, pathname } = new URL(url);
      // The host page, its runtime and its commits (/lms/) belong to the LMS; the package's
      // folder is /content/. The package's own CSP forbids it any connection at all.
      return o === origin && (pathname === '/' || /^\/(host|content|lms)\//.test(pathname));
    };
    return { marker, walk, traffic, cookies: await context.cookies(), calls, cmi, allowed };
  } finally {
    await context.close();
    await host.close();
    rmSync(packageDir, { recursive: true, force: true });
  }
}

/**
 * A learner takes the cmi5 package from the cmi5 host, to the end. Besides the package's
 * folder, the only addresses allowed are the two the launch URL names: the xAPI endpoint
 * and the one-time fetch URL.
 */
async function underCmi5Host(name: string): Promise<Session> {
  const dir = built(name);
  const zip = readdirSync(dir).find((f) => f.endsWith('.cmi5.zip'));
  assert.ok(zip, `no cmi5 zip in ${dir}`);
  const packageDir = mkdtempSync(path.join(tmpdir(), 'teach-in-privacy-cmi5-'));
  unpackZip(readZip(path.join(dir, zip)), packageDir);
  const host = await startCmi5Host({ packageDir });
  const context = await browser.newContext();
  const traffic = recordTraffic(context);
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const iframe = page.locator('iframe');
    const content = await (await iframe.elementHandle())?.contentFrame();
    assert.ok(content, 'the host shows the course in a frame');
    const launch = readLaunch(new URL(content.url()).search);
    assert.ok(launch, 'the AU was launched with the cmi5 parameters');
    const marker = `reflection-marker-${randomUUID()}`;
    const walk = await walkCourse(content, marker);
    await iframe.evaluate((element: HTMLIFrameElement) => {
      element.src = 'about:blank';
    });
    while (!host.statements().some((s) => s.verb?.id?.endsWith('/terminated'))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const origin = new URL(host.url).origin;
    const packageRoot = new URL('/content/', origin).href;
    const allowed = (url: string) =>
      url === 'about:blank' ||
      url === host.url ||
      url.startsWith(packageRoot) ||
      url.startsWith(launch.endpoint) ||
      url === launch.fetch;
    return {
      marker,
      walk,
      traffic,
      cookies: await context.cookies(),
      calls: host.statements().map((s) => ({ ...s })) as unknown as Call[],
      cmi: host.states(),
      allowed,
    };
  } finally {
    await context.close();
    await host.close();
    rmSync(packageDir, { recursive: true, force: true });
  }
}

/** A learner opens the offline web copy from file:// and takes it to the end. */
async function fromFile(name: string): Promise<Session> {
  const webDir = path.join(built(name), 'web');
  const context = await browser.newContext();
  const traffic = recordTraffic(context);
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(webDir, 'index.html')).href);
    const marker = `reflection-marker-${randomUUID()}`;
    const walk = await walkCourse(page.mainFrame(), marker);
    await page.goto('about:blank'); // pagehide: the last save
    const webRoot = `${pathToFileURL(webDir).href}/`;
    const allowed = (url: string) => url === 'about:blank' || url.startsWith(webRoot);
    return {
      marker,
      walk,
      traffic,
      cookies: await context.cookies(),
      calls: [],
      cmi: null,
      allowed,
    };
  } finally {
    await context.close();
  }
}

/** Everything the session did that breaks the privacy promise, one readable line each. */
function privacyProblems(session: Session, lms: boolean): string[] {
  const { marker, walk, traffic } = session;
  const problems: string[] = [];
  if (walk.pages.length === 0) problems.push('the walk visited no page: nothing was proved');
  for (const r of traffic.requests) {
    if (!session.allowed(r.url)) problems.push(`request outside the package folder: ${r.url}`);
  }
  for (const url of traffic.websockets) problems.push(`WebSocket: ${url}`);
  for (const text of traffic.refusals) problems.push(`refused by the page's policy: ${text}`);
  for (const c of session.cookies) problems.push(`cookie set: ${c.name} (${c.domain})`);
  const leaked = (value: unknown) => JSON.stringify(value ?? null).includes(marker);
  if (leaked(traffic.requests)) problems.push("the learner's free text went out in a request");
  if (lms) {
    if (session.calls.length < 2) problems.push('the course never talked to the LMS');
    if (leaked(session.calls)) problems.push("the learner's free text went to the LMS");
    if (leaked(session.cmi)) problems.push("the learner's free text is in the data the LMS keeps");
  }
  return problems;
}

for (const name of courseNames) {
  describe(`privacy of courses/${name}`, () => {
    for (const version of ['scorm12', 'scorm2004'] as const) {
      test(`${version} under scorm-again: stays in its folder, sets no cookie, sends no free text`, async (t) => {
        const session = await underHost(name, version);
        t.diagnostic(
          `${session.walk.pages.length} pages, ${session.walk.textareasFilled} textareas`,
        );
        assert.deepEqual(privacyProblems(session, true), []);
      });
    }

    test('cmi5 under the cmi5 host: talks only to its launch endpoint, sets no cookie, sends no free text', async (t) => {
      const session = await underCmi5Host(name);
      t.diagnostic(
        `${session.walk.pages.length} pages, ${session.walk.textareasFilled} textareas, ${session.calls.length} statements`,
      );
      assert.deepEqual(privacyProblems(session, true), []);
    });

    test('facilitator guide from file://: asks for nothing outside its folder, sets no cookie', async () => {
      const dir = built(name);
      const [guide] = readdirSync(dir).filter((f) => f.endsWith('.guide.html'));
      assert.ok(guide, 'no guide was built');
      const context = await browser.newContext();
      const traffic = recordTraffic(context);
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(path.join(dir, guide)).href);
        await page.emulateMedia({ media: 'print' });
        const root = `${pathToFileURL(dir).href}/`;
        const outside = traffic.requests.map((r) => r.url).filter((url) => !url.startsWith(root));
        assert.deepEqual(outside, []);
        assert.deepEqual(traffic.websockets, []);
        assert.deepEqual(await context.cookies(), []);
      } finally {
        await context.close();
      }
    });

    test('web copy from file://: stays in its folder, sets no cookie, sends no free text', async (t) => {
      const session = await fromFile(name);
      t.diagnostic(`${session.walk.pages.length} pages, ${session.walk.textareasFilled} textareas`);
      assert.deepEqual(privacyProblems(session, false), []);
    });
  });
}

test('courses/ holds courses, and every export format is checked', () => {
  assert.ok(courseNames.length > 0, `no course.yaml under ${coursesRoot}`);
  const unchecked = exportFormats.filter(
    (format) => !coveredFormats.includes(format) && !pendingFormats.includes(format),
  );
  assert.deepEqual(unchecked, [], 'export formats without a privacy test in tests/privacy.test.ts');
});

test('the checks catch a course that leaks: free text to the LMS, a beacon, a cookie', async () => {
  const [name] = courseNames;
  assert.ok(name);
  // The walk also types into the course's own reflections: count those without the plant.
  const { textareasFilled: ownTextareas } = (await underHost(name, 'scorm12')).walk;
  // A leaky reflection planted in the first page: it sends what the learner types to the
  // LMS, sets a cookie and tries to load a tracking pixel from another host.
  const session = await underHost(name, 'scorm12', (content) =>
    content.evaluate(() => {
      const textarea = document.createElement('textarea');
      textarea.addEventListener('change', () => {
        const api = (
          window.parent as unknown as { API: { LMSSetValue(k: string, v: string): void } }
        ).API;
        api.LMSSetValue('cmi.comments', textarea.value);
        // biome-ignore lint/suspicious/noDocumentCookie: the planted leak is the point here
        document.cookie = 'tracked=1';
        new Image().src = 'http://192.0.2.1/pixel.gif';
      });
      document.querySelector('ti-course [data-page-id]:not([hidden])')?.append(textarea);
    }),
  );
  assert.equal(
    session.walk.textareasFilled,
    ownTextareas + 1,
    'the walk typed into the planted textarea',
  );
  const problems = privacyProblems(session, true);
  for (const expected of [
    /^request outside the package folder: http:\/\/192\.0\.2\.1\/pixel\.gif$/,
    /^cookie set: tracked/,
    /^the learner's free text went to the LMS$/,
    /^the learner's free text is in the data the LMS keeps$/,
  ]) {
    assert.ok(
      problems.some((p) => expected.test(p)),
      `${expected} not among: ${problems.join('; ')}`,
    );
  }
});
