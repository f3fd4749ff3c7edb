import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unpackZip } from '@teach-in/lms-host';
import type { Browser } from 'playwright-core';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { launchChromium } from './support/chromium.ts';
import { answer, lastSet, launch, next, type Version } from './support/play.ts';
import { aiAndJobQuality, whatIsCollected, yourRights } from './support/sample-questions.ts';
import { type Call, strictViolations } from './support/strict-values.ts';
import { validateManifest } from './support/xsd.ts';

const course = path.join(repoRoot, 'tooling/bench/sample-module');
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

interface Run {
  calls: Call[];
  cmi: Record<string, unknown>;
  requests: string[];
  errors: string[];
}

/** The whole sample module: answer, page to the end, finish, close the tab. */
async function play(version: Version, rightly: boolean): Promise<Run> {
  const zip = path.join(out, 'sample-module', `sample-module.${version}.zip`);
  const context = await browser.newContext();
  const run = await launch(context, zip, version);
  try {
    await next(run.frame);
    for (const question of whatIsCollected(rightly)) await answer(run.frame, question);
    await next(run.frame);
    for (const question of yourRights(rightly)) await answer(run.frame, question);
    await next(run.frame);
    for (const question of aiAndJobQuality(rightly)) await answer(run.frame, question);
    await next(run.frame, 'Finish');
    await run.frame.getByRole('heading', { name: 'Your result' }).waitFor();
    await run.closeContent();
    const finishMethod = version === 'scorm12' ? 'LMSFinish' : 'Terminate';
    await run.page.waitForFunction(
      (method) =>
        (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls.some(
          (c) => c.method === method,
        ),
      finishMethod,
    );
    return {
      calls: await run.calls(),
      cmi: await run.cmi(),
      requests: run.requests,
      errors: run.errors,
    };
  } finally {
    await run.close();
    await context.close();
  }
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
    // The module's objective: seeded by the LMS from the manifest, or set by the course.
    const objectives = (run.cmi.objectives ?? {}) as Record<string, { id?: string }>;
    const objectiveId =
      lastSet(run.calls, 'cmi.objectives.0.id') ?? Object.values(objectives)[0]?.id;
    assert.equal(objectiveId, 'your-data-rights');
    assert.equal(lastSet(run.calls, 'cmi.objectives.0.status'), 'passed');
    assert.equal(lastSet(run.calls, 'cmi.core.exit'), '');
    assert.match(lastSet(run.calls, 'cmi.core.session_time') ?? '', /^\d{4}:\d\d:\d\d\.\d\d$/);
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
    assert.equal(lastSet(run.calls, 'cmi.exit'), 'normal');
    // The host seeded the module objective from the manifest: the course reports into it.
    assert.equal(lastSet(run.calls, 'cmi.objectives.0.success_status'), 'passed');
    assert.equal(lastSet(run.calls, 'cmi.objectives.0.score.scaled'), '1');
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
