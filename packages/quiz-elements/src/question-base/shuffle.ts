/**
 * Seeded shuffles: the same seed and question give the same order on every visit, so a
 * returning learner finds the choices where they left them. No Math.random anywhere.
 */
import { fnv1a, mulberry32 } from '@teach-in/course-schema/seeded-random';

/** A Fisher-Yates shuffle driven by the course seed and a key (question id, blank id...). */
export function seededShuffle<T>(items: readonly T[], seed: number, key: string): T[] {
  const random = mulberry32(fnv1a(`${seed}:${key}`));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A seeded order that is never the given one (when there is more than one item). */
export function seededDerangedOrder<T>(items: readonly T[], seed: number, key: string): T[] {
  const out = seededShuffle(items, seed, key);
  const same = out.every((item, i) => item === items[i]);
  // Rotating the identity by one moves every item: still seeded, never already right.
  return same && out.length > 1 ? [...out.slice(1), out[0] as T] : out;
}
