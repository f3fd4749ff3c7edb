/**
 * The longest state a course can produce, computed by encoding it: every page seen, every
 * pool fully drawn, every question done with the most attempts and its longest response
 * (every choice picked, every pair filled, typed text at the stored maximum in characters
 * that take three UTF-8 bytes each), the largest seed and time. Each field of the format
 * has a length fixed by the layout or bounded by these choices, so no real run can be
 * longer.
 */
import type { SavedState } from '@teach-in/course-schema';
import { encodeState } from './codec.ts';
import type { CourseLayout, ResponseDomain } from './layout.ts';

/** U+0800 is the first character that takes three UTF-8 bytes (four base64url digits). */
const widestChar = '\u0800';

function longestResponse(domain: ResponseDomain): string[] {
  switch (domain.kind) {
    case 'set':
      return [...domain.ids];
    case 'pairs':
      return domain.keys.map((key) => `${key.id}.${key.values.at(-1)}`);
    case 'order':
      return [...domain.ids];
    case 'point':
      return [String(domain.points)];
    case 'text':
      return [widestChar.repeat(domain.maxLength)];
    case 'none':
      return [];
  }
}

export function worstCaseState(layout: CourseLayout): SavedState {
  return {
    page: layout.pages.length - 1,
    seen: layout.pages.map((_, i) => i),
    answers: Object.fromEntries(
      layout.questions.map((q) => [
        q.id,
        { response: longestResponse(q.domain), attempts: 31, done: true },
      ]),
    ),
    pools: Object.fromEntries(layout.pools.map((p) => [p.key, [...p.members]])),
    seed: 0xffffffff,
    finished: true,
  };
}

/** The length of the longest suspend_data this course can write. */
export function worstCaseStateLength(layout: CourseLayout): number {
  // The largest time the six digits hold, so the bound does not depend on today's date.
  return encodeState(worstCaseState(layout), layout, 64 ** 6 * 1000 - 1000).length;
}

/** What each SCORM version's `cmi.suspend_data` holds (conformance.md). */
export const suspendDataLimits = { scorm12: 4096, scorm2004: 64000 } as const;
