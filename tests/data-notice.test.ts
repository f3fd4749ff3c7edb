/**
 * The "What this course records" page must list exactly what the course sends to the LMS.
 * Plays the sample module under the real scorm-again runtime in each SCORM version, reads
 * the notice as a learner opens it (Contents, then the notice), and compares it with every
 * element the course set through LMSSetValue / SetValue. A difference names the elements
 * on either side: fix the tracker or the list in packages/course-builder/src/data-notice.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startHost, unpackZip } from '@teach-in/lms-host';
import type { Browser, FrameLocator } from 'playwright-core';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import type { Call } from './support/strict-values.ts';

const course = path.join(repoRoot, 'tooling/bench/sample-module');
let out: string;
let browser: Browser;

before(async () => {
  out = buildToTemp(course, 'scorm12,scorm2004,web');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

type Version = 'scorm12' | 'scorm2004';
const setMethod = { scorm12: 'LMSSetValue', scorm2004: 'SetValue' } as const;
const finishMethod = { scorm12: 'LMSFinish', scorm2004: 'Terminate' } as const;

/** Interactions and objectives are numbered (`cmi.interactions.3.id`); the notice writes `n`. */
function asNoticeElement(element: string): string {
  return element.replace(/\b(interactions|objectives)\.\d+\./g, '$1.n.');
}

const sortedSet = (items: readonly string[]) => [...new Set(items)].sort();

async function readNotice(frame: FrameLocator): Promise<string[]> {
  await frame.getByRole('button', { name: 'Contents' }).click();
  await frame.getByRole('link', { name: 'What this course records' }).click();
  const notice = frame.getByRole('region', { name: 'What this course records' });
  await notice.waitFor();
  const fields = await notice.locator('code.ti-lms-field').allTextContents();
  await frame.getByRole('button', { name: 'Back to the course' }).click();
  return fields;
}

/** Answers the one question both branches' elements share, then finishes. */
async function answerAndFinish(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Next' }).click();
  const single = frame.getByRole('group', {
    name: 'Which of these is usually collected by a scheduling app?',
  });
  await single.getByRole('radio', { name: 'Your shift availability and hours worked' }).check();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await single.getByRole('status').getByText('Correct.').waitFor();
  await frame.getByRole('button', { name: 'Next' }).click();
  await frame.getByRole('button', { name: 'Next' }).click();
  await frame.getByRole('button', { name: 'Finish' }).click();
  await frame.getByRole('heading', { name: 'Your result' }).waitFor();
}

async function play(
  version: Version,
): Promise<{ listed: string[]; sent: string[]; errors: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), `teach-in-notice-${version}-`));
  unpackZip(readZip(path.join(out, 'sample-module', `sample-module.${version}.zip`)), dir);
  const host = await startHost({ packageDir: dir });
  const page = await browser.newPage();
  const { errors } = recordPage(page);
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    const listed = await readNotice(frame);
    await answerAndFinish(frame);
    // The session closes when the learner leaves (pagehide), as a tab closing would.
    await page.evaluate(() => document.querySelector('iframe')?.remove());
    await page.waitForFunction(
      (method) =>
        (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls.some(
          (c) => c.method === method,
        ),
      finishMethod[version],
    );
    const calls = await page.evaluate(
      () => (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls,
    );
    const sent = calls
      .filter((c) => c.method === setMethod[version] && c.element)
      .map((c) => asNoticeElement(c.element!));
    return { listed, sent, errors };
  } finally {
    await page.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the data notice matches what is sent', () => {
  for (const version of ['scorm12', 'scorm2004'] as const) {
    test(`${version}: every element set is listed, and every element listed is set`, async () => {
      const run = await play(version);
      assert.deepEqual(run.errors, []);
      assert.ok(run.listed.length > 0, 'the notice lists the LMS fields');
      const listed = sortedSet(run.listed);
      const sent = sortedSet(run.sent);
      assert.deepEqual(
        {
          sentButNotListed: sent.filter((e) => !listed.includes(e)),
          listedButNeverSent: listed.filter((e) => !sent.includes(e)),
        },
        { sentButNotListed: [], listedButNeverSent: [] },
      );
      assert.equal(run.listed.length, listed.length, 'each field is listed once');
    });
  }

  test('the web copy lists no LMS field and says progress stays in this browser', () => {
    const html = readFileSync(path.join(out, 'sample-module/web/index.html'), 'utf8');
    const notice = /<section class="ti-extra" data-extra="data-notice"[\s\S]*?<\/section>/.exec(
      html,
    )?.[0];
    assert.ok(notice, 'the web copy has the notice page');
    assert.doesNotMatch(notice, /ti-lms-field|cmi\./);
    assert.match(notice, /sends nothing to anyone/);
    assert.match(notice, /stay in this browser on this device/);
    assert.match(notice, /reflection questions stays on this device/);
  });

  test('the SCORM notices say reflections stay on the device', () => {
    for (const version of ['scorm12', 'scorm2004'] as const) {
      const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-notice-'));
      unpackZip(readZip(path.join(out, 'sample-module', `sample-module.${version}.zip`)), dir);
      const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
      rmSync(dir, { recursive: true, force: true });
      assert.match(html, /reflection questions stays on this device. It is never sent to the LMS/);
    }
  });
});
