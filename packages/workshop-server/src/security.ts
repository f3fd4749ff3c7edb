import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

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

export interface RateRule {
  /** Requests allowed at once. */
  burst: number;
  /** Requests regained per minute. */
  perMinute: number;
}

/**
 * Token buckets in memory, one per key (an IP address or a session). Memory stays bounded:
 * full buckets are dropped, since a missing bucket is a full one.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rule: RateRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the key has none left. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.rule.burst, at: now };
    const regained = ((now - bucket.at) / 60_000) * this.rule.perMinute;
    bucket.tokens = Math.min(this.rule.burst, bucket.tokens + regained);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.#buckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 10_000) this.#prune(now);
    return true;
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const refilled = bucket.tokens + ((now - bucket.at) / 60_000) * this.rule.perMinute;
      if (refilled >= this.rule.burst) this.#buckets.delete(key);
    }
  }
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

/** Every server page: its own files only, no framing, no referrer, no sniffing. */
export const pageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The learner page and its files: the course's own policy (its meta tag says the same),
 * plus no framing. Both policies apply, so neither can loosen the other.
 */
export const coursePageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'none'",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = {
  'content-security-policy': pageCsp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;
