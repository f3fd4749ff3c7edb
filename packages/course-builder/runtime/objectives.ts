import type { ObjectiveRecord } from '@teach-in/lms-bridge';
import type { CourseLayout } from '@teach-in/lms-bridge/state';
import { questionSelector as selector } from '@teach-in/quiz-elements';

/** What the runtime reads from a question element (the shell's ShellQuestion). */
interface QuestionLike extends HTMLElement {
  questionId: string;
  counts: boolean;
  answered: boolean;
  isCorrect: boolean | null;
}

/**
 * The questions the shell scores (its `questions`), so module results agree with the
 * course score; every question element when the shell does not say.
 */
function scoredQuestions(root: ParentNode): QuestionLike[] {
  const fromShell = (root as { questions?: QuestionLike[] }).questions;
  return Array.isArray(fromShell) ? fromShell : [...root.querySelectorAll<QuestionLike>(selector)];
}

/**
 * Each module's result from its own counted questions (drawn ones only: undrawn pool
 * questions are hidden) and its pages. A module is judged once all of its counted
 * questions are answered, or when the course is finished (an unanswered question is not
 * right, as in the course score); until then only its completion is reported.
 */
export function moduleObjectives(
  root: ParentNode,
  layout: CourseLayout,
  seen: readonly number[],
  courseFinished = false,
): ObjectiveRecord[] {
  const elements = scoredQuestions(root);
  const moduleOf = new Map(layout.questions.map((q) => [q.id, q.moduleId]));
  return layout.moduleIds.map((moduleId) => {
    const counted = elements.filter(
      (q) => moduleOf.get(q.questionId) === moduleId && q.counts && !q.hidden,
    );
    const pages = layout.pages.flatMap((p, i) => (p.moduleId === moduleId ? [i] : []));
    const completed = pages.every((i) => seen.includes(i));
    if (counted.length === 0 || !(courseFinished || counted.every((q) => q.answered))) {
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
  const counted = scoredQuestions(root).filter((q) => q.counts && !q.hidden);
  const allPagesSeen = layout.pages.every((_, i) => seen.includes(i));
  if (counted.length === 0) return { scorePercent: null, passed: null, allPagesSeen };
  const scorePercent = Math.round(
    (100 * counted.filter((q) => q.isCorrect === true).length) / counted.length,
  );
  return { scorePercent, passed: scorePercent >= layout.passingScore, allPagesSeen };
}
