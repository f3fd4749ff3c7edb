import type { Database } from 'better-sqlite3';

/**
 * Versioned migrations: entry N brings the database from version N to N + 1. Never edit a
 * released entry; add a new one, so a data folder from an older teach-in still opens.
 * Times are milliseconds since 1970 (UTC). Nicknames live only in `participants`, so
 * every aggregate is anonymous by construction.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    session_hash TEXT NOT NULL UNIQUE,
    nickname TEXT NOT NULL,
    joined_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE INDEX participants_last_seen ON participants (last_seen_at);

  CREATE TABLE progress (
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    course_id TEXT NOT NULL,
    state TEXT,
    location TEXT,
    completed INTEGER,
    passed INTEGER,
    score_percent REAL,
    writer TEXT NOT NULL,
    seq INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, course_id)
  ) WITHOUT ROWID;

  CREATE TABLE answers (
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    course_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    response TEXT NOT NULL,
    correct INTEGER,
    writer TEXT NOT NULL,
    seq INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, course_id, question_id)
  ) WITHOUT ROWID;
  CREATE INDEX answers_question ON answers (course_id, question_id);

  CREATE TABLE polls (
    id INTEGER PRIMARY KEY,
    course_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    prompt TEXT NOT NULL,
    choices TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER
  );

  CREATE TABLE poll_votes (
    poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    choice_id TEXT NOT NULL,
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (poll_id, participant_id)
  ) WITHOUT ROWID;
  `,
];

export const schemaVersion = migrations.length;

/** Brings the database to the current version in one transaction; refuses a newer one. */
export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as
    | { version: number }
    | undefined;
  const current = row?.version ?? 0;
  if (current > schemaVersion) {
    throw new Error(
      `The workshop data was written by a newer teach-in (schema ${current}, this one knows ${schemaVersion}).`,
    );
  }
  if (current === schemaVersion) return;
  db.transaction(() => {
    for (const sql of migrations.slice(current)) db.exec(sql);
    if (row) db.prepare('UPDATE schema_version SET version = ?').run(schemaVersion);
    else db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(schemaVersion);
  })();
}
