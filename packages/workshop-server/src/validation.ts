import { outcomeSchema, responseSchema } from '@teach-in/course-schema';
import { z } from 'zod';
import { nicknameMaxLength } from './pages.ts';

/** Body size limits, in bytes. A course state holds up to 64,000 characters, as in SCORM 2004. */
export const bodyLimits = {
  progress: 160 * 1024,
  answer: 16 * 1024,
  form: 2 * 1024,
} as const;

export const stateMaxLength = 64_000;

const writer = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(200);

export const progressBody = z.strictObject({
  writer,
  seq,
  state: z.string().max(stateMaxLength).optional(),
  location: id.optional(),
  outcome: outcomeSchema.optional(),
});

export const answerBody = z.strictObject({
  writer,
  seq,
  questionId: id,
  // Typed text (fill-in, reflection) is checked, never kept.
  response: responseSchema,
});

// Control characters and bidirectional overrides: they could disguise a name or break a line.
const forbiddenInNickname = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A trimmed, NFC nickname of 1 to 40 characters, or the reason it is refused. */
export function checkNickname(raw: string | null): { nickname: string } | { problem: string } {
  const nickname = (raw ?? '').normalize('NFC').trim();
  if (nickname.length === 0) return { problem: 'Please type a nickname.' };
  if ([...nickname].length > nicknameMaxLength) {
    return { problem: `A nickname has at most ${nicknameMaxLength} characters.` };
  }
  if (forbiddenInNickname.test(nickname)) {
    return { problem: 'The nickname has characters that cannot be shown.' };
  }
  return { nickname };
}
