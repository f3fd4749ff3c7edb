import { type Context, HttpError, parseJson } from '@teach-in/http-kit';
import type { Statement } from '../cmi5-rules.ts';
import { entryOf } from './activity-log.ts';
import type { Cmi5LmsSide } from './lms-side.ts';
import { authorized, queryOf, xapiBody, xapiVersionHeader } from './xapi-request.ts';

/** GET: one statement by id, or those of a verb and registration. */
function readStatements(c: Context, side: Cmi5LmsSide): Response {
  const query = queryOf(c);
  const id = query.get('statementId');
  if (id) {
    const found = side.store.statements.find((s) => s.id === id);
    if (!found) throw new HttpError(404, 'No such statement');
    return c.json(found, 200, xapiVersionHeader);
  }
  const verb = query.get('verb');
  const registration = query.get('registration');
  const list = side.store.statements.filter(
    (s) =>
      (!verb || s.verb?.id === verb) && (!registration || s.context?.registration === registration),
  );
  return c.json({ statements: list, more: '' }, 200, xapiVersionHeader);
}

/**
 * /xapi/statements: reads, and POST (a batch) or PUT (one, with its id) that the store
 * refuses when they break the cmi5 rules (cmi5-rules.ts).
 */
export async function statementsRoute(c: Context, side: Cmi5LmsSide): Promise<Response> {
  const session = authorized(c, side.store);
  const method = c.req.method;
  if (method === 'GET') return readStatements(c, side);
  if (method !== 'POST' && method !== 'PUT') throw new HttpError(405, 'Method');
  const body = parseJson(await xapiBody(c));
  let batch = (Array.isArray(body) ? body : [body]) as Statement[];
  if (method === 'PUT') {
    const id = queryOf(c).get('statementId');
    if (!id || Array.isArray(body)) {
      throw new HttpError(400, 'PUT takes one statement and statementId');
    }
    batch = [{ ...(body as Statement), id }];
  }
  const known = new Set(side.store.statements.map((s) => s.id));
  const result = side.store.recordFromAu(batch, session);
  // A batch is stored whole or not at all: every statement of a refused batch is listed
  // as rejected, the ones that broke a rule with their reasons.
  batch.forEach((statement, index) => {
    if (statement.id && known.has(statement.id)) return;
    const problems = 'perStatement' in result ? (result.perStatement[index] ?? []) : undefined;
    side.log.note(entryOf(statement, session.registration, 'au', problems));
  });
  if ('problems' in result) return c.json({ errors: result.problems }, 400, xapiVersionHeader);
  if (method === 'PUT') return c.body(null, 204, xapiVersionHeader);
  return c.json(result.ids, 200, xapiVersionHeader);
}
