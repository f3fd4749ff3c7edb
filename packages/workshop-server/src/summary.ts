import { isGraded } from '@teach-in/course-schema';
import type { ServedCourse } from './courses.ts';
import { countedOptions } from './question-options.ts';
import type { WorkshopStore } from './store.ts';

/**
 * Live counts for the dashboard, flat so the page script can update any element by key:
 *   participants                  people joined
 *   q:<course>/<question>         participants who answered
 *   q:<course>/<question>#correct of them, answered rightly
 *   q:<course>/<question>/<choice> picked that choice (latest answer of each participant)
 *   poll:<id>                     voted in the poll
 *   poll:<id>/<choice>            voted for that choice
 *   openPoll                      id of the open poll, 0 when none
 * Anonymous by construction: nothing here says who.
 */
export type Counts = Record<string, number>;

export const countKey = {
  question: (courseId: string, questionId: string) => `q:${courseId}/${questionId}`,
  correct: (courseId: string, questionId: string) => `q:${courseId}/${questionId}#correct`,
  choice: (courseId: string, questionId: string, choiceId: string) =>
    `q:${courseId}/${questionId}/${choiceId}`,
  poll: (pollId: number) => `poll:${pollId}`,
  pollChoice: (pollId: number, choiceId: string) => `poll:${pollId}/${choiceId}`,
} as const;

export function liveCounts(store: WorkshopStore): Counts {
  const counts: Counts = { participants: store.participantCount() };
  for (const row of store.questionTotals()) {
    counts[countKey.question(row.courseId, row.questionId)] = row.answered;
    counts[countKey.correct(row.courseId, row.questionId)] = row.correct;
  }
  for (const row of store.choiceCounts()) {
    counts[countKey.choice(row.courseId, row.questionId, row.choiceId)] = row.count;
  }
  const poll = store.currentPoll();
  counts.openPoll = poll?.id ?? 0;
  if (poll) {
    let voters = 0;
    for (const [choice, count] of store.pollCounts(poll.id)) {
      counts[countKey.pollChoice(poll.id, choice)] = count;
      voters += count;
    }
    counts[countKey.poll(poll.id)] = voters;
  }
  return counts;
}

/** A cell that a spreadsheet will not run as a formula, quoted. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const csvColumns = [
  'kind',
  'course_id',
  'question_id',
  'poll_id',
  'prompt',
  'choice_id',
  'choice_text',
  'correct_choice',
  'count',
  'respondents',
] as const;

/**
 * The aggregate for the record: one row per choice of every question (answers) and of
 * every room poll (votes). Counts only; no nickname, no session, no time of an answer.
 */
export function aggregateCsv(
  store: WorkshopStore,
  courses: ReadonlyMap<string, ServedCourse>,
): string {
  const counts = liveCounts(store);
  const rows: (string | number)[][] = [];
  for (const { course, questions } of courses.values()) {
    for (const question of questions.values()) {
      const respondents = counts[countKey.question(course.id, question.id)] ?? 0;
      const graded = isGraded(question) && question.graded;
      const options = countedOptions(question);
      const base = ['answer', course.id, question.id, '', question.promptText];
      // Types counted whole (ordering, typed text): one row with the number who answered.
      if (options.length === 0) rows.push([...base, '', '', '', respondents, respondents]);
      for (const option of options) {
        rows.push([
          ...base,
          option.token,
          option.text,
          graded ? (option.right ? 'yes' : 'no') : '',
          counts[countKey.choice(course.id, question.id, option.token)] ?? 0,
          respondents,
        ]);
      }
    }
  }
  for (const poll of store.polls()) {
    const votes = store.pollCounts(poll.id);
    const respondents = [...votes.values()].reduce((sum, n) => sum + n, 0);
    for (const choice of poll.choices) {
      rows.push([
        'poll',
        poll.courseId,
        poll.questionId,
        poll.id,
        poll.prompt,
        choice.id,
        choice.text,
        '',
        votes.get(choice.id) ?? 0,
        respondents,
      ]);
    }
  }
  const lines = [csvColumns, ...rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
