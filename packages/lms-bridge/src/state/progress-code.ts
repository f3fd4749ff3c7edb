/**
 * A progress code a learner copies to carry progress to another device (the web copy has
 * no LMS): `<course id>*<version>*<state>*<check>`. The check is a hash of the rest, so a
 * code cut short or mistyped is refused rather than half-restored.
 */
import type { SavedState } from '@teach-in/course-schema';
import { hashDigits } from './base64url.ts';
import { type Decoded, decodeState, encodeState } from './codec.ts';
import type { CourseLayout } from './layout.ts';

const separator = '*';

export function progressCode(
  state: SavedState,
  layout: CourseLayout,
  savedAt = Date.now(),
): string {
  const body = [layout.courseId, layout.version, encodeState(state, layout, savedAt)].join(
    separator,
  );
  return `${body}${separator}${hashDigits(body)}`;
}

export type ProgressCodeResult =
  | { ok: true; decoded: Decoded; fromVersion: string }
  | { ok: false; reason: 'malformed' | 'checksum' | 'other-course' };

export function readProgressCode(code: string, layout: CourseLayout): ProgressCodeResult {
  const cleaned = code.replace(/\s+/g, '');
  const parts = cleaned.split(separator);
  if (parts.length !== 4) return { ok: false, reason: 'malformed' };
  const [courseId = '', version = '', state = '', check = ''] = parts;
  if (hashDigits(parts.slice(0, 3).join(separator)) !== check) {
    return { ok: false, reason: 'checksum' };
  }
  if (courseId !== layout.courseId) return { ok: false, reason: 'other-course' };
  return { ok: true, decoded: decodeState(state, layout), fromVersion: version };
}
