/**
 * Facilitator token attempts. The token is about 99 random bits, so guessing is hopeless
 * and locking an address out protects nothing: it would only lock out the facilitator who
 * shares the hall's router with a guesser. So the right token is always checked and always
 * let in; wrong ones are counted per address and answered more and more slowly.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface LoginSlowdown {
  /** Wrong tokens answered at once (typing mistakes). */
  freeAttempts: number;
  /** Added wait for each wrong token past the free ones. */
  stepMs: number;
  /** The longest wait. */
  maxMs: number;
  /** Wrong answers waiting at once, over every address; past it they are refused at once. */
  maxWaiting: number;
}

export const defaultLoginSlowdown: LoginSlowdown = {
  freeAttempts: 10,
  stepMs: 500,
  maxMs: 10_000,
  maxWaiting: 200,
};

/** Wrong tokens from an address are forgotten after this long without another. */
const forgetAfterMs = 10 * 60_000;

export class LoginGuard {
  readonly #counts = new Map<string, { failures: number; at: number }>();
  #waiting = 0;

  constructor(
    private readonly rule: LoginSlowdown,
    private readonly now: () => number,
  ) {}

  /** The right token: the address's count starts again. */
  succeeded(address: string): void {
    this.#counts.delete(address);
  }

  /**
   * A wrong token: waits as long as this address has earned, then resolves true; false
   * when too many wrong answers are already waiting (answer 429 at once), which bounds
   * the connections a guessing script can hold open.
   */
  async failed(address: string): Promise<boolean> {
    const over = this.#count(address) - this.rule.freeAttempts;
    if (over <= 0) return true;
    if (this.#waiting >= this.rule.maxWaiting) return false;
    this.#waiting++;
    try {
      await sleep(Math.min(this.rule.maxMs, over * this.rule.stepMs));
    } finally {
      this.#waiting--;
    }
    return true;
  }

  #count(address: string): number {
    const now = this.now();
    const previous = this.#counts.get(address);
    const recent = previous && now - previous.at < forgetAfterMs;
    const failures = recent ? previous.failures + 1 : 1;
    this.#counts.set(address, { failures, at: now });
    if (this.#counts.size > 10_000) {
      for (const [key, entry] of this.#counts) {
        if (now - entry.at >= forgetAfterMs) this.#counts.delete(key);
      }
    }
    return failures;
  }
}
