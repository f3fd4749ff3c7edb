import { questionTags } from '@teach-in/course-schema/scoring';
import type { ObjectiveRecord } from '@teach-in/lms-bridge';
import type { CourseLayout } from '@teach-in/lms-bridge/state';

/** What the runtime reads from any question element (old or new base class). */
interface QuestionLike extends HTMLElement {
  questionId: string;
  counts?: boolean;
  graded?: boolean;
  answered: boolean;
  isCorrect: boolean | null;
}

const selector = Object.values(questionTags).join(',');

/**
 * Each module's result from its own counted questions (drawn ones only: undrawn pool
 * questions are hidden) and its pages. A module is judged once all of its counted
 * questions are answered; until then only its completion is reported.
 */
export function moduleObjectives(
  root: ParentNode,
  layout: CourseLayout,
  seen: readonly number[],
): ObjectiveRecord[] {
  const elements = [...root.querySelectorAll<QuestionLike>(selector)];
  const moduleOf = new Map(layout.questions.map((q) => [q.id, q.moduleId]));
  return layout.moduleIds.map((moduleId) => {
    const counted = elements.filter(
      (q) => moduleOf.get(q.questionId) === moduleId && (q.counts ?? q.graded) && !q.hidden,
    );
    const pages = layout.pages.flatMap((p, i) => (p.moduleId === moduleId ? [i] : []));
    const completed = pages.every((i) => seen.includes(i));
    if (counted.length === 0 || !counted.every((q) => q.answered)) {
      return { moduleId, scorePercent: null, passed: null, completed };
    }
    const scorePercent = Math.round(
      (100 * counted.filter((q) => q.isCorrect === true).length) / counted.length,
    );
    return { moduleId, scorePercent, passed: scorePercent >= layout.passingScore, completed };
  });
}

/** The course's result from its counted questions, as the shell computes it on Finish. */
export function courseResult(
  root: ParentNode,
  layout: CourseLayout,
  seen: readonly number[],
): { scorePercent: number | null; passed: boolean | null; allPagesSeen: boolean } {
  const counted = [...root.querySelectorAll<QuestionLike>(selector)].filter(
    (q) => (q.counts ?? q.graded) && !q.hidden,
  );
  const allPagesSeen = layout.pages.every((_, i) => seen.includes(i));
  if (counted.length === 0) return { scorePercent: null, passed: null, allPagesSeen };
  const scorePercent = Math.round(
    (100 * counted.filter((q) => q.isCorrect === true).length) / counted.length,
  );
  return { scorePercent, passed: scorePercent >= layout.passingScore, allPagesSeen };
}
