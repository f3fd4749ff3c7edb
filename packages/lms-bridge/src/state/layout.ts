/**
 * What the runtime needs to know about a course to save, migrate and report progress:
 * the page and question ids in order and each question's possible response tokens. The
 * builder computes it from the Course model and writes it into the page as JSON; the
 * runtime reads it back. Plain data, no DOM: the Node builder imports it too.
 */
import type { CompletionRule, Course, Question, QuestionType } from '@teach-in/course-schema';

/** The tokens a question can answer with (see course-schema question-model.ts). */
export type ResponseDomain =
  /** Tokens are ids from `ids` (single, multiple, scenario): stored as a bit set. */
  | { kind: 'set'; ids: string[] }
  /** One `<key>.<value>` token per key (true-false, matching, dropdown): a digit per key. */
  | { kind: 'pairs'; keys: { id: string; values: string[] }[] }
  /** Every id once, in the learner's order (ordering): a digit per item. */
  | { kind: 'order'; ids: string[] }
  /** One scale point `1`..`points` (likert): one digit. */
  | { kind: 'point'; points: number }
  /** Typed text (fill-in): UTF-8, base64url, cut to `maxLength` UTF-16 units. */
  | { kind: 'text'; maxLength: number }
  /** Never stored (reflections: the text stays on the learner's device). */
  | { kind: 'none' };

export interface LayoutQuestion {
  id: string;
  type: QuestionType;
  moduleId: string;
  /** Counts towards the score (graded type with graded: true). */
  counts: boolean;
  attempts: number;
  pool?: string;
  domain: ResponseDomain;
}

export interface CourseLayout {
  courseId: string;
  version: string;
  completion: CompletionRule;
  passingScore: number;
  pages: { id: string; moduleId: string }[];
  moduleIds: string[];
  questions: LayoutQuestion[];
  pools: { key: string; draw: number; members: string[] }[];
}

/** Matches course-schema's fillInMaxLength; the element limits what a learner can type. */
export const storedTextMaxLength = 100;

/** Likert scales have at most 10 labels; an empty scale means the 5-point agreement one. */
const defaultLikertPoints = 5;

function domainOf(question: Question): ResponseDomain {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'scenario':
      return { kind: 'set', ids: question.choices.map((c) => c.id) };
    case 'true-false':
      return {
        kind: 'pairs',
        keys: question.statements.map((s) => ({ id: s.id, values: ['true', 'false'] })),
      };
    case 'matching':
      return {
        kind: 'pairs',
        keys: question.prompts.map((p) => ({
          id: p.id,
          values: question.targets.map((t) => t.id),
        })),
      };
    case 'dropdown':
      return {
        kind: 'pairs',
        keys: question.segments.flatMap((s) =>
          s.kind === 'blank' ? [{ id: s.id, values: s.options.map((o) => o.id) }] : [],
        ),
      };
    case 'ordering':
      return { kind: 'order', ids: question.items.map((i) => i.id) };
    case 'likert':
      return { kind: 'point', points: question.scale.length || defaultLikertPoints };
    case 'fill-in':
      return { kind: 'text', maxLength: storedTextMaxLength };
    case 'reflection':
      return { kind: 'none' };
  }
}

function layoutQuestion(question: Question): LayoutQuestion {
  const graded = 'graded' in question;
  return {
    id: question.id,
    type: question.type,
    moduleId: question.moduleId,
    counts: graded && question.graded,
    attempts: graded ? question.attempts : 1,
    ...(graded && question.pool ? { pool: question.pool } : {}),
    domain: domainOf(question),
  };
}

export function courseLayout(course: Course): CourseLayout {
  const questions: LayoutQuestion[] = [];
  const pages: CourseLayout['pages'] = [];
  for (const module of course.modules) {
    for (const page of module.pages) {
      pages.push({ id: page.id, moduleId: module.id });
      for (const block of page.blocks) {
        if (block.kind === 'question') questions.push(layoutQuestion(block.question));
      }
    }
  }
  const pools = course.modules.flatMap((module) =>
    Object.entries(module.pools).map(([key, { draw }]) => ({
      key,
      draw,
      members: questions.filter((q) => q.pool === key).map((q) => q.id),
    })),
  );
  return {
    courseId: course.id,
    version: course.version,
    completion: course.completion,
    passingScore: course.passingScore,
    pages,
    moduleIds: course.modules.map((m) => m.id),
    questions,
    pools,
  };
}
