import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCourse } from '@teach-in/course-parser';
import type { Course } from '@teach-in/course-schema';
import { type RunningLtiTool, registerPlatform, startLtiTool } from '../src/index.ts';
import { startTestPlatform, type TestPlatform } from '../test-support/index.ts';

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

export {
  formOf,
  launchWithoutBrowser as launchAs,
  postForm as post,
} from '../test-support/index.ts';
