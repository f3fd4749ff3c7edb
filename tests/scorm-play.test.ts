import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startHost, unpackZip } from '@teach-in/lms-host';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import { type Call, strictViolations } from './support/strict-values.ts';
import { validateManifest } from './support/xsd.ts';

const course = path.join(repoRoot, 'courses/sample-module');
let out: string;
let browser: Browser;

before(async () => {
  out = buildToTemp(course, 'scorm12,scorm2004');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

type Version = 'scorm12' | 'scorm2004';

interface Run {
  calls: Call[];
  cmi: Record<string, unknown>;
  requests: string[];
  errors: string[];
}

/** Plays the sample module as a learner would: by roles and labels, never by CSS classes. */
async function answerQuestions(frame: FrameLocator, rightly: boolean): Promise<void> {
  await frame.getByRole('button', { name: 'Next' }).click();
  const single = frame.getByRole('group', {
    name: 'Which of these is usually collected by a scheduling app?',
  });
  await single
    .getByRole('radio', {
      name: rightly ? 'Your shift availability and hours worked' : 'Your bank PIN',
    })
    .check();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await assertAnnounced(single, rightly ? 'Correct.' : 'Not quite.');

  const multiple = frame.getByRole('group', {
    name: 'Select all data that can count as personal data:',
  });
  await multiple.getByRole('checkbox', { name: 'Your name' }).check();
  if (rightly) await multiple.getByRole('checkbox', { name: 'Your GPS location' }).check();
  await multiple.getByRole('button', { name: 'Check answer' }).click();
  await assertAnnounced(multiple, rightly ? 'Correct.' : 'Not quite.');

  await frame.getByRole('button', { name: 'Next' }).click();
  await frame.getByRole('button', { name: 'Next' }).click();
  await frame.getByRole('button', { name: 'Finish' }).click();
  await frame.getByRole('heading', { name: 'Your result' }).waitFor();
}

async function assertAnnounced(group: ReturnType<FrameLocator['getByRole']>, text: string) {
  const status = group.getByRole('status');
  await status.getByText(text).waitFor();
  assert.equal(await status.getAttribute('aria-live'), 'polite');
}

async function play(version: Version, rightly: boolean): Promise<Run> {
  const zip = path.join(out, 'sample-module', `sample-module.${version}.zip`);
  const dir = mkdtempSync(path.join(tmpdir(), `teach-in-${version}-`));
  unpackZip(readZip(zip), dir);
  const host = await startHost({ packageDir: dir });
  const page: Page = await browser.newPage();
  const { requests, errors } = recordPage(page);
  try {
    await page.goto(host.url);
    await answerQuestions(page.frameLocator('iframe'), rightly);
    const finishMethod = version === 'scorm12' ? 'LMSFinish' : 'Terminate';
    await page.waitForFunction(
      (method) =>
        (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls.some(
          (c) => c.method === method,
        ),
      finishMethod,
    );
    const { calls, cmi } = await page.evaluate((v) => {
      const w = window as unknown as {
        teachInHost: { calls: Call[] };
        API?: { cmi: { toJSON(): unknown } };
        API_1484_11?: { cmi: { toJSON(): unknown } };
      };
      const api = v === 'scorm12' ? w.API : w.API_1484_11;
      return { calls: w.teachInHost.calls, cmi: JSON.parse(JSON.stringify(api?.cmi)) };
    }, version);
    return { calls, cmi, requests, errors };
  } finally {
    await page.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function lastSet(calls: readonly Call[], element: string): string | undefined {
  return calls.filter((c) => c.element === element).at(-1)?.value;
}

function assertStayedInPackage(run: Run, hostUrl = 'http://127.0.0.1:') {
  for (const url of run.requests) {
    assert.ok(url.startsWith(hostUrl), `request left the host: ${url}`);
    const { pathname } = new URL(url);
    assert.ok(
      pathname === '/' ||
        pathname.startsWith('/host/') ||
        pathname.startsWith('/content/') ||
        pathname.startsWith('/lms/'),
      `unexpected request: ${url}`,
    );
  }
  assert.ok(
    run.requests.some((u) => /\/content\/scorm(12|2004)\/index\.html$/.test(u)),
    'the course page was loaded',
  );
}

describe('manifests', () => {
  for (const version of ['scorm12', 'scorm2004'] as const) {
    test(`${version} imsmanifest.xml sits at the zip root and is valid against the XSDs`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-manifest-'));
      const files = unpackZip(
        readZip(path.join(out, 'sample-module', `sample-module.${version}.zip`)),
        dir,
      );
      assert.ok(files.includes('imsmanifest.xml'));
      assert.ok(files.includes('index.html'));
      const result = await validateManifest(
        readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8'),
        version,
      );
      rmSync(dir, { recursive: true, force: true });
      assert.deepEqual(result.errors, []);
      assert.equal(result.valid, true);
    });
  }
});

describe('SCORM 1.2 under scorm-again', () => {
  test('answering rightly ends passed with the score and both interactions', async () => {
    const run = await play('scorm12', true);
    assert.deepEqual(run.errors, []);
    assert.deepEqual(strictViolations('scorm12', run.calls), []);
    assert.equal(lastSet(run.calls, 'cmi.core.lesson_status'), 'passed');
    assert.equal(lastSet(run.calls, 'cmi.core.score.raw'), '100');
    assert.equal(lastSet(run.calls, 'cmi.interactions.0.id'), 'scheduling-app-data');
    assert.equal(lastSet(run.calls, 'cmi.interactions.0.student_response'), 'b');
    assert.equal(lastSet(run.calls, 'cmi.interactions.0.result'), 'correct');
    assert.equal(lastSet(run.calls, 'cmi.interactions.1.id'), 'personal-data');
    assert.equal(lastSet(run.calls, 'cmi.interactions.1.student_response'), 'a,b');
    assert.equal(lastSet(run.calls, 'cmi.interactions.1.result'), 'correct');
    const core = (run.cmi.core ?? {}) as Record<string, unknown>;
    assert.equal(core.lesson_status, 'passed');
    assert.equal((core.score as Record<string, string>).raw, '100');
    assert.ok(run.calls.some((c) => c.method === 'LMSFinish'));
    assertStayedInPackage(run);
  });

  test('answering wrongly ends failed', async () => {
    const run = await play('scorm12', false);
    assert.deepEqual(run.errors, []);
    assert.deepEqual(strictViolations('scorm12', run.calls), []);
    assert.equal(lastSet(run.calls, 'cmi.core.lesson_status'), 'failed');
    assert.equal(lastSet(run.calls, 'cmi.core.score.raw'), '0');
    assert.equal(lastSet(run.calls, 'cmi.interactions.0.result'), 'wrong');
    assert.equal(lastSet(run.calls, 'cmi.interactions.1.result'), 'wrong');
    assertStayedInPackage(run);
  });
});

describe('SCORM 2004 4th edition under scorm-again', () => {
  test('answering rightly ends completed and passed with the score and both interactions', async () => {
    const run = await play('scorm2004', true);
    assert.deepEqual(run.errors, []);
    assert.deepEqual(strictViolations('scorm2004', run.calls), []);
    assert.equal(lastSet(run.calls, 'cmi.completion_status'), 'completed');
    assert.equal(lastSet(run.calls, 'cmi.success_status'), 'passed');
    assert.equal(lastSet(run.calls, 'cmi.score.scaled'), '1');
    assert.equal(lastSet(run.calls, 'cmi.interactions.1.learner_response'), 'a[,]b');
    assert.equal(lastSet(run.calls, 'cmi.interactions.1.result'), 'correct');
    assert.equal(run.cmi.completion_status, 'completed');
    assert.equal(run.cmi.success_status, 'passed');
    assert.ok(run.calls.some((c) => c.method === 'Terminate'));
    assertStayedInPackage(run);
  });

  test('answering wrongly ends failed with result "incorrect"', async () => {
    const run = await play('scorm2004', false);
    assert.deepEqual(run.errors, []);
    assert.deepEqual(strictViolations('scorm2004', run.calls), []);
    assert.equal(lastSet(run.calls, 'cmi.success_status'), 'failed');
    assert.equal(lastSet(run.calls, 'cmi.interactions.0.result'), 'incorrect');
    assert.equal(run.cmi.success_status, 'failed');
    assertStayedInPackage(run);
  });
});
