import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCourse } from '@teach-in/course-parser';
import type { Course } from '@teach-in/course-schema';
import { type RunningLtiTool, registerPlatform, startLtiTool } from '../src/index.ts';
import { type LaunchMessage, startTestPlatform, type TestPlatform } from '../test-support/index.ts';

export function fixtureCourse(): Course {
  const loaded = loadCourse(path.join(import.meta.dirname, 'fixtures/lti-course'));
  if (!loaded.course) throw new Error('fixture course did not load');
  return loaded.course;
}

export interface Pair {
  tool: RunningLtiTool;
  platform: TestPlatform;
  close(): Promise<void>;
}

/** A tool and a test platform that know each other (manual registration). */
export async function startPair(options: { databaseUrl?: string; register?: boolean } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-lti-'));
  const platform = await startTestPlatform({
    members: [
      { user: 'learner-1', role: 'learner' },
      { user: 'learner-2', role: 'learner' },
      { user: 'teacher-1', role: 'instructor' },
    ],
  });
  const tool = await startLtiTool({
    courses: [fixtureCourse()],
    dataDir,
    databaseUrl: options.databaseUrl,
    gradePollMs: 200,
    log: () => {},
  });
  platform.registerTool({
    loginUrl: `${tool.url}/lti/login`,
    launchUrl: `${tool.url}/lti/launch`,
    jwksUrl: `${tool.url}/.well-known/jwks.json`,
  });
  if (options.register !== false) {
    await registerPlatform({ store: tool.store, now: Date.now }, platform.manualRegistration());
  }
  return {
    tool,
    platform,
    async close() {
      await tool.close();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  } satisfies Pair;
}

/** The hidden fields of an auto-posting form, and where it posts. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}

export const post = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

/**
 * What a browser does on a launch, without one: the login redirect, the platform's
 * auto-posting form, and the launch POST. Returns the launch response (unfollowed).
 */
export async function launchAs(platform: TestPlatform, message: LaunchMessage) {
  const login = await fetch(platform.loginUrl(message), { redirect: 'manual' });
  if (login.status !== 302)
    throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const auth = await fetch(login.headers.get('location') ?? '', { redirect: 'manual' });
  if (auth.status !== 200) throw new Error(`auth answered ${auth.status}: ${await auth.text()}`);
  const form = formOf(await auth.text());
  const response = await post(form.action, form.fields);
  return { response, form };
}
