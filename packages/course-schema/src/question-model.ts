/**
 * Questions as the parser produces them and the elements render them. Plain data.
 *
 * Every question answers with a list of response tokens, whatever its type; the tokens
 * are what the saved state and the LMS reports are made of, so they use only the stable
 * ids below and never the (editable) wording:
 *
 * | type                      | tokens                                                  |
 * |---------------------------|---------------------------------------------------------|
 * | single, multiple, scenario| choice ids: `a`, `c`                                    |
 * | true-false                | `<statement id>.true` or `.false`, one per statement    |
 * | matching                  | `<prompt id>.<target id>`, one per prompt: `a.2`        |
 * | ordering                  | item ids in the learner's order: `c`, `a`, `b`          |
 * | fill-in                   | the text typed, trimmed                                 |
 * | dropdown                  | `<blank id>.<option id>`, one per blank: `1.b`          |
 * | likert                    | the scale point, `1` (lowest) to `n`                    |
 * | reflection                | the text written (kept on the device unless shared)     |
 */
import type { GradedQuestionType, QuestionType } from './question-types.ts';

/** The longest answer a learner can type into a fill-in field; bounds the saved state. */
export const fillInMaxLength = 100;
/** The longest reflection; reflections stay on the device unless the author opts in. */
export const reflectionMaxLength = 2000;

interface QuestionBase<T extends QuestionType> {
  type: T;
  /** Stable, unique in the course, no spaces. */
  id: string;
  moduleId: string;
  /** Inline HTML (from inline Markdown), sanitized by the builder. */
  promptHtml: string;
  /** The prompt as plain text, for LMS reports. */
  promptText: string;
  hintHtml?: string;
  explanationHtml?: string;
}

interface GradedBase<T extends GradedQuestionType> extends QuestionBase<T> {
  /** Counts towards the score; false makes it a knowledge check. */
  graded: boolean;
  attempts: number;
  shuffle: boolean;
  /** `<module id>/<pool key>` when the question belongs to a pool. */
  pool?: string;
  /** For types without per-choice feedback. */
  correctFeedbackHtml?: string;
  incorrectFeedbackHtml?: string;
}

export interface Choice {
  /** Stable response id: a, b, c... in authored order. */
  id: string;
  html: string;
  correct: boolean;
  feedbackHtml?: string;
}

export interface ChoiceQuestion<T extends 'single' | 'multiple' = 'single' | 'multiple'>
  extends GradedBase<T> {
  choices: Choice[];
}
export type SingleChoiceQuestion = ChoiceQuestion<'single'>;
export type MultipleChoiceQuestion = ChoiceQuestion<'multiple'>;

export interface Statement {
  /** a, b, c... in authored order. */
  id: string;
  html: string;
  answer: boolean;
  feedbackHtml?: string;
}

export interface TrueFalseQuestion extends GradedBase<'true-false'> {
  statements: Statement[];
}

export interface MatchPrompt {
  /** a, b, c... in authored order. */
  id: string;
  html: string;
  /** The id of the target that matches. */
  match: string;
  feedbackHtml?: string;
}

export interface MatchTarget {
  /** 1, 2, 3... in authored order: the pairs' right sides, then the distractors. */
  id: string;
  /** Plain text: targets are offered in a native select. */
  text: string;
}

export interface MatchingQuestion extends GradedBase<'matching'> {
  prompts: MatchPrompt[];
  targets: MatchTarget[];
}

export interface OrderItem {
  /** a, b, c... in the right order. */
  id: string;
  html: string;
}

export interface OrderingQuestion extends GradedBase<'ordering'> {
  items: OrderItem[];
}

export interface FillInQuestion extends GradedBase<'fill-in'> {
  answers: string[];
  caseSensitive: boolean;
}

export interface DropdownOption {
  /** a, b, c... in authored order. */
  id: string;
  text: string;
}

export type DropdownSegment =
  | { kind: 'text'; html: string }
  | { kind: 'blank'; id: string; options: DropdownOption[]; correct: string };

export interface DropdownQuestion extends GradedBase<'dropdown'> {
  /** The sentence: text and blanks (ids 1, 2, 3...) in reading order. */
  segments: DropdownSegment[];
  /** The sentence as plain text with the right answers filled in, for reports. */
  sentenceText: string;
}

export interface LikertQuestion extends QuestionBase<'likert'> {
  /** Labels, lowest to highest; empty means the interface's agreement scale. */
  scale: string[];
}

export interface ScenarioChoice {
  id: string;
  html: string;
  /** The consequence of taking this choice. */
  feedbackHtml: string;
}

export interface ScenarioQuestion extends QuestionBase<'scenario'> {
  choices: ScenarioChoice[];
}

export interface ReflectionQuestion extends QuestionBase<'reflection'> {
  /** The author opted in to sending the text to the LMS. */
  share: boolean;
}

/**
 * The custom element for each question type. Pure data, shared by the builder (which
 * writes the tags) and the course shell (which finds its questions by them).
 */
export const questionTags = {
  single: 'ti-single-choice',
  multiple: 'ti-multiple-choice',
  'true-false': 'ti-true-false',
  matching: 'ti-matching',
  ordering: 'ti-ordering',
  'fill-in': 'ti-fill-in',
  dropdown: 'ti-dropdown',
  likert: 'ti-likert',
  scenario: 'ti-scenario',
  reflection: 'ti-reflection',
} as const satisfies Record<QuestionType, `ti-${string}`>;

export type GradedQuestion =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | MatchingQuestion
  | OrderingQuestion
  | FillInQuestion
  | DropdownQuestion;

export type Question = GradedQuestion | LikertQuestion | ScenarioQuestion | ReflectionQuestion;

export function isGraded(question: Question): question is GradedQuestion {
  return 'graded' in question;
}

/** What a question saves, so a learner who comes back finds it as they left it. */
export interface QuestionProgress {
  /** Response tokens, as above. */
  response: string[];
  /** Checks used so far. */
  attempts: number;
  /** No more changes: right, out of attempts, or (ungraded types) submitted. */
  done: boolean;
}
