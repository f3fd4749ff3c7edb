import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Row, SqlValue } from './database.ts';

/** SQLite in one file; WAL so a reader never waits for the writer. */
export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return {
    engine: 'sqlite',
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return db.prepare(sql).all(...params) as T[];
    },
    async run(sql, params = []) {
      return db.prepare(sql).run(...params).changes;
    },
    async script(sql) {
      db.transaction(() => db.exec(sql))();
    },
    async close() {
      db.close();
    },
  };
}
