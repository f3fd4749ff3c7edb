import { z } from 'zod';
import { fillInMaxLength } from './question-model.ts';
import type { QuestionType } from './question-types.ts';
import { slug } from './schemas.ts';

/**
 * The YAML of a ```quiz block, one strict schema per question type. Field names are
 * snake_case like the rest of the authoring format.
 */
// In question-model.ts, which has no zod, so the browser elements can use them too.
export { fillInMaxLength, reflectionMaxLength } from './question-model.ts';

const text = z.string().min(1);

const common = {
  id: slug,
  prompt: text,
  hint: text.optional(),
  /** Shown after the learner checks an answer, whatever it was. */
  explanation: text.optional(),
};

const graded = {
  ...common,
  /** false makes a knowledge check: feedback, but no part of the score. */
  graded: z.boolean().optional(),
  /** How many tries the learner gets; the right answer shows after the last. */
  attempts: z.number().int().min(1).max(10).optional(),
  /** Choices appear in a different order for each learner unless this is false. */
  shuffle: z.boolean().optional(),
  /** A pool defined in the module's front matter; the course draws some of its questions. */
  pool: slug.optional(),
};

/** Feedback for types without choices of their own. */
const verdictFeedback = z
  .strictObject({ correct: text.optional(), incorrect: text.optional() })
  .optional();

const choice = z.strictObject({
  text,
  correct: z.boolean().optional(),
  feedback: text.optional(),
});
const choices = z
  .array(choice)
  .min(2, 'a choice question needs at least two choices')
  .max(26, 'use at most 26 choices');

const statement = z.strictObject({ text, answer: z.boolean(), feedback: text.optional() });

const pair = z.strictObject({ left: text, right: text, feedback: text.optional() });

const scenarioChoice = z.strictObject({
  text,
  /** The consequence of this choice: what happens next. */
  feedback: text,
});

export const questionSchemas = {
  single: z.strictObject({ type: z.literal('single'), ...graded, choices }),
  multiple: z.strictObject({ type: z.literal('multiple'), ...graded, choices }),
  'true-false': z.strictObject({
    type: z.literal('true-false'),
    ...graded,
    statements: z.array(statement).min(1).max(26, 'use at most 26 statements'),
  }),
  matching: z.strictObject({
    type: z.literal('matching'),
    ...graded,
    pairs: z.array(pair).min(2, 'matching needs at least two pairs').max(26),
    /** Extra answers on the right that match nothing. */
    distractors: z.array(text).max(10).optional(),
  }),
  ordering: z.strictObject({
    type: z.literal('ordering'),
    ...graded,
    /** In the right order; learners see them shuffled. */
    items: z.array(text).min(2, 'ordering needs at least two items').max(26),
    feedback: verdictFeedback,
  }),
  'fill-in': z.strictObject({
    type: z.literal('fill-in'),
    ...graded,
    answers: z.array(z.string().min(1).max(fillInMaxLength)).min(1).max(10),
    case_sensitive: z.boolean().optional(),
    feedback: verdictFeedback,
  }),
  dropdown: z.strictObject({
    type: z.literal('dropdown'),
    ...graded,
    // The sentence is the question; a prompt above it is optional.
    prompt: text.optional(),
    /** A sentence with blanks written as [[wrong|(right)|wrong]]. */
    text,
    feedback: verdictFeedback,
  }),
  likert: z.strictObject({
    type: z.literal('likert'),
    ...common,
    /** The answer labels, lowest to highest; a five-point agreement scale by default. */
    scale: z.array(text).min(2).max(10).optional(),
  }),
  scenario: z.strictObject({
    type: z.literal('scenario'),
    ...common,
    choices: z.array(scenarioChoice).min(2).max(26),
  }),
  reflection: z.strictObject({
    type: z.literal('reflection'),
    ...common,
    /** Send the text to the LMS. Off by default: reflections stay on the learner's device. */
    share: z.boolean().optional(),
  }),
} as const satisfies Record<QuestionType, z.ZodType>;
export type QuestionBlock = z.infer<(typeof questionSchemas)[QuestionType]>;
