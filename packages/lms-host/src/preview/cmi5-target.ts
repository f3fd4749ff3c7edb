/**
 * The preview's cmi5 entry: the cmi5 LMS (cmi5-lms.ts) mounted on the preview server. Each
 * page view is a new session of the current registration; a fresh attempt is a new
 * registration; the data panel is fed the statements and state documents of that registration.
 */
import { Hono } from '@teach-in/http-kit';
import { cmi5Paths } from '../cmi5/routes.ts';
import { readCmi5Course } from '../cmi5-course.ts';
import { cmi5StoreFile } from '../cmi5-host.ts';
import { type Cmi5Lms, createCmi5Lms } from '../cmi5-lms.ts';
import { Cmi5Store } from '../cmi5-store.ts';
import type { LaunchContext, PanelSend, PreviewServerContext, TargetLms } from './target-lms.ts';

const decoder = new TextDecoder();

export function cmi5PreviewLms(server: PreviewServerContext): TargetLms {
  /** The LMS of the course last launched; a new course id (an edited cmi5.xml) gets its own. */
  let current: Cmi5Lms | undefined;
  const panels = new Set<PanelSend>();
  // The LMS's endpoints, answered by the current LMS; none launched yet: not found.
  const routes = new Hono();
  for (const path of cmi5Paths) {
    routes.all(path, (c) => (current ? current.routes.fetch(c.req.raw) : c.notFound()));
  }

  const lmsFor = (context: LaunchContext): Cmi5Lms => {
    const xml = context.files.read('cmi5.xml');
    if (!xml) throw new Error('The cmi5 package has no cmi5.xml.');
    const course = readCmi5Course(decoder.decode(xml));
    if (current?.course.courseId === course.courseId) return current;
    const store = new Cmi5Store(
      server.dataDir
        ? cmi5StoreFile(server.dataDir, course.courseId, server.learner.id)
        : undefined,
    );
    const lms = createCmi5Lms({ course, learner: server.learner, store });
    lms.onChange((change) => {
      // Only the attempt on screen: earlier registrations are history.
      if (lms !== current) return;
      if (change.kind === 'statement' && change.entry.registration === lms.registration) {
        for (const send of panels) send('statement', change.entry);
      }
      if (change.kind === 'state' && change.registration === lms.registration) {
        for (const send of panels) send('state', lms.statesOf(lms.registration));
      }
    });
    current = lms;
    return lms;
  };

  return {
    launch(context) {
      const lms = lmsFor(context);
      if (/^[a-z][a-z0-9+.-]*:/i.test(lms.course.au.url)) {
        throw new Error('The preview runs only an AU inside the package, not one at another URL.');
      }
      // Relative to the package root: the preview serves the files under /content/cmi5/.
      return lms.launch({ origin: context.origin, contentBase: '', mode: 'Normal' });
    },
    routes: [routes],
    reset() {
      current?.newRegistration();
    },
    feed(send) {
      if (current) {
        const lms = current;
        for (const entry of lms.log()) {
          if (entry.registration === lms.registration) send('statement', entry);
        }
        send('state', lms.statesOf(lms.registration));
      }
      panels.add(send);
      return () => panels.delete(send);
    },
  };
}
