/**
 * cmi5 with the LRS on another origin (a second port: an intranet or test LMS over http).
 * The package connects to the origins its launch URL names and to nothing else, and says
 * plainly when the LRS cannot be reached at all.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningCmi5Host, startCmi5Host, unpackZip } from '@teach-in/lms-host';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import { answer, next } from './support/play.ts';
import { aiAndJobQuality, whatIsCollected, yourRights } from './support/sample-questions.ts';

let out: string;
let packageDir: string;
let browser: Browser;

before(async () => {
  out = buildToTemp(path.join(repoRoot, 'tooling/bench/sample-module'), 'cmi5');
  packageDir = mkdtempSync(path.join(tmpdir(), 'teach-in-cmi5-lrs-'));
  unpackZip(readZip(path.join(out, 'sample-module', 'sample-module.cmi5.zip')), packageDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(packageDir, { recursive: true, force: true });
});

const verbs = (host: RunningCmi5Host) =>
  host.statements().map((s) => s.verb?.id?.split('/').pop() ?? '');

async function waitForVerb(host: RunningCmi5Host, verb: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!verbs(host).includes(verb)) {
    if (Date.now() > deadline) throw new Error(`no "${verb}"; stored: ${verbs(host).join(', ')}`);
    await sleep(20);
  }
}

/** Where the frame's own CSP stops a fetch: the blocked URL, or "" when it was let through. */
async function blockedByCsp(page: Page, url: string): Promise<string> {
  const frame = page.frames().find((f) => f.url().includes('/content/'));
  assert.ok(frame, 'the course frame');
  return frame.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.blockedURI), {
          once: true,
        });
        fetch(target).then(
          () => resolve(''),
          () => setTimeout(() => resolve(''), 200),
        );
      }),
    url,
  );
}

async function playAll(frame: FrameLocator): Promise<void> {
  await next(frame);
  for (const question of whatIsCollected(true)) await answer(frame, question);
  await next(frame);
  for (const question of yourRights(true)) await answer(frame, question);
  await next(frame);
  for (const question of aiAndJobQuality(true)) await answer(frame, question);
  await next(frame, 'Finish');
}

describe('cmi5: an LRS on another http origin', () => {
  test('the course reaches it, and only it', async () => {
    const host = await startCmi5Host({ packageDir, lrsOnAnotherOrigin: true });
    const context = await browser.newContext();
    try {
      const lrs = new URL(host.lrsUrl).origin;
      assert.notEqual(lrs, new URL(host.url).origin, 'two origins');
      const page = await context.newPage();
      const { requests, errors } = recordPage(page);
      await page.goto(host.url);
      const frame = page.frameLocator('iframe');
      await playAll(frame);
      await frame.getByRole('heading', { name: 'Your result' }).waitFor();
      await waitForVerb(host, 'passed');
      assert.deepEqual(verbs(host).slice(0, 2), ['launched', 'initialized']);
      // Any other origin is refused by the page's own policy: the content's, and a third.
      assert.match(await blockedByCsp(page, `${new URL(host.url).origin}/`), /127\.0\.0\.1/);
      assert.match(await blockedByCsp(page, 'http://127.0.0.1:9/elsewhere'), /127\.0\.0\.1:9/);
      assert.match(await blockedByCsp(page, 'https://example.org/'), /example\.org/);
      await page.evaluate(() => document.querySelector('iframe')?.remove());
      await waitForVerb(host, 'terminated');
      for (const url of requests) {
        const origin = new URL(url).origin;
        assert.ok(origin === lrs || origin === new URL(host.url).origin, url);
      }
      assert.ok(requests.some((u) => u.startsWith(`${lrs}/xapi/statements`)));
      const unexpected = errors.filter(
        (e) => !e.includes('status of 404') && !e.includes('Content Security Policy'),
      );
      assert.deepEqual(unexpected, []);
    } finally {
      await context.close();
      await host.close();
    }
  });

  test('an LRS that cannot be reached at all is said so in the page', async () => {
    const host = await startCmi5Host({ packageDir, lrsOnAnotherOrigin: true });
    const context = await browser.newContext();
    try {
      const lrs = new URL(host.lrsUrl).origin;
      // The network to the LRS is down: every request to it fails.
      await context.route(`${lrs}/**`, (route) => route.abort('connectionrefused'));
      const page = await context.newPage();
      await page.goto(host.url);
      const frame = page.frameLocator('iframe');
      const status = frame.getByRole('status').filter({ hasText: 'cannot be reached' });
      await status.waitFor();
      await next(frame);
      await answer(frame, whatIsCollected(true)[0]!);
      await sleep(1500);
      assert.equal(await status.count(), 1, 'still says it, not "we will keep trying"');
      assert.equal(
        await frame.getByRole('status').filter({ hasText: 'we will keep trying' }).count(),
        0,
      );
    } finally {
      await context.close();
      await host.close();
    }
  });
});
