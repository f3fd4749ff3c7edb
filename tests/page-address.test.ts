/**
 * Page addresses (docs/authoring.md, "Page addresses"): `index.html#<page id>` opens that
 * page in the web copy, `http://127.0.0.1:<port>/#<page id>` in the preview; the address
 * follows the page on show, so a reload (or the preview's reload after a save) stays there.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type CoursePreview, startCoursePreview } from '@teach-in/cli';
import type { Browser, Page } from 'playwright-core';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';

const sample = path.join(repoRoot, 'tooling/bench/sample-module');
const pages = {
  intro: { id: 'your-data-rights/introduction', heading: 'Your data rights at work' },
  collected: {
    id: 'your-data-rights/1-what-data-is-collected',
    heading: '1. What data is collected?',
  },
  rights: { id: 'your-data-rights/2-your-rights', heading: '2. Your rights' },
  jobs: { id: 'your-data-rights/3-ai-and-job-quality', heading: '3. AI and job quality' },
};
const temps: string[] = [];
let browser: Browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The one page heading on show (the shell hides the others). */
async function shownHeading(page: Page | ReturnType<Page['frameLocator']>): Promise<string> {
  const headings = page.locator('.ti-page:not([hidden]) h2');
  await headings.first().waitFor();
  assert.equal(await headings.count(), 1, 'one page on show');
  return (await headings.textContent())?.trim() ?? '';
}

describe('the web copy', () => {
  let index: string;

  before(() => {
    const out = buildToTemp(sample, 'web');
    temps.push(out);
    index = pathToFileURL(path.join(out, 'sample-module/web/index.html')).href;
    // The ids the test uses are the ones the build gives the pages.
    const html = readFileSync(new URL(index), 'utf8');
    for (const { id } of Object.values(pages)) assert.ok(html.includes(`data-page-id="${id}"`));
  });

  test('index.html#<page id> opens that page, and the address follows the page on show', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { errors } = recordPage(page);
    await page.goto(`${index}#${pages.rights.id}`);
    assert.equal(await shownHeading(page), pages.rights.heading);
    assert.equal(new URL(page.url()).hash, `#${pages.rights.id}`);

    await page.getByRole('button', { name: 'Next' }).click();
    assert.equal(await shownHeading(page), pages.jobs.heading);
    assert.equal(new URL(page.url()).hash, `#${pages.jobs.id}`, 'the address is the new page');

    // Another address typed or followed while the course is open: the page changes.
    await page.evaluate((id) => {
      window.location.hash = id;
    }, pages.collected.id);
    await page.getByRole('heading', { name: pages.collected.heading }).waitFor();
    assert.equal(await shownHeading(page), pages.collected.heading);

    await page.reload();
    assert.equal(await shownHeading(page), pages.collected.heading, 'a reload stays there');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an address that names no page opens the course where the learner left off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${index}#${pages.jobs.id}`);
    assert.equal(await shownHeading(page), pages.jobs.heading);
    await page.goto(`${index}#no-such-page`);
    assert.equal(await shownHeading(page), pages.jobs.heading, 'resumed, not reset');
    await page.goto(`${index}#%E0%A4%A`); // a broken escape is no page either
    assert.equal(await shownHeading(page), pages.jobs.heading);
    await context.close();
  });
});

describe('the preview', () => {
  let course: string;
  let running: CoursePreview;

  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-address-'));
    temps.push(dir);
    course = path.join(dir, 'sample-module');
    cpSync(sample, course, { recursive: true });
    running = await startCoursePreview(course, { dataDir: path.join(dir, 'data') });
  });

  after(async () => {
    await running?.close();
  });

  test('/#<page id> opens that page under the LMS, and it stays open across a rebuild', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.url}#${pages.rights.id}`);
    const frame = page.frameLocator('iframe');
    assert.equal(await shownHeading(frame), pages.rights.heading);
    // The LMS was told so: the bookmark is the linked page.
    await page
      .locator('#call-log')
      .getByText(`LMSSetValue("cmi.core.lesson_location", "${pages.rights.id}")`)
      .waitFor();

    await frame.getByRole('button', { name: 'Next' }).click();
    assert.equal(await shownHeading(frame), pages.jobs.heading);

    const reloaded = page.waitForEvent('load');
    const file = path.join(course, 'modules/your-data-rights.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '## 3. AI and job quality',
        '## 3. AI and job quality\n\nA line added in the preview.',
      ),
    );
    await reloaded;
    await page.frameLocator('iframe').getByText('A line added in the preview.').waitFor();
    assert.equal(await shownHeading(page.frameLocator('iframe')), pages.jobs.heading);
    assert.equal(new URL(page.url()).hash, `#${pages.jobs.id}`, 'the preview address follows');
    await page.close();
  });
});
