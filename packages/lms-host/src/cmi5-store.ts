/**
 * The LMS's records for the cmi5 host: launch sessions, statements and xAPI state
 * documents. Statements are checked against the cmi5 rules before they are stored; a
 * batch is stored whole or not at all. Optionally kept in a JSON file so a restarted
 * host resumes where it was.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Cmi5History,
  type Cmi5Session,
  type Cmi5Verb,
  cmi5Category,
  cmi5Violations,
  type Statement,
  sessionIdExtension,
  verbOf,
} from './cmi5-rules.ts';

export interface LaunchSession extends Cmi5Session {
  fetchPath: string;
  /** Basic credentials handed out once by the fetch URL. */
  token: string;
  fetched: boolean;
}

export interface StoredStatement extends Statement {
  id: string;
  stored: string;
}

interface Records {
  /** The enrolment: kept so a restarted host continues the same registration. */
  registration?: string;
  sessions: LaunchSession[];
  statements: StoredStatement[];
  /** key (activity, agent, registration, state id) -> JSON text */
  states: Record<string, string>;
}

const categoriesOf = (s: Statement) =>
  s.context?.contextActivities?.category?.map((c) => c.id ?? '') ?? [];

/**
 * Rules for "cmi5 allowed" statements (cmi5 spec §9.6.2: any other verb, e.g. answered):
 * no cmi5 category, the launch's registration and session, inside initialized..terminated.
 */
export function allowedStatementViolations(
  statement: Statement,
  session: Cmi5Session,
  history: Cmi5History,
): string[] {
  const problems: string[] = [];
  if (categoriesOf(statement).includes(cmi5Category)) {
    problems.push('a cmi5 allowed statement must not carry the cmi5 category');
  }
  if (statement.context?.registration !== session.registration) {
    problems.push('context.registration must be the launch registration');
  }
  if (statement.context?.extensions?.[sessionIdExtension] !== session.sessionId) {
    problems.push('the session id extension must be the launch session id');
  }
  if (!history.session.includes('initialized')) problems.push('sent before "initialized"');
  if (history.session.includes('terminated')) problems.push('nothing may follow "terminated"');
  return problems;
}

export class Cmi5Store {
  #records: Records = { sessions: [], statements: [], states: {} };

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) this.#records = JSON.parse(readFileSync(file, 'utf8')) as Records;
  }

  /** The registration this store holds, or `proposed` for a new one. */
  registration(proposed: string): string {
    if (!this.#records.registration) {
      this.#records.registration = proposed;
      this.#save();
    }
    return this.#records.registration;
  }

  /** A new enrolment (a fresh attempt): earlier registrations' records stay as they were. */
  startRegistration(registration: string): void {
    this.#records.registration = registration;
    this.#save();
  }

  get statements(): readonly StoredStatement[] {
    return this.#records.statements;
  }

  newSession(
    fields: Pick<LaunchSession, 'registration' | 'activityId' | 'masteryScore'>,
  ): LaunchSession {
    const sessionId = randomUUID();
    const session: LaunchSession = {
      ...fields,
      sessionId,
      fetchPath: `/cmi5/fetch/${randomUUID()}`,
      token: Buffer.from(`${sessionId}:${randomUUID()}`).toString('base64'),
      fetched: false,
    };
    this.#records.sessions.push(session);
    this.#save();
    return session;
  }

  /** The auth token, once; undefined for an unknown or used fetch URL. */
  fetchToken(fetchPath: string): string | undefined {
    const session = this.#records.sessions.find((s) => s.fetchPath === fetchPath);
    if (!session || session.fetched) return undefined;
    session.fetched = true;
    this.#save();
    return session.token;
  }

  sessionForToken(token: string): LaunchSession | undefined {
    return this.#records.sessions.find((s) => s.fetched && s.token === token);
  }

  history(session: Cmi5Session): Cmi5History {
    const verbs = (filter: (s: StoredStatement) => boolean) =>
      this.#records.statements.filter(filter).flatMap((s) => verbOf(s) ?? []);
    return {
      session: verbs((s) => s.context?.extensions?.[sessionIdExtension] === session.sessionId),
      registration: verbs((s) => s.context?.registration === session.registration),
    };
  }

  /** Stores a statement the LMS itself makes (launched), without the AU's rules. */
  recordByLms(statement: Statement): StoredStatement {
    const stored = {
      ...statement,
      id: statement.id ?? randomUUID(),
      stored: new Date().toISOString(),
    };
    this.#records.statements.push(stored);
    this.#save();
    return stored;
  }

  /**
   * Stores the AU's statements in order, or none: the reasons each one breaks a rule.
   * A statement id already stored is skipped (a resend after a lost answer).
   */
  recordFromAu(
    batch: readonly Statement[],
    session: LaunchSession,
  ): { ids: string[] } | { problems: string[]; perStatement: string[][] } {
    const history = this.history(session);
    const known = new Set(this.#records.statements.map((s) => s.id));
    const accepted: StoredStatement[] = [];
    const problems: string[] = [];
    const perStatement: string[][] = [];
    const ids: string[] = [];
    batch.forEach((statement, index) => {
      if (statement.id && known.has(statement.id)) {
        ids.push(statement.id);
        perStatement.push([]);
        return;
      }
      const verb: Cmi5Verb | undefined = verbOf(statement);
      const found = verb
        ? cmi5Violations(statement, session, history)
        : allowedStatementViolations(statement, session, history);
      for (const problem of found) problems.push(`statement ${index}: ${problem}`);
      perStatement.push(found);
      if (verb) {
        history.session.push(verb);
        history.registration.push(verb);
      }
      const id = statement.id ?? randomUUID();
      known.add(id);
      ids.push(id);
      accepted.push({ ...statement, id, stored: new Date().toISOString() });
    });
    if (problems.length > 0) return { problems, perStatement };
    this.#records.statements.push(...accepted);
    this.#save();
    return { ids };
  }

  /** Every state document, as the LMS keeps it. */
  get states(): Readonly<Record<string, string>> {
    return this.#records.states;
  }

  getState(key: string): string | undefined {
    return this.#records.states[key];
  }

  setState(key: string, json: string | undefined): void {
    if (json === undefined) delete this.#records.states[key];
    else this.#records.states[key] = json;
    this.#save();
  }

  #save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    // Write then rename: a crash mid-write never leaves half a file.
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.#records));
    renameSync(temporary, this.file);
  }
}
