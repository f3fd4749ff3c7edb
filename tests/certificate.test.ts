/**
 * The end of a course in a real build: after Finish, the summary and the certificate, with
 * the learner's name as the LMS gave it (SCORM 1.2 cmi.core.student_name, SCORM 2004
 * cmi.learner_name, the cmi5 actor's name), or as the learner types it in the offline copy.
 * The name is only read: no call writes it back, and no request leaves the LMS.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startCmi5Host, unpackZip } from '@teach-in/lms-host';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium } from './support/chromium.ts';
import { answer, launch, next } from './support/play.ts';

const courseDir = path.join(repoRoot, 'tests/fixtures/media-course');
const learner = { id: 'member-7', name: 'Yusuf, Amina' };
let out: string;
let browser: Browser;
const zip = (format: string) => path.join(out, 'media-course', `media-course.${format}.zip`);

before(async () => {
  out = buildToTemp(courseDir, 'scorm12,scorm2004,cmi5,web');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** Both pages, the one question answered rightly, Finish: returns the certificate region. */
async function finishCourse(where: FrameLocator | Page) {
  await next(where as FrameLocator);
  await answer(where as FrameLocator, {
    type: 'single',
    prompt: 'What did the talk show?',
    picks: ['A yellow bar'],
    expect: 'Correct.',
  });
  await next(where as FrameLocator, 'Finish');
  await where.getByRole('heading', { name: 'Your result' }).waitFor();
  return where.getByRole('region', { name: 'Certificate of completion' });
}

async function assertCertificate(where: FrameLocator | Page, name: string) {
  const region = await finishCourse(where);
  const text = ((await region.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  assert.match(
    text,
    new RegExp(
      `^Example Workers' Union Certificate of completion This certifies that ${name} has completed the course Media at work on .+\\. Course media-course, version 1\\.0\\.0, check code [A-Z2-9]{4}-[A-Z2-9]{4}$`,
    ),
  );
  assert.equal(await region.locator('img').getAttribute('src'), 'media/logo.svg');
  await where.getByRole('button', { name: 'Print or save the certificate' }).waitFor();
  const summary = ((await where.locator('.ti-results').textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(summary, /Watch and listen: 100%, passed; 2 of 2 pages seen/);
}

describe('the certificate carries the name the LMS gave', () => {
  for (const version of ['scorm12', 'scorm2004'] as const) {
    test(`${version} under scorm-again: "Yusuf, Amina" reads "Amina Yusuf"`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const run = await launch(context, zip(version), version, { learner });
      try {
        await assertCertificate(run.frame, 'Amina Yusuf');
        const nameElement = version === 'scorm12' ? 'cmi.core.student_name' : 'cmi.learner_name';
        const calls = await run.calls();
        assert.ok(calls.some((c) => c.element === nameElement && c.method.includes('GetValue')));
        assert.ok(!calls.some((c) => c.element === nameElement && c.method.includes('SetValue')));
        assert.deepEqual(run.errors, []);
      } finally {
        await run.close();
        await context.close();
      }
    });
  }

  test('cmi5: the actor name from the launch', async () => {
    const packageDir = mkdtempSync(path.join(tmpdir(), 'teach-in-certificate-cmi5-'));
    unpackZip(readZip(zip('cmi5')), packageDir);
    const host = await startCmi5Host({ packageDir, learner });
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      await assertCertificate(page.frameLocator('iframe'), 'Amina Yusuf');
    } finally {
      await context.close();
      await host.close();
      rmSync(packageDir, { recursive: true, force: true });
    }
  });

  test('the offline copy: the learner types the name', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(out, 'media-course/web/index.html')).href);
      await page.getByRole('button', { name: 'Next' }).waitFor();
      const region = await finishCourse(page);
      await page
        .getByRole('textbox', { name: 'Your name, as it should appear on the certificate' })
        .fill('Chidi Okafor');
      assert.match(
        (await region.textContent()) ?? '',
        /This certifies that\s+Chidi Okafor\s+has completed/,
      );
      const notice = await page.locator('[data-extra="data-notice"]').textContent();
      assert.match(notice ?? '', /certificate of completion .* shows the course title/);
      assert.match(notice ?? '', /You type your name for it yourself; it is not kept\./);
    } finally {
      await context.close();
    }
  });
});
