/**
 * The hash and the generator behind every seeded choice at run time: pool draws and
 * shuffles (quiz-elements) and the id hashes of the saved state (lms-bridge). Neither is
 * for secrets. No zod, no DOM: browser code imports `@teach-in/course-schema/seeded-random`.
 */

/** FNV-1a's 32-bit offset basis; a different basis gives a differently salted hash. */
export const fnvOffsetBasis = 0x811c9dc5;

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a string. */
export function fnv1a(text: string, basis = fnvOffsetBasis): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator of numbers in [0, 1), good enough to pick and shuffle. */
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
