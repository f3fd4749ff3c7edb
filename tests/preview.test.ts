import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type CoursePreview, startCoursePreview } from '@teach-in/cli';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, runCli } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import { answer, next } from './support/play.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const temps: string[] = [];
let browser: Browser;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
}

/** axe-core run in the page through the debugger protocol, which the page's CSP does not govern. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run(),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Waits until the panel shows this entry: a reload may still be under way. */
async function entryShows(page: Page, entry: string): Promise<void> {
  try {
    await page.locator('#entry').getByText(entry, { exact: true }).waitFor({ timeout: 15_000 });
  } catch (error) {
    // Say what the page showed instead, and the course's last calls, to find out why.
    const shown = await page.locator('#entry').textContent();
    const calls = (await page.locator('#call-log li').allTextContents()).slice(-20).join('\n');
    throw new Error(`entry ${shown} instead of ${entry}; last calls:\n${calls}`, {
      cause: error,
    });
  }
}

const modulePath = (course: string) => path.join(course, 'modules/your-data-rights.md');
function edit(course: string, from: string, to: string) {
  const file = modulePath(course);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `the module contains ${from}`);
  writeFileSync(file, text.replace(from, to));
}

describe('teach-in preview of a course folder', () => {
  let course: string;
  let running: CoursePreview;
  let page: Page;
  let errors: string[];

  before(async () => {
    course = path.join(tempDir('teach-in-preview-'), 'sample-module');
    cpSync(path.join(repoRoot, 'tooling/bench/sample-module'), course, { recursive: true });
    running = await startCoursePreview(course, { dataDir: tempDir('teach-in-preview-data-') });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    ({ errors } = recordPage(page));
  });

  after(async () => {
    await page?.close();
    await running?.close();
  });

  test('serves on 127.0.0.1 with a strict Content-Security-Policy', async () => {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await page.goto(running.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  test('shows the course under SCORM 1.2 and every call it makes', async () => {
    await page
      .getByRole('heading', { level: 1, name: 'Preview: Your data rights at work' })
      .waitFor();
    const lmsSwitch = page.getByRole('navigation', { name: 'LMS to preview with' });
    assert.equal(
      await lmsSwitch.getByRole('link', { name: 'SCORM 1.2' }).getAttribute('aria-current'),
      'page',
    );
    const frame = page.frameLocator('iframe');
    await frame.getByText('This short module explains').waitFor();
    const calls = page.getByRole('list', { name: /API calls/ });
    await calls.getByText('LMSInitialize("") → "true"').waitFor();
    await frame.getByRole('button', { name: 'Next' }).click();
    await calls
      .getByText(
        'LMSSetValue("cmi.core.lesson_location", "your-data-rights/1-what-data-is-collected") → "true"',
      )
      .waitFor();
    await calls.getByText('LMSCommit("") → "true"').first().waitFor();
    const model = page.locator('#data-model');
    await model.getByText(/"student_name": "Preview, Author"/).waitFor();
    await model
      .getByText(/"lesson_location": "your-data-rights\/1-what-data-is-collected"/)
      .waitFor();
    assert.equal(await page.locator('#entry').textContent(), 'ab-initio');
  });

  test('is axe-clean, and at 320 px the panel goes below the course', async () => {
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 320, height: 640 });
    const course = await page.getByRole('main', { name: 'Course' }).boundingBox();
    const panel = await page
      .getByRole('complementary', { name: 'Data the course sends' })
      .boundingBox();
    assert.ok(course && panel);
    assert.ok(panel.y >= course.y + course.height, 'the panel is below the course');
    assert.ok(panel.width <= 320 && course.width <= 320, 'nothing wider than the screen');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('the switch is a keyboard-reachable list of links', async () => {
    const link = page.getByRole('link', { name: 'SCORM 2004' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?lms=scorm2004$/);
    await page
      .getByRole('list', { name: /API calls/ })
      .getByText('Initialize("") → "true"')
      .waitFor();
    await page
      .locator('#data-model')
      .getByText(/"learner_name": "Preview, Author"/)
      .waitFor();
    await page.getByRole('link', { name: 'No LMS (web copy)' }).click();
    await page.waitForURL(/\?lms=web$/);
    await page.frameLocator('iframe').getByText('This short module explains').waitFor();
    assert.equal(await page.locator('#call-count').textContent(), '0', 'no LMS, no calls');
    await page.getByRole('link', { name: 'SCORM 1.2' }).click();
    await page.waitForURL(/\?lms=scorm12$/);
  });

  test('a saved edit rebuilds and reloads the page with the change, resuming the attempt', async () => {
    // SCORM 1.2 keeps the attempt: the course is back on the page the learner reached.
    const frame = page.frameLocator('iframe');
    await frame.getByText('Many workers do not know which tools are in use.').waitFor();
    const reloaded = page.waitForEvent('load');
    edit(course, 'Many workers do not know', 'Many workers never learn');
    await reloaded;
    await frame.getByText('Many workers never learn which tools are in use.').waitFor();
    // The page let the course suspend before reloading, so the attempt resumes.
    await entryShows(page, 'resume');
  });

  test('a broken file shows its diagnostics in the page, and fixing it brings the course back', async () => {
    const reloaded = page.waitForEvent('load');
    edit(course, 'title: Your data rights at work', 'titel: Your data rights at work');
    await reloaded;
    const diagnostics = page.getByRole('region', { name: /The course has \d+ errors?/ });
    await diagnostics.waitFor();
    await diagnostics.getByText('modules/your-data-rights.md:3:1').waitFor();
    await diagnostics.getByText('Unknown field "titel" in front matter').waitFor();
    await diagnostics.getByText(/^Hint: Did you mean "title"\?/).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    const fixed = page.waitForEvent('load');
    edit(course, 'titel: Your data rights at work', 'title: Your data rights at work');
    await fixed;
    await page.frameLocator('iframe').getByText('Many workers never learn').waitFor();
  });

  test('"Start a fresh attempt" forgets the saved attempt', async () => {
    await entryShows(page, 'resume');
    await page.getByRole('button', { name: 'Start a fresh attempt' }).click();
    await entryShows(page, 'ab-initio');
    await page
      .getByRole('list', { name: /API calls/ })
      .getByText('LMSInitialize("") → "true"')
      .waitFor();
    assert.deepEqual(errors, []);
  });

  /**
   * The course reads its state document before it has written one: the LMS answers 404, as
   * xAPI says, and Chromium logs it. Any other 404 or error is a fault.
   */
  const cmi5Faults: string[] = [];
  const cmi5Errors = () => [...errors.filter((e) => !e.includes('status of 404')), ...cmi5Faults];

  test('under cmi5 the panel lists the xAPI statements the LMS accepted and the state', async () => {
    page.on('response', (response) => {
      const url = new URL(response.url());
      const firstRead =
        url.pathname === '/xapi/activities/state' && response.request().method() === 'GET';
      if (response.status() >= 400 && !firstRead) cmi5Faults.push(`${response.status()}: ${url}`);
    });
    await page.getByRole('link', { name: 'cmi5' }).click();
    await page.waitForURL(/\?lms=cmi5$/);
    const statements = page.getByRole('list', { name: /xAPI statements/ });
    await statements.getByText('launched (by the LMS): accepted').waitFor();
    await statements.getByText('initialized: accepted').waitFor();
    const frame = page.frameLocator('iframe');
    await next(frame);
    await answer(frame, {
      type: 'single',
      prompt: 'Which of these is usually collected by a scheduling app?',
      picks: ['Your shift availability and hours worked'],
      expect: 'Correct.',
    });
    await statements.getByText(/^answered \{.*"success":true.*\}: accepted$/).waitFor();
    // The state documents of this registration: the LMS's launch data and the course's own.
    await page
      .locator('#data-model')
      .getByText(/"LMS\.LaunchData": \{/)
      .waitFor();
    await page
      .locator('#data-model')
      .getByText(/"moveOn": "/)
      .waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(cmi5Errors(), []);
  });

  test('"Start a fresh attempt" under cmi5 starts a new registration', async () => {
    const statements = page.getByRole('list', { name: /xAPI statements/ });
    const before = await page.locator('#data-model').textContent();
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Start a fresh attempt' }).click();
    await reloaded;
    await statements.getByText('initialized: accepted').waitFor();
    // The panel shows only the new registration: one launch, nothing answered yet.
    assert.equal(await statements.getByText(/^launched/).count(), 1);
    assert.equal(await statements.getByText(/^answered/).count(), 0);
    assert.notEqual(await page.locator('#data-model').textContent(), before);
    assert.deepEqual(cmi5Errors(), []);
  });
});

describe('teach-in preview of a package', () => {
  test('a third-party SCORM 1.2 folder runs, and the switch offers only what it has', async () => {
    const running = await startCoursePreview(
      path.join(repoRoot, 'tests/fixtures/third-party-sco-12'),
      { dataDir: tempDir('teach-in-preview-data-') },
    );
    const page = await browser.newPage();
    const { errors } = recordPage(page);
    try {
      await page.goto(running.url);
      await page.frameLocator('iframe').getByText('Connected to the LMS.').waitFor();
      const lmsSwitch = page.getByRole('navigation', { name: 'LMS to preview with' });
      assert.equal(await lmsSwitch.getByRole('link').count(), 2);
      await lmsSwitch.getByText('SCORM 2004 (not in this package)').waitFor();
      await page
        .getByRole('list', { name: /API calls/ })
        .getByText('LMSGetValue("cmi.launch_data") → "branch=warehouse"')
        .waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await running.close();
    }
  });

  test('an unsafe zip is refused with a clear message', () => {
    const zip = path.join(tempDir('teach-in-unsafe-'), 'evil.zip');
    // A stored zip with one entry named ../evil.html, written byte by byte.
    const { zipSync, strToU8 } = require('fflate') as typeof import('fflate');
    writeFileSync(zip, zipSync({ '../evil.html': strToU8('x') }));
    const result = runCli(['preview', zip]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /Refused evil\.zip: The zip entry "\.\.\/evil\.html" points outside/,
    );
  });
});
