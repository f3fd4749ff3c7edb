/**
 * Privacy proof (issue 7): every format of every language edition of every course in
 * courses/, opened in Chromium with every request recorded and walked through page by page.
 * Nothing leaves the package's own folder, the course sets no cookie, what a learner writes
 * in a textarea (reflections: free text that stays on the device) never reaches the LMS or
 * the network, and the package tells the learner what it records, in its own language. The
 * editions are found in the build output (`<id>.<lang>.scorm12.zip`, `web/<lang>/`), so a
 * new translation is checked as soon as it is built.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import { exportFormats } from '@teach-in/course-schema';
import { readLaunch } from '@teach-in/lms-bridge';
import { startCmi5Host, startHost, unpackZip } from '@teach-in/lms-host';
import type { Browser, Cookie, Frame } from 'playwright-core';
import { buildToTemp, builtCourseId, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium } from './support/chromium.ts';
import { conventions, conventionsFor } from './support/language-conventions.ts';
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
  return path.join(out, builtCourseId(out));
}

/** One language of a built course: its packages share a name, `<id>` or `<id>.<lang>`. */
interface Edition {
  /** dist/<course-id>/ */
  dir: string;
  packageId: string;
  language: string;
  /** The offline copy's folder: web/ for the source, web/<lang>/ for a translation. */
  webDir: string;
}

/** A language tag as file names carry it: es, pt-BR. */
const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

/**
 * The editions the build wrote, read from its file names in any format: the source
 * (`<id>.scorm12.zip`, `<id>.guide.html`, `web/`) in the course's language, and each
 * translation (`<id>.<lang>.scorm12.zip`, `<id>.<lang>.guide.html`, `web/<lang>/`). A test
 * below checks that every format exists for each.
 */
function editionsIn(dir: string, sourceLanguage: string): Edition[] {
  const id = path.basename(dir);
  const packaged = readdirSync(dir).flatMap((file) => {
    const suffix = /\.(scorm12|scorm2004|cmi5)\.zip$|\.guide\.html$/.exec(file)?.[0];
    if (!suffix || !file.startsWith(id)) return [];
    const middle = file.slice(id.length, -suffix.length); // "" or ".es"
    return middle === '' ? [''] : languageTag.test(middle.slice(1)) ? [middle.slice(1)] : [];
  });
  const webDir = path.join(dir, 'web');
  const webCopies = existsSync(webDir)
    ? readdirSync(webDir).filter(
        (name) => languageTag.test(name) && existsSync(path.join(webDir, name, 'index.html')),
      )
    : [];
  return [...new Set([...packaged, ...webCopies])].sort().map((language) => ({
    dir,
    packageId: language ? `${id}.${language}` : id,
    language: language || sourceLanguage,
    webDir: language ? path.join(webDir, language) : webDir,
  }));
}

/** What the package's "What this course records" page says, as the learner's browser has it. */
interface Notice {
  /** The page's lang attribute. */
  lang: string;
  heading: string;
  text: string;
  /** How many LMS fields it lists. */
  fields: number;
}

async function readNotice(root: Frame): Promise<Notice> {
  await root.locator('ti-course .ti-next').waitFor(); // the shell has rendered
  const lang = (await root.locator('html').getAttribute('lang')) ?? '';
  const section = root.locator('section[data-extra="data-notice"]');
  if ((await section.count()) === 0) return { lang, heading: '', text: '', fields: 0 };
  return {
    lang,
    heading: ((await section.locator('h2').textContent()) ?? '').trim(),
    text: ((await section.textContent()) ?? '').replace(/\s+/g, ' '),
    fields: await section.locator('code.ti-lms-field').count(),
  };
}

/** Where the notice fails to tell the learner, in the edition's language, what is recorded. */
function noticeProblems(notice: Notice, language: string, lms: boolean): string[] {
  const wording = conventionsFor(language)?.dataNotice;
  if (!wording)
    return [`no data notice wording for ${language} in tests/support/language-conventions.ts`];
  const problems: string[] = [];
  if (notice.lang !== language) problems.push(`the page is lang="${notice.lang}", not ${language}`);
  if (notice.heading !== wording.heading) {
    problems.push(`the notice is headed "${notice.heading}", not "${wording.heading}"`);
  }
  const says = lms ? wording.sendsToLms : wording.sendsNothing;
  if (!says.test(notice.text)) problems.push(`the notice does not say ${says}`);
  if (!wording.reflectionsStay.test(notice.text)) {
    problems.push(`the notice does not say ${wording.reflectionsStay}`);
  }
  if (lms && notice.fields === 0) problems.push('the notice lists no LMS field');
  if (!lms && notice.fields > 0)
    problems.push(`the offline copy lists ${notice.fields} LMS fields`);
  // Left in another language, a sentence would tell this learner nothing.
  for (const [other, theirs] of Object.entries(conventions)) {
    if (other === language.split('-')[0]) continue;
    for (const phrase of [
      theirs.dataNotice.sendsToLms,
      theirs.dataNotice.sendsNothing,
      theirs.dataNotice.reflectionsStay,
    ]) {
      if (phrase.test(notice.text)) problems.push(`the notice says ${phrase}, in ${other}`);
    }
  }
  return problems;
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
  notice: Notice;
  allowed(url: string): boolean;
}

/** Runs before the walk in the course's frame: the negative test plants leaks with it. */
type Tamper = (content: Frame) => Promise<void>;

/** Reads the data notice first, as a learner may, then walks the course to its end. */
async function walkWith(content: Frame, tamper: Tamper | undefined, marker: string) {
  const notice = await readNotice(content);
  if (tamper) await tamper(content);
  return { notice, walk: await walkCourse(content, marker) };
}

/** The edition's package of one format: `<packageId>.<format>.zip`, and no other language's. */
function zipOf(edition: Edition, format: 'scorm12' | 'scorm2004' | 'cmi5'): string {
  const zip = path.join(edition.dir, `${edition.packageId}.${format}.zip`);
  assert.ok(existsSync(zip), `no ${path.basename(zip)} in ${edition.dir}`);
  return zip;
}

/** A learner takes the SCORM package inside the scorm-again host page, to the end. */
async function underHost(edition: Edition, version: Version, tamper?: Tamper): Promise<Session> {
  const packageDir = mkdtempSync(path.join(tmpdir(), `teach-in-privacy-${version}-`));
  unpackZip(readZip(zipOf(edition, version)), packageDir);
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
    const { notice, walk } = await walkWith(content, tamper, marker);
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
    const cookies = await context.cookies();
    return { marker, walk, traffic, cookies, calls, cmi, notice, allowed };
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
async function underCmi5Host(edition: Edition): Promise<Session> {
  const packageDir = mkdtempSync(path.join(tmpdir(), 'teach-in-privacy-cmi5-'));
  unpackZip(readZip(zipOf(edition, 'cmi5')), packageDir);
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
    const { notice, walk } = await walkWith(content, undefined, marker);
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
      notice,
      allowed,
    };
  } finally {
    await context.close();
    await host.close();
    rmSync(packageDir, { recursive: true, force: true });
  }
}

/** A learner opens the offline web copy from file:// and takes it to the end. */
async function fromFile(edition: Edition): Promise<Session> {
  const { webDir } = edition;
  const context = await browser.newContext();
  const traffic = recordTraffic(context);
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(webDir, 'index.html')).href);
    const marker = `reflection-marker-${randomUUID()}`;
    const { notice, walk } = await walkWith(page.mainFrame(), undefined, marker);
    await page.goto('about:blank'); // pagehide: the last save
    // A translation's folder sits inside the source's web/, and the source's holds the
    // translations' folders: each copy may ask only for files in its own.
    const webRoot = `${pathToFileURL(webDir).href}/`;
    const otherCopies = readdirSync(webDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(webDir, e.name, 'index.html')))
      .map((e) => `${webRoot}${e.name}/`);
    const allowed = (url: string) =>
      url === 'about:blank' ||
      (url.startsWith(webRoot) && !otherCopies.some((other) => url.startsWith(other)));
    return {
      marker,
      walk,
      traffic,
      cookies: await context.cookies(),
      calls: [],
      cmi: null,
      notice,
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

/** Where each covered format of an edition is, relative to dist/<course-id>/. */
function editionFiles(edition: Edition): string[] {
  return coveredFormats.map((format) =>
    format === 'web'
      ? path.relative(edition.dir, path.join(edition.webDir, 'index.html'))
      : format === 'guide'
        ? `${edition.packageId}.guide.html`
        : `${edition.packageId}.${format}.zip`,
  );
}

/** The course built, and its editions read from the build; or why that failed. */
function prepare(name: string) {
  try {
    const { course, diagnostics } = loadCourse(path.join(coursesRoot, name));
    assert.ok(course, `courses/${name} does not load: ${diagnostics.map((d) => d.code)}`);
    const dir = built(name);
    return { course, dir, editions: editionsIn(dir, course.language) };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

for (const name of courseNames) {
  // Built here, before the tests are named: the editions to check are read from its files.
  const prepared = prepare(name);
  const editions = prepared instanceof Error ? [] : prepared.editions;

  test(`courses/${name}: every language it lists is built, in every format`, () => {
    if (prepared instanceof Error) throw prepared;
    const { course, dir } = prepared;
    const listed = [course.language, ...(course.translations ?? []).map((t) => t.language)];
    assert.deepEqual(editions.map((e) => e.language).sort(), [...listed].sort());
    for (const edition of editions) {
      const missing = editionFiles(edition).filter((file) => !existsSync(path.join(dir, file)));
      assert.deepEqual(missing, [], `${edition.packageId}: missing`);
    }
  });

  for (const edition of editions) {
    const label = edition.packageId === path.basename(edition.dir) ? '' : ` (${edition.language})`;
    // An edition's packages are walked at the same time, each in its own browser context
    // and host: they share nothing, and it halves the time this file takes.
    describe(`privacy of courses/${name}${label}`, { concurrency: true }, () => {
      for (const version of ['scorm12', 'scorm2004'] as const) {
        test(`${version} under scorm-again: stays in its folder, sets no cookie, sends no free text, says what it records`, async (t) => {
          const session = await underHost(edition, version);
          t.diagnostic(
            `${session.walk.pages.length} pages, ${session.walk.textareasFilled} textareas`,
          );
          assert.deepEqual(privacyProblems(session, true), []);
          assert.deepEqual(noticeProblems(session.notice, edition.language, true), []);
        });
      }

      test('cmi5 under the cmi5 host: talks only to its launch endpoint, sets no cookie, sends no free text, says what it records', async (t) => {
        const session = await underCmi5Host(edition);
        t.diagnostic(
          `${session.walk.pages.length} pages, ${session.walk.textareasFilled} textareas, ${session.calls.length} statements`,
        );
        assert.deepEqual(privacyProblems(session, true), []);
        assert.deepEqual(noticeProblems(session.notice, edition.language, true), []);
      });

      test('facilitator guide from file://: asks for nothing outside its folder, sets no cookie', async () => {
        const guide = path.join(edition.dir, `${edition.packageId}.guide.html`);
        assert.ok(existsSync(guide), `no ${path.basename(guide)}`);
        const context = await browser.newContext();
        const traffic = recordTraffic(context);
        try {
          const page = await context.newPage();
          await page.goto(pathToFileURL(guide).href);
          await page.emulateMedia({ media: 'print' });
          assert.equal(await page.locator('html').getAttribute('lang'), edition.language);
          const root = `${pathToFileURL(edition.dir).href}/`;
          const outside = traffic.requests.map((r) => r.url).filter((url) => !url.startsWith(root));
          assert.deepEqual(outside, []);
          assert.deepEqual(traffic.websockets, []);
          assert.deepEqual(await context.cookies(), []);
        } finally {
          await context.close();
        }
      });

      test('web copy from file://: stays in its folder, sets no cookie, sends no free text, says it sends nothing', async (t) => {
        const session = await fromFile(edition);
        t.diagnostic(
          `${session.walk.pages.length} pages, ${session.walk.textareasFilled} textareas`,
        );
        assert.deepEqual(privacyProblems(session, false), []);
        assert.deepEqual(noticeProblems(session.notice, edition.language, false), []);
      });
    });
  }
}

test('courses/ holds courses, and every export format is checked', () => {
  assert.ok(courseNames.length > 0, `no course.yaml under ${coursesRoot}`);
  const unchecked = exportFormats.filter(
    (format) => !coveredFormats.includes(format) && !pendingFormats.includes(format),
  );
  assert.deepEqual(unchecked, [], 'export formats without a privacy test in tests/privacy.test.ts');
});

test('the notice check refuses a notice left in another language, or one that says nothing', () => {
  const english: Notice = {
    lang: 'en',
    heading: 'What this course records',
    text: 'What this course records This course sends the following data to your learning system (LMS), and nothing else. What you write in reflection questions stays on this device. It is never sent to the LMS.',
    fields: 12,
  };
  assert.deepEqual(noticeProblems(english, 'en', true), []);
  // The Spanish package with the English notice in it: every line of it is wrong.
  assert.deepEqual(noticeProblems({ ...english, lang: 'es' }, 'es', true), [
    'the notice is headed "What this course records", not "Qué datos guarda este curso"',
    `the notice does not say ${conventions.es.dataNotice.sendsToLms}`,
    `the notice does not say ${conventions.es.dataNotice.reflectionsStay}`,
    `the notice says ${conventions.en.dataNotice.sendsToLms}, in en`,
    `the notice says ${conventions.en.dataNotice.reflectionsStay}, in en`,
  ]);
  const none: Notice = { lang: 'es', heading: '', text: '', fields: 0 };
  assert.ok(noticeProblems(none, 'es', true).includes('the notice lists no LMS field'));
  assert.ok(noticeProblems({ ...english, lang: 'en' }, 'en', false).length >= 2);
  assert.ok(noticeProblems(english, 'es', true)[0]?.startsWith('the page is lang="en"'));
});

test('the checks catch a course that leaks: free text to the LMS, a beacon, a cookie', async () => {
  const [name] = courseNames;
  assert.ok(name);
  const prepared = prepare(name);
  if (prepared instanceof Error) throw prepared;
  const edition = prepared.editions.find((e) => e.packageId === prepared.course.id);
  assert.ok(edition, `no source edition of ${name}`);
  // The walk also types into the course's own reflections: count those without the plant.
  const { textareasFilled: ownTextareas } = (await underHost(edition, 'scorm12')).walk;
  // A leaky reflection planted in the first page: it sends what the learner types to the
  // LMS, sets a cookie and tries to load a tracking pixel from another host.
  const session = await underHost(edition, 'scorm12', (content) =>
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
