/**
 * One SQL interface over SQLite (one file, the default) and PostgreSQL (`DATABASE_URL`).
 * Statements are written once with `?` placeholders in the SQL both engines accept; the
 * PostgreSQL driver numbers them. Every method is async so callers never know which it is.
 */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface Database {
  readonly engine: 'sqlite' | 'postgres';
  /** Rows of a SELECT (or of an INSERT/UPDATE ... RETURNING). */
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs several statements (migrations), in one transaction. */
  script(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function first<T extends Row>(
  db: Database,
  sql: string,
  params: readonly SqlValue[] = [],
): Promise<T | undefined> {
  const rows = await db.all<T>(sql, params);
  return rows[0];
}

/** `?` to `$1, $2...` for PostgreSQL; our SQL never holds a literal question mark. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
