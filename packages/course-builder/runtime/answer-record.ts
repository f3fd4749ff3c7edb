import type { QuestionType } from '@teach-in/course-schema';
import type { AnswerRecord } from '@teach-in/lms-bridge';

/**
 * The `ti-answer` detail, in the shape of team INTERFACES.md; the first elements sent
 * `graded` and no attempt/final/private, which this still reads.
 */
export interface AnyAnswerDetail {
  questionId: string;
  type: string;
  counts?: boolean;
  graded?: boolean;
  response: readonly string[];
  correctResponse: readonly string[];
  correct: boolean | null;
  attempt?: number;
  final?: boolean;
  description: string;
  latencyMs: number;
  private?: boolean;
}

export function answerRecord(detail: AnyAnswerDetail, timestamp = new Date()): AnswerRecord {
  return {
    questionId: detail.questionId,
    type: detail.type as QuestionType,
    counts: detail.counts ?? detail.graded ?? false,
    response: detail.response,
    correctResponse: detail.correctResponse,
    correct: detail.correct,
    attempt: detail.attempt ?? 1,
    final: detail.final ?? true,
    description: detail.description,
    latencyMs: detail.latencyMs,
    private: detail.private ?? false,
    timestamp,
  };
}
