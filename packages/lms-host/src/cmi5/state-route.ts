import { type Context, HttpError, parseJson } from '@teach-in/http-kit';
import type { Cmi5LmsSide } from './lms-side.ts';
import { authorized, queryOf, stateKey, xapiBody, xapiVersionHeader } from './xapi-request.ts';

const isObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** /xapi/activities/state: the AU's state documents; LMS.LaunchData it may only read. */
export async function stateRoute(c: Context, side: Cmi5LmsSide): Promise<Response> {
  const session = authorized(c, side.store);
  const query = queryOf(c);
  const key = stateKey(query);
  const { store } = side;
  if (c.req.method === 'GET') {
    const value = store.getState(key);
    if (value === undefined) throw new HttpError(404, 'No such document');
    return c.body(value, 200, { 'content-type': 'application/json', ...xapiVersionHeader });
  }
  // The LMS owns LMS.LaunchData (cmi5 spec §10): the AU may only read it.
  if (query.get('stateId') === 'LMS.LaunchData') {
    throw new HttpError(403, 'LMS.LaunchData is read-only');
  }
  const written = () => {
    side.log.emit({ kind: 'state', registration: session.registration });
    return c.body(null, 204, xapiVersionHeader);
  };
  if (c.req.method === 'DELETE') {
    store.setState(key, undefined);
    return written();
  }
  const text = await xapiBody(c);
  const incoming = parseJson(text);
  if (c.req.method === 'PUT') {
    store.setState(key, text);
    return written();
  }
  if (c.req.method === 'POST') {
    const old = parseJson(store.getState(key) ?? '{}');
    if (!isObject(old) || !isObject(incoming)) throw new HttpError(400, 'POST merges JSON objects');
    store.setState(key, JSON.stringify({ ...(old as object), ...(incoming as object) }));
    return written();
  }
  throw new HttpError(405, 'Method not allowed');
}
