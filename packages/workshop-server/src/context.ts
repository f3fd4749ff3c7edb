import type { IncomingMessage } from 'node:http';
import type { ServedCourse } from './courses.ts';
import { parseCookies } from './http.ts';
import type { LiveUpdates } from './live.ts';
import type { LoginGuard } from './login-guard.ts';
import { hashSecret, type RateLimiter, type RateLimits } from './security.ts';
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

export function participantOf(
  context: WorkshopContext,
  request: IncomingMessage,
): Participant | undefined {
  const session = parseCookies(request).get(cookieNames.participant);
  if (!session || session.length > 100) return undefined;
  return context.store.participantBySession(hashSecret(session));
}

export function isFacilitator(context: WorkshopContext, request: IncomingMessage): boolean {
  const session = parseCookies(request).get(cookieNames.facilitator);
  return !!session && session.length <= 100 && context.facilitatorSessions.has(hashSecret(session));
}

export function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}
