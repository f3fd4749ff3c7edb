import pg from 'pg';
import { type Database, numberPlaceholders, type Row, type SqlValue } from './database.ts';

// BIGINT (times in milliseconds) and COUNT come back as JavaScript numbers, as in SQLite;
// every value we store is far below 2^53.
const int8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A pool on `DATABASE_URL`; several tool processes may share the database. */
export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle connection the server closed (a restart, a failover) must not end the process:
  // the pool drops it and the next query opens a new one.
  pool.on('error', () => {});
  return {
    engine: 'postgres',
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await pool.query(numberPlaceholders(sql), [...params]);
      return result.rows as T[];
    },
    async run(sql, params = []) {
      const result = await pool.query(numberPlaceholders(sql), [...params]);
      return result.rowCount ?? 0;
    },
    async script(sql) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
