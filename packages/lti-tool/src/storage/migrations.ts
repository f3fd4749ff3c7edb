import type { Database } from './database.ts';

/**
 * The schema, the same SQL for SQLite and PostgreSQL (types both accept: TEXT, BIGINT,
 * DOUBLE PRECISION). Append new migrations; never edit a shipped one. Everything a second
 * tool process needs lives here: settings, keys, registrations, login states, used nonces, launches,
 * progress, answers and the grade outbox.
 */
export const migrations: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS tool_keys (
  kid TEXT PRIMARY KEY,
  private_jwk TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT
);
CREATE TABLE IF NOT EXISTS registrations (
  id TEXT PRIMARY KEY,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  auth_login_url TEXT NOT NULL,
  token_url TEXT NOT NULL,
  jwks_url TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (issuer, client_id)
);
CREATE TABLE IF NOT EXISTS deployments (
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL,
  PRIMARY KEY (registration_id, deployment_id)
);
CREATE TABLE IF NOT EXISTS login_states (
  state TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  storage_target TEXT,
  expires_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS used_nonces (
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  nonce TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (registration_id, nonce)
);
CREATE TABLE IF NOT EXISTS launches (
  token_hash TEXT PRIMARY KEY,
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL,
  user_sub TEXT NOT NULL,
  context_id TEXT NOT NULL,
  resource_link_id TEXT NOT NULL,
  target TEXT NOT NULL,
  roles TEXT NOT NULL,
  lineitem_url TEXT,
  lineitems_url TEXT,
  ags_scopes TEXT NOT NULL,
  memberships_url TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS progress (
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  user_sub TEXT NOT NULL,
  resource_link_id TEXT NOT NULL,
  target TEXT NOT NULL,
  state TEXT,
  location TEXT,
  writer TEXT,
  seq BIGINT NOT NULL DEFAULT 0,
  outcome TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (registration_id, user_sub, resource_link_id)
);
CREATE TABLE IF NOT EXISTS answers (
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  resource_link_id TEXT NOT NULL,
  user_sub TEXT NOT NULL,
  question_id TEXT NOT NULL,
  response TEXT NOT NULL,
  correct BIGINT,
  answered_at BIGINT NOT NULL,
  PRIMARY KEY (registration_id, resource_link_id, user_sub, question_id)
);
CREATE TABLE IF NOT EXISTS grade_outbox (
  id TEXT PRIMARY KEY,
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  lineitem_url TEXT,
  lineitems_url TEXT,
  resource_link_id TEXT NOT NULL,
  tag TEXT NOT NULL,
  label TEXT NOT NULL,
  user_sub TEXT NOT NULL,
  score_given DOUBLE PRECISION,
  activity_progress TEXT NOT NULL,
  grading_progress TEXT NOT NULL,
  score_timestamp TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0,
  delivered_at BIGINT,
  last_error TEXT
);
CREATE TABLE IF NOT EXISTS deep_link_requests (
  id_hash TEXT PRIMARY KEY,
  registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL,
  return_url TEXT NOT NULL,
  data TEXT,
  expires_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS grade_outbox_due ON grade_outbox (delivered_at, next_attempt_at);
CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY);
`,
  },
];

/** Applies every migration; safe when two processes start at once on PostgreSQL. */
export async function migrate(db: Database): Promise<void> {
  for (const migration of migrations) {
    // PostgreSQL: an advisory lock held for the transaction serialises concurrent starts.
    const lock = db.engine === 'postgres' ? 'SELECT pg_advisory_xact_lock(731913);\n' : '';
    const record = `INSERT INTO schema_migrations (version) VALUES (${migration.version}) ON CONFLICT DO NOTHING;`;
    await db.script(`${lock}${migration.sql}\n${record}`);
  }
}
