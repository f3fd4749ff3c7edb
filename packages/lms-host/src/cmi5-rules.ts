/**
 * The statement rules a cmi5 LMS enforces (cmi5 spec §9.3, §9.6, §6.3, summarized in
 * docs/conformance-notes.md): it should reject statements that break them. Pure functions,
 * so the host and the tests share one definition.
 */

export const cmi5Verbs = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
} as const;
export type Cmi5Verb = keyof typeof cmi5Verbs;

export const sessionIdExtension = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const masteryScoreExtension = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const moveOnCategory = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const cmi5Category = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';

/** Verbs only the LMS may send. */
const lmsVerbs: readonly Cmi5Verb[] = ['launched', 'abandoned', 'waived', 'satisfied'];

export interface Statement {
  id?: string;
  actor?: unknown;
  verb?: { id?: string };
  object?: { id?: string };
  result?: { success?: boolean; completion?: boolean; score?: { scaled?: number } };
  context?: {
    registration?: string;
    extensions?: Record<string, unknown>;
    contextActivities?: { category?: { id?: string }[] };
  };
  timestamp?: string;
}

/** What the LMS set up at launch: the statements must match it. */
export interface Cmi5Session {
  registration: string;
  sessionId: string;
  activityId: string;
  masteryScore?: number;
}

/** The statements the AU already sent in this registration, oldest first. */
export interface Cmi5History {
  /** Verbs sent in this session. */
  session: Cmi5Verb[];
  /** Verbs sent in any session of this registration. */
  registration: Cmi5Verb[];
}

export function verbOf(statement: Statement): Cmi5Verb | undefined {
  const id = statement.verb?.id;
  return (Object.keys(cmi5Verbs) as Cmi5Verb[]).find((verb) => cmi5Verbs[verb] === id);
}

const categories = (s: Statement): string[] =>
  s.context?.contextActivities?.category?.map((c) => c.id ?? '') ?? [];

/** Every rule the statement breaks, in words; empty when it may be stored. */
export function cmi5Violations(
  statement: Statement,
  session: Cmi5Session,
  history: Cmi5History,
): string[] {
  const problems: string[] = [];
  const verb = verbOf(statement);
  if (!verb) return [`verb ${statement.verb?.id ?? '(none)'} is not a cmi5 defined verb`];
  if (lmsVerbs.includes(verb)) problems.push(`only the LMS may send "${verb}"`);
  if (statement.object?.id !== session.activityId) {
    problems.push(`object id must be the AU's activity id ${session.activityId}`);
  }
  if (statement.context?.registration !== session.registration) {
    problems.push('context.registration must be the launch registration');
  }
  if (statement.context?.extensions?.[sessionIdExtension] !== session.sessionId) {
    problems.push('the session id extension must be the launch session id');
  }
  if (!categories(statement).includes(cmi5Category)) {
    problems.push('a cmi5 defined statement carries the cmi5 category');
  }
  const { session: sent, registration } = history;
  if (sent.includes('terminated')) problems.push('nothing may follow "terminated"');
  if (verb !== 'initialized' && !sent.includes('initialized')) {
    problems.push(`the first statement must be "initialized", not "${verb}"`);
  }
  if (verb === 'initialized' && sent.includes('initialized')) {
    problems.push('"initialized" may be sent once per session');
  }
  if (verb === 'completed' && registration.includes('completed')) {
    problems.push('"completed" may be sent once per registration');
  }
  if ((verb === 'passed' || verb === 'failed') && registration.includes('passed')) {
    problems.push(`no "${verb}" after "passed" in a registration`);
  }
  if (verb === 'failed' && sent.includes('failed')) {
    problems.push('"failed" may be sent once per session');
  }
  if (verb === 'passed' || verb === 'failed') {
    const success = statement.result?.success;
    if (success !== (verb === 'passed')) {
      problems.push(`"${verb}" needs result.success ${verb === 'passed'}`);
    }
    // §9.6.3.1/.2: when the LMS gave a mastery score, passed and failed carry it back.
    if (
      session.masteryScore !== undefined &&
      statement.context?.extensions?.[masteryScoreExtension] !== session.masteryScore
    ) {
      problems.push(`"${verb}" carries the masteryscore extension ${session.masteryScore}`);
    }
    const scaled = statement.result?.score?.scaled;
    if (session.masteryScore !== undefined && scaled !== undefined) {
      if (verb === 'passed' && scaled < session.masteryScore) {
        problems.push(
          `"passed" with score ${scaled} below the mastery score ${session.masteryScore}`,
        );
      }
      if (verb === 'failed' && scaled >= session.masteryScore) {
        problems.push(`"failed" with score ${scaled} at or above the mastery score`);
      }
    }
  }
  if (verb === 'completed' && statement.result?.completion !== true) {
    problems.push('"completed" needs result.completion true');
  }
  if (
    ['completed', 'passed', 'failed'].includes(verb) &&
    !categories(statement).includes(moveOnCategory)
  ) {
    problems.push(`"${verb}" carries the moveOn category`);
  }
  return problems;
}
