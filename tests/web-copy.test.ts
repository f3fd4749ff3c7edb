import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';

let out: string;
let browser: Browser;

before(async () => {
  out = buildToTemp(path.join(repoRoot, 'tooling/bench/sample-module'), 'web');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

test('the web copy opens from file://, needs no LMS and keeps progress on the device', async () => {
  const webDir = path.join(out, 'sample-module/web');
  const url = pathToFileURL(path.join(webDir, 'index.html')).href;
  const context = await browser.newContext();
  const page = await context.newPage();
  const { requests, errors } = recordPage(page);

  await page.goto(url);
  await page.getByRole('button', { name: 'Next' }).click();
  await assert.doesNotReject(
    page.getByRole('heading', { name: '1. What data is collected?' }).waitFor(),
  );
  const question = page.getByRole('group', {
    name: 'Which of these is usually collected by a scheduling app?',
  });
  await question.getByRole('radio', { name: 'Your shift availability and hours worked' }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await question.getByRole('status').getByText('Correct.').waitFor();

  await page.reload();
  const heading = page.getByRole('heading', { name: '1. What data is collected?' });
  await heading.waitFor();
  assert.equal(await heading.isVisible(), true, 'the learner is back on the page they left');
  const restored = page.getByRole('group', {
    name: 'Which of these is usually collected by a scheduling app?',
  });
  assert.equal(
    await restored
      .getByRole('radio', { name: 'Your shift availability and hours worked' })
      .isChecked(),
    true,
  );
  await restored.getByRole('status').getByText('Correct.').waitFor();

  const webRoot = pathToFileURL(webDir).href;
  for (const request of requests) {
    assert.ok(request.startsWith(`${webRoot}/`), `request outside the web folder: ${request}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
