import type { GradeOutbox } from './grade-service.ts';
import type { ToolKeys } from './keys.ts';
import type { ServedCourses } from './served-courses.ts';
import type { LtiStore } from './storage/store.ts';
import type { PlatformKeySets } from './verify-id-token.ts';

/** What every route needs; nothing in here holds state a second tool process would need. */
export interface ToolContext {
  store: LtiStore;
  keys: ToolKeys;
  keySets: PlatformKeySets;
  courses: ServedCourses;
  outbox: GradeOutbox;
  /** The tool's public base URL, no trailing slash (`http://127.0.0.1:8090`). */
  baseUrl: string;
  now: () => number;
  fetch: typeof fetch;
  launchLifetimeMs: number;
}

export const paths = {
  login: '/lti/login',
  launch: '/lti/launch',
  jwks: '/.well-known/jwks.json',
  deepLink: '/lti/deep-link',
  play: '/lti/play/',
  canvasConfig: '/lti/canvas.json',
  register: '/lti/register',
} as const;

/** The largest body each kind of request may have: a form (an id_token), progress, an answer. */
export const bodyLimits = { form: 64 * 1024, progress: 160 * 1024, answer: 16 * 1024 } as const;
