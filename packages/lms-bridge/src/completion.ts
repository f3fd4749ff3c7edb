/** The author's completion rule (course.yaml `tracking.completion`), applied to a result. */
import type { CompletionRule } from '@teach-in/course-schema';

export interface Progress {
  /** Every page seen. */
  allPagesSeen: boolean;
  /** Null when the course has no counted questions. */
  passed: boolean | null;
}

/**
 * - all-pages: every page seen.
 * - assessment-passed: the assessment passed; a course without one falls back to pages.
 * - both: every page seen and the assessment (if any) passed.
 */
export function isComplete(rule: CompletionRule, { allPagesSeen, passed }: Progress): boolean {
  switch (rule) {
    case 'all-pages':
      return allPagesSeen;
    case 'assessment-passed':
      return passed === null ? allPagesSeen : passed;
    case 'both':
      return allPagesSeen && passed !== false;
  }
}

export const completionRuleValues = [
  'all-pages',
  'assessment-passed',
  'both',
] as const satisfies readonly CompletionRule[];

export function completionRule(value: string | undefined): CompletionRule {
  return (completionRuleValues as readonly string[]).includes(value ?? '')
    ? (value as CompletionRule)
    : 'both';
}
