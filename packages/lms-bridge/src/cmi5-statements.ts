/**
 * The xAPI statements a cmi5 AU sends (cmi5 spec §9), as pure functions so every verb,
 * category and moveOn decision is unit-tested without a network. The rules the LMS
 * enforces on them are in lms-host's cmi5-rules.ts.
 */
import type { AnswerRecord, Outcome } from '@teach-in/course-schema';
import { interactionsFor } from './interactions.ts';
import { scorm2004Duration } from './time-format.ts';

export const xapiVerbs = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;
export type XapiVerb = keyof typeof xapiVerbs;
/** The verbs the AU itself may send from cmi5's defined set. */
export type ResultVerb = 'completed' | 'passed' | 'failed';

export const cmi5CategoryId = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const moveOnCategoryId = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const sessionIdExtensionId = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const masteryScoreExtensionId = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const interactionType = 'http://adlnet.gov/expapi/activities/cmi.interaction';

export type MoveOn =
  | 'Passed'
  | 'Completed'
  | 'CompletedAndPassed'
  | 'CompletedOrPassed'
  | 'NotApplicable';
export type LaunchMode = 'Normal' | 'Browse' | 'Review';

export interface Activity {
  id: string;
  objectType?: 'Activity';
  definition?: Record<string, unknown>;
}

export interface ContextTemplate {
  contextActivities?: Record<string, Activity[] | undefined>;
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The `LMS.LaunchData` state document (cmi5 spec §10), the parts the AU uses. */
export interface LaunchData {
  contextTemplate: ContextTemplate;
  launchMode: LaunchMode;
  moveOn?: MoveOn;
  masteryScore?: number;
  returnURL?: string;
}

/** The launch URL's parameters (cmi5 spec §8.1). */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

export interface XapiStatement {
  id: string;
  actor: Record<string, unknown>;
  verb: { id: string; display: { 'en-US': string } };
  object: Activity;
  result?: {
    completion?: boolean;
    success?: boolean;
    score?: { scaled: number; raw?: number; min?: number; max?: number };
    duration?: string;
    response?: string;
  };
  context: ContextTemplate & { registration: string };
  timestamp: string;
}

export interface StatementContext {
  launch: Cmi5Launch;
  launchData: LaunchData;
  /** A fresh statement id (crypto.randomUUID in the browser). */
  newId: () => string;
  now: Date;
}

/** Verbs that already reached the LMS in this registration (kept in the xAPI state). */
export interface Sent {
  completed: boolean;
  passed: boolean;
}

/**
 * Which result verbs to send on finish, in order: `completed` before `passed`/`failed`.
 * - Browse and Review are looks, not attempts: nothing (cmi5 spec §10.2.2).
 * - `completed` once per registration, when the course's completion rule is met.
 * - `passed` or `failed` when there is an assessment; never again after `passed`.
 * - A course without an assessment that the LMS wants passed (moveOn Passed or
 *   CompletedAndPassed) is passed by completing it, so the learner can move on.
 */
export function resultVerbs(
  outcome: Outcome,
  launchData: Pick<LaunchData, 'launchMode' | 'moveOn'>,
  sent: Sent,
): ResultVerb[] {
  if (launchData.launchMode !== 'Normal') return [];
  const verbs: ResultVerb[] = [];
  if (outcome.completed && !sent.completed) verbs.push('completed');
  if (sent.passed) return verbs;
  const lmsWantsPassed =
    launchData.moveOn === 'Passed' || launchData.moveOn === 'CompletedAndPassed';
  if (outcome.passed === true) verbs.push('passed');
  else if (outcome.passed === false) verbs.push('failed');
  else if (lmsWantsPassed && outcome.completed) verbs.push('passed');
  return verbs;
}

/**
 * The outcome judged by the LMS's mastery score when it sets one: the AU must use it
 * instead of its own passing score (cmi5 spec §10.2.4).
 */
export function withMasteryScore(outcome: Outcome, masteryScore: number | undefined): Outcome {
  if (masteryScore === undefined || outcome.scorePercent === null || outcome.passed === null) {
    return outcome;
  }
  return { ...outcome, passed: outcome.scorePercent / 100 >= masteryScore };
}

const withCategory = (template: ContextTemplate, ids: readonly string[]): ContextTemplate => {
  const activities = template.contextActivities ?? {};
  const category = [...(activities.category ?? [])];
  for (const id of ids) {
    if (!category.some((c) => c.id === id)) category.push({ id, objectType: 'Activity' });
  }
  return { ...template, contextActivities: { ...activities, category } };
};

function base(
  verb: XapiVerb,
  object: Activity,
  context: ContextTemplate,
  { launch, newId, now }: StatementContext,
): XapiStatement {
  return {
    id: newId(),
    actor: launch.actor,
    verb: { id: xapiVerbs[verb], display: { 'en-US': verb } },
    object,
    context: { ...context, registration: launch.registration },
    timestamp: now.toISOString(),
  };
}

/** The LMS's contextTemplate (which holds the session id) merged with what every statement needs. */
function templateOf(launchData: LaunchData, sessionId: string | undefined): ContextTemplate {
  const template = launchData.contextTemplate;
  if (!sessionId) return template;
  return { ...template, extensions: { ...template.extensions, [sessionIdExtensionId]: sessionId } };
}

export function sessionIdOf(launchData: LaunchData): string | undefined {
  const id = launchData.contextTemplate.extensions?.[sessionIdExtensionId];
  return typeof id === 'string' ? id : undefined;
}

/** A cmi5 defined statement: initialized, completed, passed, failed or terminated. */
export function cmi5Statement(
  verb: ResultVerb | 'initialized' | 'terminated',
  ctx: StatementContext,
  details: { outcome?: Outcome; durationMs?: number } = {},
): XapiStatement {
  const isResult = verb === 'completed' || verb === 'passed' || verb === 'failed';
  const { masteryScore } = ctx.launchData;
  const sessionTemplate = templateOf(ctx.launchData, sessionIdOf(ctx.launchData));
  // passed and failed carry the mastery score the LMS gave (cmi5 spec §9.6.3.1, §9.6.3.2).
  const template =
    (verb === 'passed' || verb === 'failed') && masteryScore !== undefined
      ? {
          ...sessionTemplate,
          extensions: { ...sessionTemplate.extensions, [masteryScoreExtensionId]: masteryScore },
        }
      : sessionTemplate;
  const context = withCategory(
    template,
    isResult ? [cmi5CategoryId, moveOnCategoryId] : [cmi5CategoryId],
  );
  const statement = base(verb, { id: ctx.launch.activityId, objectType: 'Activity' }, context, ctx);
  const duration =
    details.durationMs === undefined ? undefined : scorm2004Duration(details.durationMs);
  if (verb === 'initialized') return statement;
  const result: NonNullable<XapiStatement['result']> = {};
  if (verb === 'completed') result.completion = true;
  if (verb === 'passed' || verb === 'failed') {
    result.success = verb === 'passed';
    const percent = details.outcome?.scorePercent;
    if (percent !== null && percent !== undefined) {
      const raw = Math.max(0, Math.min(100, Math.round(percent)));
      result.score = { scaled: raw / 100, raw, min: 0, max: 100 };
    }
  }
  if (duration) result.duration = duration;
  return { ...statement, result };
}

/**
 * A "cmi5 allowed" statement for one final answer (cmi5 spec §9.6.2): xAPI `answered`
 * with the interaction definition, and no cmi5 category. Responses use the xAPI
 * interaction grammar, which is SCORM 2004's (`a[,]b`, `a[.]1`). Private reflections: none.
 */
export function answeredStatements(answer: AnswerRecord, ctx: StatementContext): XapiStatement[] {
  if (answer.private || !answer.final) return [];
  const template = templateOf(ctx.launchData, sessionIdOf(ctx.launchData));
  const activities = template.contextActivities ?? {};
  const parent = [
    ...(activities.parent ?? []),
    { id: ctx.launch.activityId, objectType: 'Activity' as const },
  ];
  const context = { ...template, contextActivities: { ...activities, parent } };
  return interactionsFor(answer, 'scorm2004').map((interaction) => {
    const object: Activity = {
      id: `${ctx.launch.activityId}/interaction/${encodeURIComponent(interaction.id)}`,
      objectType: 'Activity',
      definition: {
        type: interactionType,
        interactionType: interaction.type,
        description: { 'en-US': interaction.description.slice(0, 1000) },
        ...(interaction.patterns.length > 0
          ? { correctResponsesPattern: interaction.patterns }
          : {}),
      },
    };
    const statement = base('answered', object, context, ctx);
    const success =
      interaction.result === 'correct'
        ? true
        : interaction.result === 'incorrect'
          ? false
          : undefined;
    return {
      ...statement,
      result: {
        response: interaction.response,
        ...(success === undefined ? {} : { success }),
        duration: scorm2004Duration(answer.latencyMs),
      },
      timestamp: answer.timestamp.toISOString(),
    };
  });
}

/** Reads the launch parameters from the AU's URL; undefined when it was not launched by a cmi5 LMS. */
export function readLaunch(search: string): Cmi5Launch | undefined {
  const params = new URLSearchParams(search);
  const endpoint = params.get('endpoint');
  const fetchUrl = params.get('fetch');
  const actor = params.get('actor');
  const registration = params.get('registration');
  const activityId = params.get('activityId');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return undefined;
  try {
    const parsed = JSON.parse(actor) as unknown;
    if (!parsed || typeof parsed !== 'object') return undefined;
    return {
      endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
      fetch: fetchUrl,
      actor: parsed as Record<string, unknown>,
      registration,
      activityId,
    };
  } catch {
    return undefined;
  }
}
