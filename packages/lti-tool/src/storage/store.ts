import { type Database, first } from './database.ts';
import { migrate } from './migrations.ts';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';

export interface Registration {
  id: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  tokenUrl: string;
  jwksUrl: string;
}

export interface ToolKey {
  kid: string;
  privateJwk: string;
  publicJwk: string;
  createdAt: number;
  retiredAt: number | null;
}

export interface Launch {
  registrationId: string;
  deploymentId: string;
  userSub: string;
  contextId: string;
  resourceLinkId: string;
  target: string;
  roles: string[];
  lineitemUrl: string | null;
  lineitemsUrl: string | null;
  agsScopes: string[];
  membershipsUrl: string | null;
  expiresAt: number;
}

export interface SavedProgress {
  state?: string;
  location?: string;
  outcome?: string;
}

export interface GradeToSend {
  id: string;
  registrationId: string;
  lineitemUrl: string | null;
  lineitemsUrl: string | null;
  resourceLinkId: string;
  tag: string;
  label: string;
  userSub: string;
  scoreGiven: number | null;
  activityProgress: string;
  gradingProgress: string;
  timestamp: string;
  attempts: number;
}

type RegistrationRow = {
  id: string;
  issuer: string;
  client_id: string;
  auth_login_url: string;
  token_url: string;
  jwks_url: string;
};

const toRegistration = (row: RegistrationRow): Registration => ({
  id: row.id,
  issuer: row.issuer,
  clientId: row.client_id,
  authLoginUrl: row.auth_login_url,
  tokenUrl: row.token_url,
  jwksUrl: row.jwks_url,
});

/** Everything the tool keeps, behind one interface; SQLite or PostgreSQL underneath. */
export class LtiStore {
  readonly db: Database;

  private constructor(db: Database) {
    this.db = db;
  }

  /** PostgreSQL when a connection string is given (`DATABASE_URL`), else one SQLite file. */
  static async open(options: { databaseUrl?: string; sqliteFile: string }): Promise<LtiStore> {
    const db = options.databaseUrl
      ? openPostgres(options.databaseUrl)
      : openSqlite(options.sqliteFile);
    await migrate(db);
    return new LtiStore(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // Settings ----------------------------------------------------------------------------

  /** The stored value, or `initial` stored now: the first process to start picks it for all. */
  async setting(name: string, initial: string): Promise<string> {
    await this.db.run('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING', [
      name,
      initial,
    ]);
    const row = await first<{ value: string }>(
      this.db,
      'SELECT value FROM settings WHERE name = ?',
      [name],
    );
    return row?.value ?? initial;
  }

  // Keys ------------------------------------------------------------------------------

  async keys(): Promise<ToolKey[]> {
    const rows = await this.db.all<{
      kid: string;
      private_jwk: string;
      public_jwk: string;
      created_at: number;
      retired_at: number | null;
    }>('SELECT * FROM tool_keys ORDER BY created_at DESC, kid');
    return rows.map((row) => ({
      kid: row.kid,
      privateJwk: row.private_jwk,
      publicJwk: row.public_jwk,
      createdAt: row.created_at,
      retiredAt: row.retired_at,
    }));
  }

  async addKey(key: ToolKey): Promise<void> {
    await this.db.run(
      'INSERT INTO tool_keys (kid, private_jwk, public_jwk, created_at, retired_at) VALUES (?, ?, ?, ?, NULL)',
      [key.kid, key.privateJwk, key.publicJwk, key.createdAt],
    );
  }

  /** Retires every active key but one; retired keys stay published until they are dropped. */
  async retireKeysExcept(kid: string, now: number): Promise<void> {
    await this.db.run('UPDATE tool_keys SET retired_at = ? WHERE kid <> ? AND retired_at IS NULL', [
      now,
      kid,
    ]);
  }

  async dropKeysRetiredBefore(time: number): Promise<void> {
    await this.db.run('DELETE FROM tool_keys WHERE retired_at IS NOT NULL AND retired_at < ?', [
      time,
    ]);
  }

  // Registrations and deployments -------------------------------------------------------

  async saveRegistration(registration: Registration, now: number): Promise<Registration> {
    await this.db.run(
      `INSERT INTO registrations (id, issuer, client_id, auth_login_url, token_url, jwks_url, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (issuer, client_id) DO UPDATE SET auth_login_url = excluded.auth_login_url,
         token_url = excluded.token_url, jwks_url = excluded.jwks_url`,
      [
        registration.id,
        registration.issuer,
        registration.clientId,
        registration.authLoginUrl,
        registration.tokenUrl,
        registration.jwksUrl,
        now,
      ],
    );
    const saved = await this.registration(registration.issuer, registration.clientId);
    if (!saved) throw new Error('The registration was not saved.');
    return saved;
  }

  /** The registration for an issuer and client; with no client, only when the issuer has one. */
  async registration(issuer: string, clientId?: string): Promise<Registration | undefined> {
    const rows = await this.db.all<RegistrationRow>(
      clientId === undefined
        ? 'SELECT * FROM registrations WHERE issuer = ? LIMIT 2'
        : 'SELECT * FROM registrations WHERE issuer = ? AND client_id = ?',
      clientId === undefined ? [issuer] : [issuer, clientId],
    );
    return rows.length === 1 && rows[0] ? toRegistration(rows[0]) : undefined;
  }

  async registrationById(id: string): Promise<Registration | undefined> {
    const row = await first<RegistrationRow>(this.db, 'SELECT * FROM registrations WHERE id = ?', [
      id,
    ]);
    return row ? toRegistration(row) : undefined;
  }

  async addDeployment(registrationId: string, deploymentId: string): Promise<void> {
    await this.db.run(
      'INSERT INTO deployments (registration_id, deployment_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
      [registrationId, deploymentId],
    );
  }

  async hasDeployment(registrationId: string, deploymentId: string): Promise<boolean> {
    const row = await first(
      this.db,
      'SELECT 1 AS found FROM deployments WHERE registration_id = ? AND deployment_id = ?',
      [registrationId, deploymentId],
    );
    return row !== undefined;
  }

  // Login states and nonces -------------------------------------------------------------

  async saveLoginState(
    state: string,
    nonce: string,
    registrationId: string,
    storageTarget: string | null,
    expiresAt: number,
  ) {
    await this.db.run(
      'INSERT INTO login_states (state, nonce, registration_id, storage_target, expires_at) VALUES (?, ?, ?, ?, ?)',
      [state, nonce, registrationId, storageTarget, expiresAt],
    );
  }

  /** The state is used once: it is deleted as it is read, so a second use finds nothing. */
  async takeLoginState(
    state: string,
    now: number,
  ): Promise<{ nonce: string; registrationId: string; storageTarget: string | null } | undefined> {
    const row = await first<{
      nonce: string;
      registration_id: string;
      storage_target: string | null;
      expires_at: number;
    }>(
      this.db,
      'DELETE FROM login_states WHERE state = ? RETURNING nonce, registration_id, storage_target, expires_at',
      [state],
    );
    if (!row || row.expires_at < now) return undefined;
    return {
      nonce: row.nonce,
      registrationId: row.registration_id,
      storageTarget: row.storage_target,
    };
  }

  async nonceUsed(registrationId: string, nonce: string): Promise<boolean> {
    const row = await first(
      this.db,
      'SELECT 1 AS found FROM used_nonces WHERE registration_id = ? AND nonce = ?',
      [registrationId, nonce],
    );
    return row !== undefined;
  }

  /** True the first time a nonce is seen for a platform; false on any replay. */
  async useNonce(registrationId: string, nonce: string, expiresAt: number): Promise<boolean> {
    const changed = await this.db.run(
      'INSERT INTO used_nonces (registration_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      [registrationId, nonce, expiresAt],
    );
    return changed === 1;
  }

  // Launches ----------------------------------------------------------------------------

  async saveLaunch(tokenHash: string, launch: Launch, now: number): Promise<void> {
    await this.db.run(
      `INSERT INTO launches (token_hash, registration_id, deployment_id, user_sub, context_id,
         resource_link_id, target, roles, lineitem_url, lineitems_url, ags_scopes, memberships_url,
         created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        tokenHash,
        launch.registrationId,
        launch.deploymentId,
        launch.userSub,
        launch.contextId,
        launch.resourceLinkId,
        launch.target,
        JSON.stringify(launch.roles),
        launch.lineitemUrl,
        launch.lineitemsUrl,
        JSON.stringify(launch.agsScopes),
        launch.membershipsUrl,
        now,
        launch.expiresAt,
      ],
    );
  }

  async launch(tokenHash: string, now: number): Promise<Launch | undefined> {
    const row = await first<{
      registration_id: string;
      deployment_id: string;
      user_sub: string;
      context_id: string;
      resource_link_id: string;
      target: string;
      roles: string;
      lineitem_url: string | null;
      lineitems_url: string | null;
      ags_scopes: string;
      memberships_url: string | null;
      expires_at: number;
    }>(this.db, 'SELECT * FROM launches WHERE token_hash = ? AND expires_at > ?', [tokenHash, now]);
    if (!row) return undefined;
    return {
      registrationId: row.registration_id,
      deploymentId: row.deployment_id,
      userSub: row.user_sub,
      contextId: row.context_id,
      resourceLinkId: row.resource_link_id,
      target: row.target,
      roles: JSON.parse(row.roles) as string[],
      lineitemUrl: row.lineitem_url,
      lineitemsUrl: row.lineitems_url,
      agsScopes: JSON.parse(row.ags_scopes) as string[],
      membershipsUrl: row.memberships_url,
      expiresAt: row.expires_at,
    };
  }

  // Deep linking requests -----------------------------------------------------------------

  async saveDeepLinkRequest(
    idHash: string,
    request: {
      registrationId: string;
      deploymentId: string;
      returnUrl: string;
      data: string | null;
    },
    expiresAt: number,
  ): Promise<void> {
    await this.db.run(
      'INSERT INTO deep_link_requests (id_hash, registration_id, deployment_id, return_url, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      [
        idHash,
        request.registrationId,
        request.deploymentId,
        request.returnUrl,
        request.data,
        expiresAt,
      ],
    );
  }

  /** Used once, like a login state. */
  async takeDeepLinkRequest(idHash: string, now: number) {
    const row = await first<{
      registration_id: string;
      deployment_id: string;
      return_url: string;
      data: string | null;
      expires_at: number;
    }>(this.db, 'DELETE FROM deep_link_requests WHERE id_hash = ? RETURNING *', [idHash]);
    if (!row || row.expires_at < now) return undefined;
    return {
      registrationId: row.registration_id,
      deploymentId: row.deployment_id,
      returnUrl: row.return_url,
      data: row.data,
    };
  }

  // Progress and answers ----------------------------------------------------------------

  async progressOf(launch: Launch): Promise<SavedProgress> {
    const row = await first<{
      state: string | null;
      location: string | null;
      outcome: string | null;
    }>(
      this.db,
      'SELECT state, location, outcome FROM progress WHERE registration_id = ? AND user_sub = ? AND resource_link_id = ?',
      [launch.registrationId, launch.userSub, launch.resourceLinkId],
    );
    return {
      ...(row?.state ? { state: row.state } : {}),
      ...(row?.location ? { location: row.location } : {}),
      ...(row?.outcome ? { outcome: row.outcome } : {}),
    };
  }

  /**
   * Saves the latest progress unless a newer save from the same page load already landed
   * (`writer` + `seq`). Returns the outcome stored before, or false when this save was stale.
   */
  async saveProgress(
    launch: Launch,
    body: { writer: string; seq: number; state?: string; location?: string; outcome?: string },
    now: number,
  ): Promise<{ previousOutcome: string | null } | false> {
    const before = await first<{ outcome: string | null; writer: string | null; seq: number }>(
      this.db,
      'SELECT outcome, writer, seq FROM progress WHERE registration_id = ? AND user_sub = ? AND resource_link_id = ?',
      [launch.registrationId, launch.userSub, launch.resourceLinkId],
    );
    const changed = await this.db.run(
      `INSERT INTO progress (registration_id, user_sub, resource_link_id, target, state, location,
         writer, seq, outcome, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (registration_id, user_sub, resource_link_id) DO UPDATE SET
         state = COALESCE(excluded.state, progress.state),
         location = COALESCE(excluded.location, progress.location),
         outcome = COALESCE(excluded.outcome, progress.outcome),
         target = excluded.target, writer = excluded.writer, seq = excluded.seq,
         updated_at = excluded.updated_at
       WHERE progress.writer IS NULL OR progress.writer <> excluded.writer OR progress.seq < excluded.seq`,
      [
        launch.registrationId,
        launch.userSub,
        launch.resourceLinkId,
        launch.target,
        body.state ?? null,
        body.location ?? null,
        body.writer,
        body.seq,
        body.outcome ?? null,
        now,
      ],
    );
    if (changed === 0) return false;
    return { previousOutcome: before?.outcome ?? null };
  }

  async saveAnswer(
    launch: Launch,
    answer: { questionId: string; response: string; correct: boolean | null },
    now: number,
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO answers (registration_id, resource_link_id, user_sub, question_id, response, correct, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (registration_id, resource_link_id, user_sub, question_id) DO UPDATE SET
         response = excluded.response, correct = excluded.correct, answered_at = excluded.answered_at`,
      [
        launch.registrationId,
        launch.resourceLinkId,
        launch.userSub,
        answer.questionId,
        answer.response,
        answer.correct === null ? null : answer.correct ? 1 : 0,
        now,
      ],
    );
  }

  /** Per question and response: how many learners of this placement gave it. Never who. */
  async answerCounts(
    registrationId: string,
    resourceLinkId: string,
  ): Promise<{ questionId: string; response: string; count: number }[]> {
    const rows = await this.db.all<{ question_id: string; response: string; count: number }>(
      `SELECT question_id, response, COUNT(*) AS count FROM answers
       WHERE registration_id = ? AND resource_link_id = ?
       GROUP BY question_id, response ORDER BY question_id, response`,
      [registrationId, resourceLinkId],
    );
    return rows.map((row) => ({
      questionId: row.question_id,
      response: row.response,
      count: Number(row.count),
    }));
  }

  // Grade outbox ------------------------------------------------------------------------

  async enqueueGrade(grade: Omit<GradeToSend, 'attempts'>, now: number): Promise<void> {
    await this.db.run(
      `INSERT INTO grade_outbox (id, registration_id, lineitem_url, lineitems_url, resource_link_id,
         tag, label, user_sub, score_given, activity_progress, grading_progress, score_timestamp,
         next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        grade.id,
        grade.registrationId,
        grade.lineitemUrl,
        grade.lineitemsUrl,
        grade.resourceLinkId,
        grade.tag,
        grade.label,
        grade.userSub,
        grade.scoreGiven,
        grade.activityProgress,
        grade.gradingProgress,
        grade.timestamp,
        now,
      ],
    );
  }

  /**
   * Claims the oldest grade that is due: one conditional UPDATE, so when several tool
   * processes share the database exactly one of them sends each grade.
   */
  async claimDueGrade(now: number, lockMs: number): Promise<GradeToSend | undefined> {
    // PostgreSQL: a grade another process is claiming right now is skipped, not waited for,
    // so each claimer gets a different one. SQLite runs one writer at a time anyway.
    const skipLocked = this.db.engine === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const row = await first<{
      id: string;
      registration_id: string;
      lineitem_url: string | null;
      lineitems_url: string | null;
      resource_link_id: string;
      tag: string;
      label: string;
      user_sub: string;
      score_given: number | null;
      activity_progress: string;
      grading_progress: string;
      score_timestamp: string;
      attempts: number;
    }>(
      this.db,
      `UPDATE grade_outbox SET locked_until = ?, attempts = attempts + 1
       WHERE id = (SELECT id FROM grade_outbox
                   WHERE delivered_at IS NULL AND next_attempt_at <= ? AND locked_until <= ?
                   ORDER BY next_attempt_at, id LIMIT 1${skipLocked})
         AND locked_until <= ?
       RETURNING *`,
      [now + lockMs, now, now, now],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      registrationId: row.registration_id,
      lineitemUrl: row.lineitem_url,
      lineitemsUrl: row.lineitems_url,
      resourceLinkId: row.resource_link_id,
      tag: row.tag,
      label: row.label,
      userSub: row.user_sub,
      scoreGiven: row.score_given === null ? null : Number(row.score_given),
      activityProgress: row.activity_progress,
      gradingProgress: row.grading_progress,
      timestamp: row.score_timestamp,
      attempts: Number(row.attempts),
    };
  }

  async gradeDelivered(id: string, now: number): Promise<void> {
    await this.db.run(
      'UPDATE grade_outbox SET delivered_at = ?, locked_until = 0, last_error = NULL WHERE id = ?',
      [now, id],
    );
  }

  async gradeFailed(id: string, error: string, retryAt: number): Promise<void> {
    await this.db.run(
      'UPDATE grade_outbox SET next_attempt_at = ?, locked_until = 0, last_error = ? WHERE id = ?',
      [retryAt, error.slice(0, 500), id],
    );
  }

  async pendingGrades(): Promise<{ id: string; attempts: number; lastError: string | null }[]> {
    const rows = await this.db.all<{ id: string; attempts: number; last_error: string | null }>(
      'SELECT id, attempts, last_error FROM grade_outbox WHERE delivered_at IS NULL ORDER BY id',
    );
    return rows.map((row) => ({
      id: row.id,
      attempts: Number(row.attempts),
      lastError: row.last_error,
    }));
  }

  // Retention ---------------------------------------------------------------------------

  /**
   * Removes what has expired: login states and nonces at once, launches after their
   * lifetime, and learners' progress, answers and delivered grades after the retention period.
   */
  async purge(now: number, retainedSince: number): Promise<void> {
    await this.db.run('DELETE FROM login_states WHERE expires_at < ?', [now]);
    await this.db.run('DELETE FROM used_nonces WHERE expires_at < ?', [now]);
    await this.db.run('DELETE FROM launches WHERE expires_at < ?', [now]);
    await this.db.run('DELETE FROM deep_link_requests WHERE expires_at < ?', [now]);
    await this.db.run('DELETE FROM progress WHERE updated_at < ?', [retainedSince]);
    await this.db.run('DELETE FROM answers WHERE answered_at < ?', [retainedSince]);
    await this.db.run(
      'DELETE FROM grade_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?',
      [retainedSince],
    );
  }

  /** Deletes one learner's data on every registration of a platform; returns rows removed. */
  async forgetLearnerOfIssuer(issuer: string, userSub: string): Promise<number> {
    const registrations = await this.db.all<{ id: string }>(
      'SELECT id FROM registrations WHERE issuer = ?',
      [issuer],
    );
    let removed = 0;
    for (const { id } of registrations) removed += await this.forgetLearner(id, userSub);
    return removed;
  }

  /** Removes every table of the tool (PostgreSQL `--delete-data`). */
  async dropEverything(): Promise<void> {
    await this.db.script(
      'DROP TABLE IF EXISTS settings, grade_outbox, answers, progress, launches, deep_link_requests, used_nonces, login_states, deployments, registrations, tool_keys, schema_migrations',
    );
  }

  /** Deletes everything the tool holds about one learner of one platform. */
  async forgetLearner(registrationId: string, userSub: string): Promise<number> {
    let removed = 0;
    for (const table of ['launches', 'progress', 'answers', 'grade_outbox']) {
      removed += await this.db.run(
        `DELETE FROM ${table} WHERE registration_id = ? AND user_sub = ?`,
        [registrationId, userSub],
      );
    }
    return removed;
  }
}
