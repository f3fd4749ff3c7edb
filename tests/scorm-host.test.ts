import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningHost, startHost } from '@teach-in/lms-host';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import { validateManifest } from './support/xsd.ts';
import { zipFolder } from './support/zip-folder.ts';

const learner = { id: 'member-42', name: 'Nguyen, Lan' };
const finishMethod = { scorm12: 'LMSFinish', scorm2004: 'Terminate' } as const;
let browser: Browser;
let built: string;
const temps: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

before(async () => {
  built = buildToTemp(path.join(repoRoot, 'tooling/bench/sample-module'), 'scorm12,scorm2004');
  temps.push(built);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface HostWindow {
  teachInHost: {
    calls: Array<{ method: string; element?: string; result: string }>;
    config: { entry?: string };
    exitContent(): Promise<void>;
  };
}

/** Opens the host page; `errors` collects anything the page or the content logs as an error. */
async function open(
  host: RunningHost,
): Promise<{ page: Page; frame: FrameLocator; errors: string[] }> {
  const page = await browser.newPage();
  const { errors } = recordPage(page);
  await page.goto(host.url);
  return { page, frame: page.frameLocator('iframe'), errors };
}

/** The one attempt file in the data folder, as the host wrote it. */
function savedAttempt(dataDir: string): { cmi: Record<string, Record<string, unknown>> } {
  const files = readdirSync(dataDir);
  assert.deepEqual(
    files.filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary file is left behind',
  );
  assert.equal(files.length, 1, `one attempt file: ${files.join(', ')}`);
  return JSON.parse(readFileSync(path.join(dataDir, files[0]!), 'utf8'));
}

async function text(frame: FrameLocator, id: string): Promise<string> {
  return (await frame.locator(`#${id}`).textContent()) ?? '';
}

describe('third-party SCOs (plain HTML and JavaScript, SCORM API only)', () => {
  for (const version of ['scorm12', 'scorm2004'] as const) {
    const fixture = path.join(repoRoot, `tests/fixtures/third-party-sco-${version.slice(5)}`);

    test(`${version}: the fixture's manifest is valid against the XSDs`, async () => {
      const result = await validateManifest(
        readFileSync(path.join(fixture, 'imsmanifest.xml'), 'utf8'),
        version,
      );
      assert.deepEqual(result.errors, []);
    });

    test(`${version}: seeded like an LMS, progress kept, resumed by a new host`, async () => {
      // SCORM 1.2 from a zip, SCORM 2004 from a folder: both ways of opening a package.
      const input =
        version === 'scorm12' ? path.join(tempDir('teach-in-zip-'), 'sco.zip') : fixture;
      if (version === 'scorm12') writeFileSync(input, zipFolder(fixture));
      const dataDir = tempDir('teach-in-data-');

      const first = await startHost({ package: input, dataDir, learner });
      const one = await open(first);
      await one.frame.getByText('Connected to the LMS.').waitFor();
      assert.equal(await text(one.frame, 'entry'), 'ab-initio');
      assert.equal(await text(one.frame, 'learner'), 'Nguyen, Lan');
      assert.equal(await text(one.frame, 'launch-data'), 'branch=warehouse');
      if (version === 'scorm12') assert.equal(await text(one.frame, 'mastery-score'), '70');
      else {
        assert.equal(await text(one.frame, 'passing-score'), '0.7');
        assert.equal(await text(one.frame, 'objectives'), 'break-rules, rest-periods');
      }
      await one.frame.getByRole('button', { name: 'Go to page 2' }).click();
      await one.frame.getByRole('button', { name: 'Answer the question' }).click();
      await one.frame.getByRole('button', { name: 'Suspend and exit' }).click();
      await one.frame.getByText('Suspended.').waitFor();
      const saved = savedAttempt(dataDir).cmi;
      if (version === 'scorm12') assert.equal(saved.core?.exit, 'suspend');
      else assert.equal(saved.exit, 'suspend');
      assert.deepEqual(one.errors, []);
      await one.page.close();
      await first.close();

      const second = await startHost({ package: input, dataDir, learner });
      const two = await open(second);
      await two.frame.getByText('Connected to the LMS.').waitFor();
      assert.equal(await text(two.frame, 'entry'), 'resume');
      assert.equal(await text(two.frame, 'location'), 'page-2');
      assert.equal(await text(two.frame, 'suspend-data'), 'q1=b;q2=a,c');
      assert.equal(
        await text(two.frame, 'status'),
        version === 'scorm12' ? 'passed' : 'completed, passed',
      );
      assert.deepEqual(two.errors, []);
      await two.page.close();
      await second.close();
    });
  }
});

describe('packages built from our courses', () => {
  for (const version of ['scorm12', 'scorm2004'] as const) {
    test(`${version}: the sample module resumes on its page with its answer`, async () => {
      const zip = path.join(built, 'sample-module', `sample-module.${version}.zip`);
      const dataDir = tempDir('teach-in-data-');

      const first = await startHost({ package: zip, dataDir, learner });
      const one = await open(first);
      await one.frame.getByRole('button', { name: 'Next' }).click();
      const question = one.frame.getByRole('group', {
        name: 'Which of these is usually collected by a scheduling app?',
      });
      const answer = question.getByRole('radio', {
        name: 'Your shift availability and hours worked',
      });
      await answer.check();
      await question.getByRole('button', { name: 'Check answer' }).click();
      await question.getByRole('status').getByText('Correct.').waitFor();
      // The learner leaves: the host closes the content, which suspends and finishes.
      await one.page.evaluate(() => (window as unknown as HostWindow).teachInHost.exitContent());
      const calls = await one.page.evaluate(
        () => (window as unknown as HostWindow).teachInHost.calls,
      );
      assert.ok(calls.some((c) => c.method === finishMethod[version] && c.result === 'true'));
      const saved = savedAttempt(dataDir).cmi;
      const exit = version === 'scorm12' ? saved.core?.exit : saved.exit;
      assert.equal(exit, 'suspend');
      assert.ok(String(saved.suspend_data).length > 0, 'suspend data was committed');
      assert.deepEqual(one.errors, []);
      await one.page.close();
      await first.close();

      const second = await startHost({ package: zip, dataDir, learner });
      const two = await open(second);
      const config = await two.page.evaluate(
        () => (window as unknown as HostWindow).teachInHost.config,
      );
      assert.equal(config.entry, 'resume');
      const resumed = two.frame.getByRole('group', {
        name: 'Which of these is usually collected by a scheduling app?',
      });
      // Back on the question's page without pressing Next, with the answer still chosen.
      await resumed.waitFor();
      assert.equal(
        await resumed
          .getByRole('radio', { name: 'Your shift availability and hours worked' })
          .isChecked(),
        true,
      );
      const entryRead = await two.page.evaluate(() =>
        (window as unknown as HostWindow).teachInHost.calls.find((c) =>
          /^cmi\.(core\.)?entry$/.test(c.element ?? ''),
        ),
      );
      if (entryRead) assert.equal(entryRead.result, 'resume');
      assert.deepEqual(two.errors, []);
      await two.page.close();
      await second.close();
    });
  }
});
