/**
 * The names of the question types, the one list every other table is keyed by
 * (`Record<QuestionType, ...>`): adding a name here makes the compiler point at each place
 * that must learn the new type (docs/architecture.md, "Add a question type"). Plain data,
 * no zod, so browser code can import it.
 */
export const questionTypes = [
  'single',
  'multiple',
  'true-false',
  'matching',
  'ordering',
  'fill-in',
  'dropdown',
  'likert',
  'scenario',
  'reflection',
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Types with a right answer; they may count towards the score. */
export const gradedQuestionTypes = [
  'single',
  'multiple',
  'true-false',
  'matching',
  'ordering',
  'fill-in',
  'dropdown',
] as const satisfies readonly QuestionType[];
export type GradedQuestionType = (typeof gradedQuestionTypes)[number];
