import { type Context, HttpError, parseJson, readText } from '@teach-in/http-kit';
import type { Cmi5Store, LaunchSession } from '../cmi5-store.ts';

/** The largest statement batch or state document accepted. */
const bodyLimit = 1024 * 1024;

export const xapiVersionHeader = { 'x-experience-api-version': '1.0.3' } as const;

/** The session an xAPI request belongs to, by its version header and auth token. */
export function authorized(c: Context, store: Cmi5Store): LaunchSession {
  const version = c.req.header('x-experience-api-version');
  if (typeof version !== 'string' || !version.startsWith('1.0')) {
    throw new HttpError(400, 'X-Experience-API-Version 1.0.x is required');
  }
  const match = /^Basic (.+)$/.exec(c.req.header('authorization') ?? '');
  const session = match?.[1] ? store.sessionForToken(match[1]) : undefined;
  if (!session) throw new HttpError(401, 'Unknown or missing auth token');
  return session;
}

/** The body as text; xAPI clients label their JSON loosely, so the type is not checked. */
export const xapiBody = (c: Context) => readText(c, bodyLimit);

/** One key per (activity, agent, registration, state id); the agent by its JSON. */
export function stateKey(query: URLSearchParams): string {
  const activityId = query.get('activityId');
  const agent = query.get('agent');
  const stateId = query.get('stateId');
  if (!activityId || !agent || !stateId) {
    throw new HttpError(400, 'activityId, agent and stateId are required');
  }
  const normalized = JSON.stringify(parseJson(agent));
  return JSON.stringify([activityId, normalized, query.get('registration') ?? '', stateId]);
}

/** The request's query string as URLSearchParams. */
export const queryOf = (c: Context) => new URL(c.req.url).searchParams;
