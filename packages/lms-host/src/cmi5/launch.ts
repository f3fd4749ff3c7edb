import { randomUUID } from 'node:crypto';
import { cmi5Category, cmi5Verbs, type Statement, sessionIdExtension } from '../cmi5-rules.ts';
import { entryOf } from './activity-log.ts';
import { actorOf, type Cmi5LmsSide } from './lms-side.ts';
import type { Cmi5LaunchTarget } from './types.ts';
import { stateKey } from './xapi-request.ts';

/**
 * A new session (cmi5 spec §8, §10): LMS.LaunchData written, `launched` recorded by the
 * LMS itself; returns the AU's launch URL with the endpoint, fetch URL, actor and registration.
 */
export function launchSession(side: Cmi5LmsSide, target: Cmi5LaunchTarget): string {
  const { course, store } = side;
  const { origin, contentBase, mode } = target;
  const { au } = course;
  const registration = side.registration();
  const mastery = au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore };
  const session = store.newSession({ registration, activityId: au.id, ...mastery });
  const contextTemplate = {
    contextActivities: { grouping: [{ id: course.courseId, objectType: 'Activity' }] },
    extensions: { [sessionIdExtension]: session.sessionId },
  };
  const launchData = {
    contextTemplate,
    launchMode: mode,
    launchMethod: au.launchMethod,
    moveOn: au.moveOn,
    ...mastery,
    returnURL: `${origin}/`,
  };
  const agent = actorOf(side.learner);
  const launchDataKey = stateKey(
    new URLSearchParams({
      activityId: au.id,
      agent: JSON.stringify(agent),
      registration,
      stateId: 'LMS.LaunchData',
    }),
  );
  store.setState(launchDataKey, JSON.stringify(launchData));
  const launched = store.recordByLms({
    id: randomUUID(),
    actor: agent,
    verb: { id: cmi5Verbs.launched },
    object: { id: au.id },
    context: {
      registration,
      extensions: {
        ...contextTemplate.extensions,
        'https://w3id.org/xapi/cmi5/context/extensions/launchmode': mode,
        'https://w3id.org/xapi/cmi5/context/extensions/moveon': au.moveOn,
      },
      contextActivities: { category: [{ id: cmi5Category }] },
    },
    timestamp: new Date().toISOString(),
  } as Statement);
  side.log.note(entryOf(launched, registration, 'lms', undefined));
  side.log.emit({ kind: 'state', registration });
  const query = new URLSearchParams({
    endpoint: `${origin}/xapi/`,
    fetch: `${origin}${session.fetchPath}`,
    actor: JSON.stringify(agent),
    registration,
    activityId: au.id,
  });
  const base = /^[a-z][a-z0-9+.-]*:/i.test(au.url) ? au.url : `${contentBase}${au.url}`;
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}
