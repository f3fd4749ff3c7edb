import { HttpError } from './http-error.ts';

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

  /** Takes one token for `key`, or refuses the request (429, try again in a minute). */
  takeOrRefuse(key: string): void {
    if (!this.take(key)) {
      throw new HttpError(429, 'Too many requests; wait a moment and try again.', {
        'retry-after': '60',
      });
    }
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const refilled = bucket.tokens + ((now - bucket.at) / 60_000) * this.rule.perMinute;
      if (refilled >= this.rule.burst) this.#buckets.delete(key);
    }
  }
}
