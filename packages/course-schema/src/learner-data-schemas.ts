/**
 * The parts of the learner-data contract (learner-data.ts) that a server receives from a
 * browser, as zod schemas; each is checked below to infer exactly the contract's type.
 */
import { z } from 'zod';
import type { AnswerDetail, Outcome } from './learner-data.ts';

export const outcomeSchema = z.strictObject({
  completed: z.boolean(),
  passed: z.boolean().nullable(),
  scorePercent: z.number().min(0).max(100).nullable(),
});

/** Response tokens: short ids, except typed text (fill-in, reflection). */
export const responseSchema = z.array(z.string().min(1).max(2000)).max(200);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const outcomeMatches: Same<z.infer<typeof outcomeSchema>, Outcome> = true;
const responseMatches: Same<
  Readonly<z.infer<typeof responseSchema>>,
  AnswerDetail['response']
> = true;
void outcomeMatches;
void responseMatches;
