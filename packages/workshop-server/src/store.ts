import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { migrate } from './schema.ts';

/** The database file inside the data folder; SQLite adds `-wal` and `-shm` beside it. */
export const databaseFileName = 'workshop.sqlite';
const databaseFiles = [databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`];

export interface Participant {
  id: number;
  nickname: string;
}

export interface SavedProgress {
  state?: string;
  location?: string;
}

export interface ProgressWrite {
  /** Page load that sent it, and its running number: a stale, reordered save is dropped. */
  writer: string;
  seq: number;
  state?: string;
  location?: string;
  outcome?: { completed: boolean; passed: boolean | null; scorePercent: number | null };
}

export interface AnswerWrite {
  courseId: string;
  questionId: string;
  response: readonly string[];
  /** Null for ungraded questions (a poll or an agreement scale has no right answer). */
  correct: boolean | null;
  writer: string;
  seq: number;
}

export interface ChoiceCount {
  courseId: string;
  questionId: string;
  choiceId: string;
  count: number;
}

export interface QuestionTotals {
  courseId: string;
  questionId: string;
  answered: number;
  correct: number;
}

export interface PollChoice {
  id: string;
  text: string;
}

export interface Poll {
  id: number;
  courseId: string;
  questionId: string;
  prompt: string;
  choices: PollChoice[];
  openedAt: number;
  closedAt: number | null;
}

interface PollRow {
  id: number;
  course_id: string;
  question_id: string;
  prompt: string;
  choices: string;
  opened_at: number;
  closed_at: number | null;
}

const toPoll = (row: PollRow): Poll => ({
  id: row.id,
  courseId: row.course_id,
  questionId: row.question_id,
  prompt: row.prompt,
  choices: JSON.parse(row.choices) as PollChoice[],
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

const flag = (value: boolean | null | undefined) =>
  value === undefined || value === null ? null : value ? 1 : 0;

/**
 * Everything a workshop keeps, in one SQLite file in the data folder. WAL lets the
 * dashboard read while participants write; every statement is prepared once; a write
 * that touches two tables runs in one transaction. `synchronous = NORMAL` in WAL mode
 * never loses a commit when the process stops or crashes (only on power loss).
 */
export class WorkshopStore {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #sql: ReturnType<typeof prepare>;

  private constructor(db: Database, now: () => number) {
    this.#db = db;
    this.#now = now;
    this.#sql = prepare(db);
  }

  static open(dataDir: string, now: () => number = Date.now): WorkshopStore {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const db = new Sqlite(path.join(dataDir, databaseFileName));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new WorkshopStore(db, now);
  }

  join(nickname: string, sessionHash: string): Participant {
    const now = this.#now();
    const { id } = this.#sql.insertParticipant.get(sessionHash, nickname, now, now) as {
      id: number;
    };
    return { id, nickname };
  }

  participantBySession(sessionHash: string): Participant | undefined {
    return this.#sql.participantBySession.get(sessionHash) as Participant | undefined;
  }

  /** Returns false when the write was older than what is stored (a reordered retry). */
  saveProgress(participantId: number, courseId: string, write: ProgressWrite): boolean {
    return this.#db.transaction(() => {
      const now = this.#now();
      this.#sql.touch.run(now, participantId);
      const result = this.#sql.upsertProgress.run({
        participant: participantId,
        course: courseId,
        state: write.state ?? null,
        location: write.location ?? null,
        completed: flag(write.outcome?.completed),
        passed: flag(write.outcome?.passed),
        score: write.outcome?.scorePercent ?? null,
        writer: write.writer,
        seq: write.seq,
        now,
      });
      return result.changes > 0;
    })();
  }

  progressOf(participantId: number, courseId: string): SavedProgress {
    const row = this.#sql.progressOf.get(participantId, courseId) as
      | { state: string | null; location: string | null }
      | undefined;
    return {
      ...(row?.state ? { state: row.state } : {}),
      ...(row?.location ? { location: row.location } : {}),
    };
  }

  /** The participant's latest answer to a question replaces the earlier one. */
  saveAnswer(participantId: number, answer: AnswerWrite): boolean {
    return this.#db.transaction(() => {
      const now = this.#now();
      this.#sql.touch.run(now, participantId);
      const result = this.#sql.upsertAnswer.run({
        participant: participantId,
        course: answer.courseId,
        question: answer.questionId,
        response: JSON.stringify(answer.response),
        correct: flag(answer.correct),
        writer: answer.writer,
        seq: answer.seq,
        now,
      });
      return result.changes > 0;
    })();
  }

  /** How many participants picked each choice (their latest answer only). */
  choiceCounts(): ChoiceCount[] {
    return this.#sql.choiceCounts.all() as ChoiceCount[];
  }

  questionTotals(): QuestionTotals[] {
    return this.#sql.questionTotals.all() as QuestionTotals[];
  }

  participantCount(): number {
    return (this.#sql.participantCount.get() as { count: number }).count;
  }

  /** Opens a room poll; any poll still open is closed first (one question at a time). */
  openPoll(courseId: string, questionId: string, prompt: string, choices: PollChoice[]): Poll {
    return this.#db.transaction(() => {
      const now = this.#now();
      this.#sql.closePolls.run(now);
      const row = this.#sql.insertPoll.get(
        courseId,
        questionId,
        prompt,
        JSON.stringify(choices),
        now,
      ) as PollRow;
      return toPoll(row);
    })();
  }

  closePoll(): void {
    this.#sql.closePolls.run(this.#now());
  }

  currentPoll(): Poll | undefined {
    const row = this.#sql.currentPoll.get() as PollRow | undefined;
    return row ? toPoll(row) : undefined;
  }

  polls(): Poll[] {
    return (this.#sql.allPolls.all() as PollRow[]).map(toPoll);
  }

  /** One vote per participant and poll; voting again changes it. */
  vote(pollId: number, participantId: number, choiceId: string): void {
    this.#db.transaction(() => {
      const now = this.#now();
      this.#sql.touch.run(now, participantId);
      this.#sql.upsertVote.run(pollId, participantId, choiceId, now);
    })();
  }

  voteOf(pollId: number, participantId: number): string | undefined {
    const row = this.#sql.voteOf.get(pollId, participantId) as { choice: string } | undefined;
    return row?.choice;
  }

  pollCounts(pollId: number): Map<string, number> {
    const rows = this.#sql.pollCounts.all(pollId) as { choice: string; count: number }[];
    return new Map(rows.map((row) => [row.choice, row.count]));
  }

  /** A participant leaves: their progress, answers and votes go with them. */
  forget(participantId: number): void {
    this.#sql.forgetParticipant.run(participantId);
  }

  /**
   * Removes participants not seen since `cutoff` (with their progress, answers and votes)
   * and polls opened before it. Returns how many participants went.
   */
  purgeOlderThan(cutoff: number): number {
    return this.#db.transaction(() => {
      const { changes } = this.#sql.purgeParticipants.run(cutoff);
      this.#sql.purgePolls.run(cutoff);
      return changes;
    })();
  }

  /** Writes the WAL back into the main file and closes it. */
  close(): void {
    if (!this.#db.open) return;
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}

function prepare(db: Database) {
  const statements = {
    insertParticipant: db.prepare(
      'INSERT INTO participants (session_hash, nickname, joined_at, last_seen_at) VALUES (?, ?, ?, ?) RETURNING id',
    ),
    participantBySession: db.prepare(
      'SELECT id, nickname FROM participants WHERE session_hash = ?',
    ),
    touch: db.prepare('UPDATE participants SET last_seen_at = ? WHERE id = ?'),
    upsertProgress: db.prepare(`
      INSERT INTO progress (participant_id, course_id, state, location, completed, passed,
        score_percent, writer, seq, updated_at)
      VALUES (@participant, @course, @state, @location, @completed, @passed, @score, @writer,
        @seq, @now)
      ON CONFLICT (participant_id, course_id) DO UPDATE SET
        state = excluded.state, location = excluded.location,
        completed = coalesce(excluded.completed, progress.completed),
        passed = coalesce(excluded.passed, progress.passed),
        score_percent = coalesce(excluded.score_percent, progress.score_percent),
        writer = excluded.writer, seq = excluded.seq, updated_at = excluded.updated_at
      WHERE NOT (progress.writer = excluded.writer AND progress.seq >= excluded.seq)`),
    progressOf: db.prepare(
      'SELECT state, location FROM progress WHERE participant_id = ? AND course_id = ?',
    ),
    upsertAnswer: db.prepare(`
      INSERT INTO answers (participant_id, course_id, question_id, response, correct, writer,
        seq, answered_at)
      VALUES (@participant, @course, @question, @response, @correct, @writer, @seq, @now)
      ON CONFLICT (participant_id, course_id, question_id) DO UPDATE SET
        response = excluded.response, correct = excluded.correct, writer = excluded.writer,
        seq = excluded.seq, answered_at = excluded.answered_at
      WHERE NOT (answers.writer = excluded.writer AND answers.seq >= excluded.seq)`),
    choiceCounts: db.prepare(`
      SELECT a.course_id AS courseId, a.question_id AS questionId, j.value AS choiceId,
        count(*) AS count
      FROM answers AS a, json_each(a.response) AS j
      GROUP BY a.course_id, a.question_id, j.value
      ORDER BY a.course_id, a.question_id, j.value`),
    questionTotals: db.prepare(`
      SELECT course_id AS courseId, question_id AS questionId, count(*) AS answered,
        coalesce(sum(correct), 0) AS correct
      FROM answers GROUP BY course_id, question_id ORDER BY course_id, question_id`),
    participantCount: db.prepare('SELECT count(*) AS count FROM participants'),
    closePolls: db.prepare('UPDATE polls SET closed_at = ? WHERE closed_at IS NULL'),
    insertPoll: db.prepare(
      'INSERT INTO polls (course_id, question_id, prompt, choices, opened_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
    ),
    currentPoll: db.prepare('SELECT * FROM polls WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1'),
    allPolls: db.prepare('SELECT * FROM polls ORDER BY id'),
    upsertVote: db.prepare(`
      INSERT INTO poll_votes (poll_id, participant_id, choice_id, voted_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (poll_id, participant_id) DO UPDATE SET
        choice_id = excluded.choice_id, voted_at = excluded.voted_at`),
    voteOf: db.prepare(
      'SELECT choice_id AS choice FROM poll_votes WHERE poll_id = ? AND participant_id = ?',
    ),
    pollCounts: db.prepare(
      'SELECT choice_id AS choice, count(*) AS count FROM poll_votes WHERE poll_id = ? GROUP BY choice_id',
    ),
    forgetParticipant: db.prepare('DELETE FROM participants WHERE id = ?'),
    purgeParticipants: db.prepare('DELETE FROM participants WHERE last_seen_at < ?'),
    purgePolls: db.prepare('DELETE FROM polls WHERE opened_at < ?'),
  };
  return statements;
}

/**
 * Erases the database and its WAL and shared-memory files, then the folder if nothing
 * else is in it (a folder someone also keeps other files in is left alone).
 * Returns the files removed.
 */
export function deleteWorkshopData(dataDir: string): string[] {
  const removed: string[] = [];
  for (const name of databaseFiles) {
    const file = path.join(dataDir, name);
    if (existsSync(file)) {
      rmSync(file, { force: true });
      removed.push(file);
    }
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length === 0) rmdirSync(dataDir);
  return removed;
}
