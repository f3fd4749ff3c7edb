import type { Cmi5CourseInfo } from '../cmi5-course.ts';
import type { Cmi5Store } from '../cmi5-store.ts';
import type { ActivityLog } from './activity-log.ts';
import type { Cmi5Learner } from './types.ts';

/** What the launch and the route handlers of one cmi5 LMS share. */
export interface Cmi5LmsSide {
  course: Cmi5CourseInfo;
  learner: Cmi5Learner;
  store: Cmi5Store;
  log: ActivityLog;
  /** The current registration (enrolment). */
  registration(): string;
}

/** The learner as an xAPI agent. */
export function actorOf(learner: Cmi5Learner) {
  return {
    objectType: 'Agent',
    name: learner.name,
    // A fixed home page: the agent (and so its state) stays the same when the port changes.
    account: { homePage: 'https://teach-in.org/learners', name: learner.id },
  };
}
