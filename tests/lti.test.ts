import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  startPostgres,
  startTestPlatform,
  type TestPlatform,
  type TestPostgres,
} from '@teach-in/lti-tool/test-support';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, recordPage } from './support/chromium.ts';
import { startBalancer, startServeCli, type ToolProcess } from './support/lti.ts';
import { walkCourse } from './support/walk-course.ts';

/**
 * The LTI tool end to end, as an LMS and its users drive it: an admin registers the tool
 * (Dynamic Registration), an instructor places one module (Deep Linking), a learner opens
 * it in the LMS's iframe, answers, finishes, and the score lands in the platform's gradebook.
 * The LMS runs on `localhost` and the tool on 127.0.0.1: two sites, a third-party iframe.
 */
const course = 'packages/lti-tool/test/fixtures/lti-course';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

async function until<T>(check: () => T | undefined, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function activity(page: Page): Frame {
  const frame = page.frame({ url: /127\.0\.0\.1/ });
  if (!frame) throw new Error(`no tool frame in ${page.frames().map((f) => f.url())}`);
  return frame;
}

async function activityFrame(page: Page, ready: string): Promise<Frame> {
  const iframe = page.frameLocator('iframe[title="Teach-in activity"]');
  try {
    await iframe.locator(ready).first().waitFor();
  } catch (error) {
    // Say what the frame shows instead: a refusal page names its code.
    const shown = await iframe
      .locator('body')
      .textContent()
      .catch(() => '(no body)');
    throw new Error(`${(error as Error).message}\nThe activity frame shows: ${shown}`);
  }
  return activity(page);
}

async function registerPlaceAndLearn(platform: TestPlatform, registrationUrl: string) {
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    // A script or stylesheet the tool's policy refused shows as a console error naming it.
    const adminPage = recordPage(admin);
    await admin.goto(platform.dynamicRegistrationUrl(registrationUrl));
    await admin.locator('#ti-registered').waitFor();
    assert.ok(platform.tool, 'the platform holds the tool registration');

    // The instructor adds the activity: the picker opens in the LMS's iframe.
    const instructor = await context.newPage();
    const instructorPage = recordPage(instructor);
    await instructor.goto(
      platform.coursePageUrl({
        user: 'teacher-1',
        role: 'instructor',
        messageType: 'LtiDeepLinkingRequest',
      }),
    );
    const picker = await activityFrame(instructor, 'form');
    await picker.getByLabel(/Module: Data rights at work: Asking for your data/).check();
    await picker.getByRole('button', { name: 'Add to the course' }).click();
    await instructor.frameLocator('iframe').locator('#platform-deep-linked').waitFor();
    const link = [...platform.resourceLinks.values()].at(-1);
    assert.deepEqual(link?.custom, { target: 'lti-course/requests' });
    const refused = [...adminPage.errors, ...instructorPage.errors].filter((error) =>
      /Content Security Policy/.test(error),
    );
    assert.deepEqual(refused, []);

    // The learner opens it, answers and finishes.
    const learner = await context.newPage();
    const { errors } = recordPage(learner);
    // The LMS offers its client-side storage: the state goes there, not in a cookie.
    await learner.goto(
      platform.coursePageUrl({
        user: 'learner-1',
        resourceLinkId: link?.id,
        storageTarget: '_parent',
      }),
    );
    const frame = await activityFrame(learner, 'ti-course .ti-next');
    const question = frame.getByRole('group', {
      name: 'Who may ask an employer for a copy of their own data?',
    });
    await question.getByRole('radio', { name: 'Every worker' }).check();
    const answered = learner.waitForResponse(
      (r) => r.url().endsWith('/answer') && r.status() === 204,
    );
    await question.getByRole('button', { name: 'Check answer' }).click();
    await answered;
    await walkCourse(frame, 'unused');
    const score = await until(
      () => platform.scores.find((s) => s.userId === 'learner-1'),
      'the score',
    );
    assert.equal(score.scoreGiven, 100);
    assert.equal(score.activityProgress, 'Completed');
    assert.equal(score.lineItemId, link?.lineItemId, 'on the line item Deep Linking created');
    assert.deepEqual(errors, []);

    // Coming back: the course resumes on the page the learner left (the tool holds it).
    const again = await context.newPage();
    await again.goto(platform.coursePageUrl({ user: 'learner-1', resourceLinkId: link?.id }));
    const resumed = await activityFrame(again, 'ti-course [data-page-id]:not([hidden])');
    const question2 = resumed.getByRole('group', {
      name: 'Who may ask an employer for a copy of their own data?',
    });
    assert.ok(await question2.getByRole('radio', { name: 'Every worker' }).isChecked());
  } finally {
    await context.close();
  }
}

describe('LTI tool in Chromium, SQLite', () => {
  let platform: TestPlatform;
  let tool: ToolProcess;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-lti-e2e-'));
    platform = await startTestPlatform({ hostname: 'localhost' });
    tool = await startServeCli([course, '--port', '0', '--data', dataDir]);
  });
  after(async () => {
    await tool?.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('register, deep-link a module, launch as a learner, answer: the score arrives', () =>
    registerPlaceAndLearn(platform, tool.registrationUrl));

  test('a launch whose state is not in the LMS storage of this browser does not open', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const link = [...platform.resourceLinks.values()].at(-1)?.id;
      await page.goto(
        platform.coursePageUrl({
          user: 'learner-2',
          resourceLinkId: link,
          storageTarget: '_parent',
          storageForgets: true,
        }),
      );
      const frame = page.frameLocator('iframe[title="Teach-in activity"]');
      await frame.getByText('This launch did not start in this browser').waitFor();
      assert.equal(await frame.locator('ti-course').count(), 0);
    } finally {
      await context.close();
    }
  });
});

describe('LTI tool in Chromium, two processes sharing PostgreSQL', async () => {
  const postgres = await startPostgres();
  if ('skip' in postgres) {
    test('PostgreSQL', { skip: postgres.skip }, () => {});
    return;
  }
  const server: TestPostgres = postgres;
  let platform: TestPlatform;
  const tools: ToolProcess[] = [];
  let balancer: Awaited<ReturnType<typeof startBalancer>>;
  before(async () => {
    const databaseUrl = await server.createDatabase();
    platform = await startTestPlatform({ hostname: 'localhost' });
    balancer = await startBalancer(() => tools.map((tool) => tool.url));
    const args = [course, '--port', '0', '--public-url', balancer.url, '--data', 'unused'];
    // The first creates the schema; the second starts against the same database.
    tools.push(await startServeCli(args, databaseUrl));
    tools.push(await startServeCli(args, databaseUrl));
  });
  after(async () => {
    for (const tool of tools) await tool.stop();
    await balancer?.close();
    await platform?.close();
    await server.stop();
  });

  test('every step may land on either process: the score still arrives once', async () => {
    assert.equal(tools[0]?.registrationUrl, tools[1]?.registrationUrl, 'one registration URL');
    try {
      await registerPlaceAndLearn(platform, tools[0]?.registrationUrl ?? '');
    } catch (error) {
      for (const tool of tools) console.error(tool.output());
      throw error;
    }
    assert.equal(platform.scores.filter((s) => s.userId === 'learner-1').length, 1);
    assert.equal(balancer.hits.size, 2, 'both processes served requests');
  });
});
