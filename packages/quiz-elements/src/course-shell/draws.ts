/**
 * Question pools and shuffle seeds. One course seed per attempt: every draw and every
 * question's shuffle derives from it, so a learner who comes back sees the same
 * questions in the same order, and a new attempt (no saved state) gets a new seed.
 */
import { fnv1a, mulberry32 } from '@teach-in/course-schema/seeded-random';

/** A fresh 32-bit seed for a new attempt. */
export function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** The seed one question shuffles with: distinct per question, stable per attempt. */
export function questionSeed(courseSeed: number, questionId: string): number {
  return (fnv1a(questionId) ^ Math.imul(courseSeed >>> 0, 0x9e3779b1)) >>> 0;
}

/**
 * `count` of `ids` (authored order), picked with the course seed and the pool's key; the
 * result keeps authored order, so the page reads as written.
 */
export function drawFromPool(
  ids: readonly string[],
  count: number,
  courseSeed: number,
  poolKey: string,
): string[] {
  const next = mulberry32(courseSeed ^ fnv1a(poolKey));
  const deck = [...ids];
  for (let i = 0; i < Math.min(count, deck.length); i++) {
    const j = i + Math.floor(next() * (deck.length - i));
    [deck[i], deck[j]] = [deck[j]!, deck[i]!];
  }
  const drawn = new Set(deck.slice(0, count));
  return ids.filter((id) => drawn.has(id));
}

/**
 * The draws for every pool: saved draws are kept when they still fit the course (same
 * size, every id still in the pool); otherwise the pool is drawn from the seed.
 */
export function drawPools(
  poolQuestions: ReadonlyMap<string, readonly string[]>,
  draws: Readonly<Record<string, number>>,
  courseSeed: number,
  saved: Readonly<Record<string, readonly string[]>> = {},
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, ids] of poolQuestions) {
    const count = Math.min(draws[key] ?? ids.length, ids.length);
    const kept = saved[key];
    const stillFits =
      Array.isArray(kept) && kept.length === count && kept.every((id) => ids.includes(id));
    result[key] = stillFits
      ? ids.filter((id) => kept.includes(id))
      : drawFromPool(ids, count, courseSeed, key);
  }
  return result;
}
