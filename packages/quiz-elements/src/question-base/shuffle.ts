/**
 * Seeded shuffles: the same seed and question give the same order on every visit, so a
 * returning learner finds the choices where they left them. No Math.random anywhere.
 */

/** FNV-1a: a tiny string hash, to mix the question id into the course seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG with good enough spread for shuffling a few items. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher-Yates shuffle driven by the course seed and a key (question id, blank id...). */
export function seededShuffle<T>(items: readonly T[], seed: number, key: string): T[] {
  const random = mulberry32(hash(`${seed}:${key}`));
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
