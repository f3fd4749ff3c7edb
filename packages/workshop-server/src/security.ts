import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { RateRule } from '@teach-in/http-kit';

export type { RateRule } from '@teach-in/http-kit';

/** A session id for a cookie: 256 random bits. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the cookie, so a copied database opens no session. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

// No 0/o, 1/l/i: the facilitator may read the token off a terminal and type it.
const tokenAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The facilitator token: 20 characters (about 99 bits) in groups of four. */
export function newFacilitatorToken(): string {
  const chars = Array.from({ length: 20 }, () => tokenAlphabet[randomInt(tokenAlphabet.length)]);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** Compares in constant time; spaces, dashes and case are forgiven. */
export function tokenMatches(typed: string, token: string): boolean {
  const normalize = (value: string) => value.toLowerCase().replace(/[\s-]/g, '');
  const a = createHash('sha256').update(normalize(typed)).digest();
  const b = createHash('sha256').update(normalize(token)).digest();
  return timingSafeEqual(a, b);
}

/**
 * The rate limits; a workshop of 200 phones behind one hall router (one address, NAT)
 * stays below them. Facilitator token attempts are not limited but slowed (login-guard.ts).
 */
export interface RateLimits {
  /** Joins per IP address: a whole hall may share one. */
  join: RateRule;
  /** Joins from every address together: the cap on a flood from many addresses. */
  joinTotal: RateRule;
  /** Answers and poll votes per participant. */
  answer: RateRule;
  /** Progress saves per participant (one per page view). */
  progress: RateRule;
}

export const defaultRateLimits: RateLimits = {
  join: { burst: 300, perMinute: 300 },
  joinTotal: { burst: 1000, perMinute: 1000 },
  answer: { burst: 60, perMinute: 60 },
  progress: { burst: 120, perMinute: 120 },
};
