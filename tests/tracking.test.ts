/**
 * Tracking end to end: resume, faults and the worst-case state bound under the real
 * scorm-again runtime in headless Chromium, and the web copy's progress code.
 */
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import type { Course } from '@teach-in/course-schema';
import {
  type CourseLayout,
  courseLayout,
  decodeState,
  encodeState,
  worstCaseStateLength,
} from '@teach-in/lms-bridge/state';
import type { Browser, FrameLocator } from 'playwright-core';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { launchChromium } from './support/chromium.ts';
import {
  answer,
  type Fault,
  injectFault,
  type Launch,
  lastSet,
  launch,
  next,
  playEverythingMaximally,
  type QuestionPlay,
  repairFault,
  resumeData,
  type Version,
} from './support/play.ts';
import { aiAndJobQuality, yourRights } from './support/sample-questions.ts';
import { type Call, strictViolations } from './support/strict-values.ts';

/** The largest course in courses/, by its worst-case saved state. */
function largestCourse(): { course: Course; layout: CourseLayout } {
  const dirs = readdirSync(path.join(repoRoot, 'courses'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(repoRoot, 'courses', d.name));
  const courses = dirs.flatMap((dir) => {
    const { course } = loadCourse(dir);
    return course ? [{ course, layout: courseLayout(course) }] : [];
  });
  const largest = courses.sort(
    (a, b) => worstCaseStateLength(b.layout) - worstCaseStateLength(a.layout),
  )[0];
  if (!largest) throw new Error('no course in courses/');
  return largest;
}

/** Resume, faults and the progress code play the sample module, whose questions they know. */
const sampleDir = path.join(repoRoot, 'tooling/bench/sample-module');
const { course } = loadCourse(sampleDir);
if (!course) throw new Error('the sample module does not load');
const layout = courseLayout(course);
const largest = largestCourse();
let out: string;
let largestOut: string;
let browser: Browser;

before(async () => {
  out = buildToTemp(sampleDir, 'scorm12,scorm2004,web');
  largestOut = largest.course.id === course.id ? out : buildToTemp(largest.course.dir, 'scorm12');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(largestOut, { recursive: true, force: true });
});

const zipOf = (version: Version) => path.join(out, course.id, `${course.id}.${version}.zip`);
const single: QuestionPlay = {
  type: 'single',
  prompt: 'Which of these is usually collected by a scheduling app?',
  picks: ['Your shift availability and hours worked'],
  expect: 'Correct.',
};
const multiple: QuestionPlay = {
  type: 'multiple',
  prompt: 'Select all data that can count as personal data:',
  picks: ['Your name', 'Your GPS location'],
  expect: 'Correct.',
};

/** Waits until the content has made a call with this method or set this element. */
async function waitForCall(run: Launch, wanted: { method?: string[]; element?: string }) {
  await run.page.waitForFunction(
    ({ method, element }) =>
      (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls.some(
        (c) =>
          (method ? method.includes(c.method) : true) && (element ? c.element === element : true),
      ),
    wanted,
  );
}

/** The state the LMS holds now, decoded for this course. */
async function lmsState(run: Launch) {
  const data = lastSet(await run.calls(), 'cmi.suspend_data') ?? '';
  return decodeState(data, layout);
}

async function isPicked(frame: FrameLocator, question: QuestionPlay): Promise<boolean> {
  const group = frame.getByRole('group', { name: question.prompt });
  const role = question.type === 'single' ? 'radio' : 'checkbox';
  return group.getByRole(role, { name: question.picks[0] ?? '' }).isChecked();
}

for (const version of ['scorm12', 'scorm2004'] as const) {
  describe(`${version}: progress is never lost`, () => {
    test('leave half-way, and a fresh runtime with the saved data resumes where you left', async () => {
      const first = await browser.newContext();
      const run = await launch(first, zipOf(version), version);
      await next(run.frame);
      await answer(run.frame, single);
      await next(run.frame);
      await run.closeContent();
      await waitForCall(run, { method: ['LMSFinish', 'Terminate'] });
      const calls = await run.calls();
      assert.deepEqual(strictViolations(version, calls), []);
      const exit = version === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit';
      assert.equal(lastSet(calls, exit), 'suspend');
      const saved = await run.cmi();
      await run.close();
      await first.close();

      // Another device: nothing local, only what the LMS kept.
      const second = await browser.newContext();
      const again = await launch(second, zipOf(version), version, {
        resume: resumeData(version, saved),
      });
      try {
        await again.frame.getByRole('heading', { name: '2. Your rights' }).waitFor();
        await next(again.frame, 'Previous');
        assert.equal(await isPicked(again.frame, single), true, 'the answer is back');
        await answer(again.frame, multiple);
        await next(again.frame);
        for (const question of yourRights(true)) await answer(again.frame, question);
        await next(again.frame);
        for (const question of aiAndJobQuality(true)) await answer(again.frame, question);
        await next(again.frame, 'Finish');
        const status = version === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status';
        await waitForCall(again, { element: status });
        const after = await again.calls();
        assert.equal(lastSet(after, status), 'passed', 'every answer counts after resuming');
        assert.deepEqual(strictViolations(version, after), []);
        assert.deepEqual(again.errors, []);
      } finally {
        await again.close();
        await second.close();
      }
    });

    test('progress saved as JSON by the first runtime is read and carried over', async () => {
      const old = JSON.stringify({
        page: 1,
        seen: [0, 1],
        answers: { 'scheduling-app-data': { response: ['b'], checked: true } },
        finished: false,
      });
      const resume =
        version === 'scorm12'
          ? {
              core: {
                lesson_location: 'your-data-rights/1-what-data-is-collected',
                entry: 'resume',
              },
              suspend_data: old,
            }
          : { exit: 'suspend', entry: 'resume', suspend_data: old };
      const context = await browser.newContext();
      const run = await launch(context, zipOf(version), version, { resume });
      try {
        await run.frame.getByRole('heading', { name: '1. What data is collected?' }).waitFor();
        assert.equal(await isPicked(run.frame, single), true);
        await waitForCall(run, { element: 'cmi.suspend_data' });
        const state = await lmsState(run);
        assert.match(lastSet(await run.calls(), 'cmi.suspend_data') ?? '', /^t1~/);
        assert.deepEqual(state.state.answers['scheduling-app-data']?.response, ['b']);
      } finally {
        await run.close();
        await context.close();
      }
    });

    for (const [kind, unreadable] of [
      ['damaged', 't1~AAAA~broken'],
      ['from an unknown version', 't9~AAAAAA~A~AAAAAA~A~AAAA~AAAAA~~'],
    ] as const) {
      test(`saved progress ${kind}: the learner is told, and the LMS's copy is kept until they start again`, async () => {
        const location = 'your-data-rights/1-what-data-is-collected';
        const resume =
          version === 'scorm12'
            ? {
                core: { lesson_location: location, entry: 'resume' },
                suspend_data: unreadable,
              }
            : { exit: 'suspend', entry: 'resume', location, suspend_data: unreadable };
        const context = await browser.newContext();
        const run = await launch(context, zipOf(version), version, { resume });
        try {
          const alert = run.frame.getByRole('alert');
          await alert.getByText('cannot read your saved progress').waitFor();
          const notice = run.frame.getByRole('region', {
            name: 'Your saved progress could not be read',
          });
          await notice.waitFor();
          // The bookmark still counts.
          await run.frame.getByRole('heading', { name: '1. What data is collected?' }).waitFor();
          await answer(run.frame, single);
          await next(run.frame);
          const before = await run.calls();
          assert.equal(lastSet(before, 'cmi.suspend_data'), undefined, 'the LMS copy is untouched');
          assert.equal(await run.cmi().then((cmi) => cmi.suspend_data), unreadable);

          await notice.getByRole('button', { name: 'Start again' }).click();
          await alert.getByText('You have started again').waitFor();
          await waitForCall(run, { element: 'cmi.suspend_data' });
          const state = await lmsState(run);
          assert.equal(state.state.answers['scheduling-app-data']?.done, true, 'nothing lost');
          await waitForCall(run, { element: 'cmi.interactions.0.id' });
          assert.deepEqual(strictViolations(version, await run.calls()), []);
          assert.deepEqual(run.errors, []);
        } finally {
          await run.close();
          await context.close();
        }
      });
    }

    test('a refused commit of the result is retried until the LMS has it', async () => {
      const context = await browser.newContext();
      const run = await launch(context, zipOf(version), version);
      try {
        await next(run.frame);
        await answer(run.frame, single);
        await answer(run.frame, multiple);
        await next(run.frame);
        for (const question of yourRights(true)) await answer(run.frame, question);
        await next(run.frame);
        for (const question of aiAndJobQuality(true)) await answer(run.frame, question);
        await injectFault(run.page, version, 'commit-false');
        await next(run.frame, 'Finish');
        await run.frame.getByRole('status').filter({ hasText: 'Your progress is safe' }).waitFor();
        await repairFault(run.page);
        await run.frame
          .getByRole('status')
          .filter({ hasText: 'Your progress is saved.' })
          .waitFor();
        const calls = await run.calls();
        const status = version === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status';
        assert.equal(lastSet(calls, status), 'passed');
        const commit = version === 'scorm12' ? 'LMSCommit' : 'Commit';
        const lastStatus = calls.findLastIndex((c) => c.element === status);
        assert.ok(
          calls.slice(lastStatus).some((c) => c.method === commit),
          'a commit the LMS accepted followed the result',
        );
        assert.deepEqual(strictViolations(version, calls), []);
      } finally {
        await run.close();
        await context.close();
      }
    });

    test('a refused commit mid-course is retried, and the LMS has it once it accepts', async () => {
      const context = await browser.newContext();
      const run = await launch(context, zipOf(version), version);
      try {
        await next(run.frame);
        await injectFault(run.page, version, 'commit-false');
        await answer(run.frame, single);
        await run.frame.getByRole('status').filter({ hasText: 'Your progress is safe' }).waitFor();
        await repairFault(run.page);
        await run.frame
          .getByRole('status')
          .filter({ hasText: 'Your progress is saved.' })
          .waitFor();
        const state = await lmsState(run);
        assert.equal(state.state.answers['scheduling-app-data']?.done, true);
        assert.deepEqual(strictViolations(version, await run.calls()), []);
      } finally {
        await run.close();
        await context.close();
      }
    });

    for (const fault of ['commit-false', 'throws', 'removed'] as const satisfies Fault[]) {
      test(`an LMS that ${fault === 'commit-false' ? 'refuses commits' : fault === 'throws' ? 'throws' : 'disappears'}, then a closed tab: the next launch sends the progress and the answers`, async () => {
        const context = await browser.newContext();
        const run = await launch(context, zipOf(version), version);
        const port = Number(new URL(run.host.url).port);
        await next(run.frame);
        const keptByLms = await run.cmi();
        await injectFault(run.page, version, fault);
        await answer(run.frame, single);
        const notice = run.frame.getByRole('status').filter({ hasText: 'Your progress is safe' });
        await notice.waitFor();

        // The LMS lost it all: the learner closes the tab and comes back later on this device.
        await run.closeContent();
        await run.close();
        const again = await launch(context, zipOf(version), version, {
          resume: resumeData(version, keptByLms),
          port,
        });
        try {
          await again.frame.getByRole('heading', { name: '1. What data is collected?' }).waitFor();
          assert.equal(await isPicked(again.frame, single), true, 'the device copy was newer');
          await waitForCall(again, { element: 'cmi.suspend_data' });
          const state = await lmsState(again);
          assert.equal(state.state.answers['scheduling-app-data']?.done, true, 'sent on relaunch');
          // The answer record the LMS never took is sent too, and committed.
          await waitForCall(again, { element: 'cmi.interactions.0.result' });
          const calls = await again.calls();
          assert.equal(lastSet(calls, 'cmi.interactions.0.id'), 'scheduling-app-data');
          assert.equal(lastSet(calls, 'cmi.interactions.0.result'), 'correct');
          const commit = version === 'scorm12' ? 'LMSCommit' : 'Commit';
          const at = calls.findLastIndex((c) => c.element === 'cmi.interactions.0.result');
          assert.ok(
            calls.slice(at).some((c) => c.method === commit && c.result === 'true'),
            'a commit the LMS accepted followed the answer',
          );
          const ids = calls.filter((c) => /^cmi\.interactions\.\d+\.id$/.test(c.element ?? ''));
          assert.equal(ids.length, 1, 'reported once');
          assert.deepEqual(strictViolations(version, calls), []);
        } finally {
          await again.close();
          await context.close();
        }
      });
    }
  });
}

describe('the worst-case state bound', () => {
  test(`a full run of the largest course (${largest.course.id}) with the longest answers fits the computed bound`, async () => {
    const bound = worstCaseStateLength(largest.layout);
    const zip = path.join(largestOut, largest.course.id, `${largest.course.id}.scorm12.zip`);
    const context = await browser.newContext();
    const run = await launch(context, zip, 'scorm12');
    try {
      const answered = await playEverythingMaximally(run.frame);
      assert.ok(answered > 0, 'some questions were answered');
      await waitForCall(run, { element: 'cmi.core.lesson_status' });
      const calls = await run.calls();
      const saved = lastSet(calls, 'cmi.suspend_data') ?? '';
      const decoded = decodeState(saved, largest.layout);
      assert.deepEqual(
        decoded.state.seen,
        largest.layout.pages.map((_, i) => i),
        'every page seen',
      );
      assert.equal(decoded.state.finished, true);
      // Only the questions the shell tracks are in the state (it may not track every type yet).
      const savedAnswers = Object.values(decoded.state.answers);
      assert.ok(savedAnswers.length > 0 && savedAnswers.length <= answered);
      assert.ok(saved.length > 0 && saved.length <= bound, `${saved.length} <= ${bound}`);
      // The browser and Node encode alike: the same state gives the same text.
      assert.equal(encodeState(decoded.state, largest.layout, decoded.savedAt), saved);
      assert.ok(bound <= 4096, `the bound ${bound} fits SCORM 1.2`);
      assert.deepEqual(strictViolations('scorm12', calls), []);
      process.stdout.write(
        `# ${largest.course.id}: ${answered} questions answered, real suspend_data ${saved.length} characters, worst case ${bound}\n`,
      );
    } finally {
      await run.close();
      await context.close();
    }
  });
});

describe('web copy: the progress code', () => {
  test('carries progress to another device, and a mistyped code is refused calmly', async () => {
    const url = pathToFileURL(path.join(out, course.id, 'web/index.html')).href;
    const phone = await browser.newContext();
    const page = await phone.newPage();
    await page.goto(url);
    assert.equal(await page.locator('ti-course').getAttribute('data-completion'), 'both');
    await page.getByRole('button', { name: 'Next' }).click();
    await answer(page as unknown as FrameLocator, single);
    await page.getByText('Continue on another device').click();
    const code = await page.getByRole('textbox', { name: 'Your progress code' }).inputValue();
    assert.match(code, new RegExp(`^${course.id}\\*${course.version}\\*t1~`));
    await phone.close();

    const laptop = await browser.newContext();
    const other = await laptop.newPage();
    await other.goto(url);
    await other.getByText('Continue on another device').click();
    const paste = other.getByRole('textbox', { name: 'Paste a progress code' });
    await paste.fill(code.replace('t1~', 't1~x'));
    await other.getByRole('button', { name: 'Continue from this code' }).click();
    await other.getByRole('status').filter({ hasText: 'typing mistake' }).waitFor();

    await paste.fill(code);
    const reloaded = other.waitForEvent('load');
    await other.getByRole('button', { name: 'Continue from this code' }).click();
    await other.getByRole('status').filter({ hasText: 'restored' }).waitFor();
    await reloaded;
    await other.getByRole('heading', { name: '1. What data is collected?' }).waitFor();
    assert.equal(await isPicked(other as unknown as FrameLocator, single), true);
    await laptop.close();
  });
});
