/**
 * Plays a built SCORM package under the real scorm-again host in Chromium, as a learner
 * would: by roles and labels, never by CSS classes. Question answering is a table keyed
 * by question type, so new types plug in with one entry each.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningHost, startHost, unpackZip } from '@teach-in/lms-host';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { readZip } from './build-fixture.ts';
import { recordPage } from './chromium.ts';
import type { Call } from './strict-values.ts';

export type Version = 'scorm12' | 'scorm2004';

/** Answers one question, given its group and the labels of what to pick. */
type Answerer = (group: Locator, picks: readonly string[]) => Promise<void>;

export const answerers: Partial<Record<string, Answerer>> = {
  single: async (group, [label = '']) => {
    await group.getByRole('radio', { name: label }).check();
  },
  multiple: async (group, picks) => {
    for (const label of picks) await group.getByRole('checkbox', { name: label }).check();
  },
  // One pick per statement, "<statement>=True" or "=False": rows may be shuffled.
  'true-false': async (group, picks) => {
    for (const pick of picks) {
      const [statement = '', label = ''] = pick.split('=');
      const row = group.getByRole('radiogroup', { name: statement });
      await row.getByRole('radio', { name: label }).check();
    }
  },
  'fill-in': async (group, [text = '']) => {
    await group.getByRole('textbox').fill(text);
  },
  // One option label per blank, in reading order.
  dropdown: async (group, picks) => {
    const lists = await group.getByRole('combobox').all();
    for (const [i, label] of picks.entries()) await lists[i]?.selectOption({ label });
  },
};

export interface QuestionPlay {
  type: string;
  prompt: string;
  picks: readonly string[];
  /** The feedback the learner should hear. */
  expect?: string;
}

export async function answer(
  frame: FrameLocator,
  question: QuestionPlay,
  checkLabel = 'Check answer',
): Promise<void> {
  const answerer = answerers[question.type];
  if (!answerer) throw new Error(`No answerer for question type "${question.type}" yet`);
  const group = frame.getByRole('group', { name: question.prompt });
  await answerer(group, question.picks);
  await group.getByRole('button', { name: checkLabel }).click();
  if (question.expect) {
    const status = group.getByRole('status');
    await status.getByText(question.expect).waitFor();
    assert.equal(await status.getAttribute('aria-live'), 'polite');
  }
}

export async function next(frame: FrameLocator, name = 'Next'): Promise<void> {
  await frame.getByRole('button', { name }).click();
}

export interface Launch {
  page: Page;
  frame: FrameLocator;
  host: RunningHost;
  requests: string[];
  errors: string[];
  /** Every call the content made, as the host recorded them. */
  calls(): Promise<Call[]>;
  /** What the LMS keeps (scorm-again's cmi as JSON). */
  cmi(): Promise<Record<string, unknown>>;
  /** Closes the content as a learner closing the tab would (pagehide), keeps the host. */
  closeContent(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  resume?: Record<string, unknown>;
  /** Reuse a port: the same origin, so the same localStorage, as a real LMS's next launch. */
  port?: number;
  /** The learner the LMS knows (id and "Last, First" name); the host's default otherwise. */
  learner?: { id: string; name: string };
  /** The navigation button that shows the course is ready, in the course's language. */
  ready?: RegExp;
}

export async function launch(
  context: BrowserContext,
  zip: string,
  version: Version,
  options: LaunchOptions = {},
): Promise<Launch> {
  const dir = mkdtempSync(path.join(tmpdir(), `teach-in-${version}-`));
  unpackZip(readZip(zip), dir);
  const host = await startHost({ packageDir: dir, ...options });
  const page = await context.newPage();
  const { requests, errors } = recordPage(page);
  await page.goto(host.url);
  const frame = page.frameLocator('iframe');
  await frame
    .getByRole('button', { name: options.ready ?? /Next|Finish/ })
    .first()
    .waitFor();
  const apiName = version === 'scorm12' ? 'API' : 'API_1484_11';
  return {
    page,
    frame,
    host,
    requests,
    errors,
    calls: () =>
      page.evaluate(
        () => (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls,
      ),
    cmi: () =>
      page.evaluate((name) => {
        const api = (window as unknown as Record<string, { cmi: unknown } | undefined>)[name];
        return JSON.parse(JSON.stringify(api?.cmi ?? {})) as Record<string, unknown>;
      }, apiName),
    closeContent: async () => {
      await page.evaluate(() => document.querySelector('iframe')?.remove());
    },
    close: async () => {
      await page.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Fault = 'commit-false' | 'throws' | 'removed';

/** Breaks the host's runtime the way a real LMS can: it refuses commits, throws, or vanishes. */
export async function injectFault(page: Page, version: Version, fault: Fault): Promise<void> {
  await page.evaluate(
    ({ version, fault }) => {
      const w = window as unknown as Record<string, Record<string, unknown> | undefined>;
      const name = version === 'scorm12' ? 'API' : 'API_1484_11';
      const api = w[name];
      if (!api) throw new Error('no API to break');
      const methods =
        version === 'scorm12'
          ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
          : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
      const saved = Object.fromEntries(methods.map((m) => [m, api[m]]));
      (window as unknown as { restoreApi: () => void }).restoreApi = () =>
        Object.assign(api, saved);
      if (fault === 'commit-false') {
        api[methods[4] as string] = () => 'false';
        return;
      }
      for (const m of methods) {
        api[m] = () => {
          throw new Error('The LMS window has gone');
        };
      }
      if (fault === 'removed') delete w[name];
    },
    { version, fault },
  );
}

export async function repairFault(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { restoreApi: () => void }).restoreApi());
}

export function lastSet(calls: readonly Call[], element: string): string | undefined {
  return calls.filter((c) => c.element === element).at(-1)?.value;
}

/** What an LMS hands back on the next launch: the bookmark, suspend data and status. */
export function resumeData(
  version: Version,
  cmi: Record<string, unknown>,
): Record<string, unknown> {
  if (version === 'scorm12') {
    const core = (cmi.core ?? {}) as Record<string, unknown>;
    return {
      core: {
        lesson_location: core.lesson_location,
        lesson_status: core.lesson_status,
        exit: 'suspend',
        entry: 'resume',
      },
      suspend_data: cmi.suspend_data,
    };
  }
  return {
    location: cmi.location,
    completion_status: cmi.completion_status,
    // The host resumes a session that ended suspended, as an LMS does; others start afresh.
    exit: 'suspend',
    entry: 'resume',
    suspend_data: cmi.suspend_data,
  };
}

/** How to give the longest answer a question group takes, found by what the group holds. */
const maximalAnswerers: Array<{
  holds: (group: Locator) => Locator;
  answer: (group: Locator) => Promise<void>;
}> = [
  {
    holds: (group) => group.getByRole('checkbox'),
    answer: async (group) => {
      for (const box of await group.getByRole('checkbox').all()) await box.check();
    },
  },
  {
    // A statement grid (true-false): one choice in every row.
    holds: (group) => group.getByRole('radiogroup'),
    answer: async (group) => {
      for (const row of await group.getByRole('radiogroup').all()) {
        await row.getByRole('radio').last().check();
      }
    },
  },
  {
    holds: (group) => group.getByRole('radio'),
    answer: async (group) => {
      await group.getByRole('radio').first().check();
    },
  },
  {
    // Dropdowns and matching: the last option of every list.
    holds: (group) => group.getByRole('combobox'),
    answer: async (group) => {
      for (const list of await group.getByRole('combobox').all()) {
        const count = await list.locator('option').count();
        await list.selectOption({ index: count - 1 });
      }
    },
  },
  {
    // Typed answers: the longest the state keeps, in characters of three UTF-8 bytes.
    holds: (group) => group.getByRole('textbox'),
    answer: async (group) => {
      await group.getByRole('textbox').first().fill('\u0800'.repeat(100));
    },
  },
];

/**
 * Plays a whole course to the end, giving every question whose kind is known the longest
 * answer it takes, then presses Finish. Returns how many questions it answered.
 */
export async function playEverythingMaximally(frame: FrameLocator): Promise<number> {
  let answered = 0;
  for (;;) {
    const groups = await frame
      .getByRole('group')
      .filter({ has: frame.getByRole('button', { name: 'Check answer' }) })
      .all();
    for (const group of groups) {
      if (!(await group.isVisible())) continue;
      for (const kind of maximalAnswerers) {
        if ((await kind.holds(group).count()) === 0) continue;
        await kind.answer(group);
        await group.getByRole('button', { name: 'Check answer' }).click();
        answered++;
        break;
      }
    }
    const finish = frame.getByRole('button', { name: 'Finish' });
    if (await finish.isVisible()) {
      await finish.click();
      return answered;
    }
    await next(frame);
  }
}
