/**
 * The LMS side of cmi5 (spec §8, §10, §11) as routes any local server can mount: launches
 * that open a session (cmi5/launch.ts), the one-time auth-token URL, and the xAPI statement
 * and state resources, which refuse statements that break the cmi5 rules (one file each in
 * cmi5/). `startCmi5Host` and the preview both serve it; only where the package's files
 * come from differs.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from '@teach-in/http-kit';
import { ActivityLog } from './cmi5/activity-log.ts';
import { launchSession } from './cmi5/launch.ts';
import type { Cmi5LmsSide } from './cmi5/lms-side.ts';
import { cmi5Routes } from './cmi5/routes.ts';
import type { Cmi5Change, Cmi5LaunchTarget, Cmi5Learner, Cmi5LogEntry } from './cmi5/types.ts';
import type { Cmi5CourseInfo } from './cmi5-course.ts';
import type { Cmi5Store } from './cmi5-store.ts';

// The shapes the route files share live in cmi5/types.ts, so they need not import this file.
export type {
  Cmi5Change,
  Cmi5LaunchMode,
  Cmi5LaunchTarget,
  Cmi5Learner,
  Cmi5LogEntry,
} from './cmi5/types.ts';

export interface Cmi5Lms {
  readonly course: Cmi5CourseInfo;
  /** The current registration (enrolment). */
  readonly registration: string;
  /** A new session: LMS.LaunchData written, `launched` recorded; the AU's launch URL. */
  launch(target: Cmi5LaunchTarget): string;
  /** A fresh attempt: a new registration; the next launch starts from nothing. */
  newRegistration(): string;
  /** Answers /cmi5/fetch/*, /xapi/statements and /xapi/activities/state: mount it. */
  readonly routes: Hono;
  /** Every statement handled since this LMS was created, accepted or not, oldest first. */
  log(): readonly Cmi5LogEntry[];
  /** The state documents of a registration by state id, parsed where they are JSON. */
  statesOf(registration: string): Record<string, unknown>;
  onChange(listener: (change: Cmi5Change) => void): () => void;
}

export function createCmi5Lms(options: {
  course: Cmi5CourseInfo;
  learner: Cmi5Learner;
  store: Cmi5Store;
  /** The enrolment's registration; the store's, or one made up, when not given. */
  registration?: string;
}): Cmi5Lms {
  const { course, learner, store } = options;
  let registration = store.registration(options.registration ?? randomUUID());
  const log = new ActivityLog(store.statements);
  const side: Cmi5LmsSide = { course, learner, store, log, registration: () => registration };
  return {
    course,
    get registration() {
      return registration;
    },
    launch: (target) => launchSession(side, target),
    newRegistration() {
      registration = randomUUID();
      store.startRegistration(registration);
      return registration;
    },
    routes: cmi5Routes(() => side),
    log: () => log.entries,
    statesOf(reg) {
      const documents: Record<string, unknown> = {};
      for (const [key, text] of Object.entries(store.states)) {
        const [, , keyRegistration, stateId] = JSON.parse(key) as string[];
        if (keyRegistration !== reg || !stateId) continue;
        try {
          documents[stateId] = JSON.parse(text) as unknown;
        } catch {
          documents[stateId] = text;
        }
      }
      return documents;
    },
    onChange: (listener) => log.onChange(listener),
  };
}
