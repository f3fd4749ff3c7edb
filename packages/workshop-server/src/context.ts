import { type Context, type RateLimiter, sessionCookieOf } from '@teach-in/http-kit';
import type { ServedCourse } from './courses.ts';
import type { LiveUpdates } from './live.ts';
import type { LoginGuard } from './login-guard.ts';
import { hashSecret, type RateLimits } from './security.ts';
import type { Participant, WorkshopStore } from './store.ts';

export const cookieNames = {
  participant: 'ti_participant',
  facilitator: 'ti_facilitator',
} as const;

/** What every route handler shares: one per running server, never global. */
export interface WorkshopContext {
  store: WorkshopStore;
  courses: ReadonlyMap<string, ServedCourse>;
  limiters: Record<keyof RateLimits, RateLimiter>;
  loginGuard: LoginGuard;
  retentionDays: number;
  token: string;
  /** Hashes of the facilitator's session cookies; in memory, so a restart asks again. */
  facilitatorSessions: Set<string>;
  live: LiveUpdates;
  joinUrl: () => string;
}

export function participantOf(context: WorkshopContext, c: Context): Participant | undefined {
  const session = sessionCookieOf(c, cookieNames.participant);
  return session ? context.store.participantBySession(hashSecret(session)) : undefined;
}

export function isFacilitator(context: WorkshopContext, c: Context): boolean {
  const session = sessionCookieOf(c, cookieNames.facilitator);
  return !!session && context.facilitatorSessions.has(hashSecret(session));
}

/** What every route handler is: the server's context and the request's. */
export type Handler = (context: WorkshopContext, c: Context) => Response | Promise<Response>;
