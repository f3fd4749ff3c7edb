import { type Context, HttpError } from '@teach-in/http-kit';
import type { Cmi5Store } from '../cmi5-store.ts';

/** POST /cmi5/fetch/<token>: the one-time auth token (cmi5 spec §8.2). */
export function fetchToken(c: Context, store: Cmi5Store): Response {
  if (c.req.method !== 'POST') throw new HttpError(405, 'POST only');
  const token = store.fetchToken(c.req.path);
  // A used or unknown fetch URL answers with the cmi5 error object (spec §8.2.3).
  if (token) return c.json({ 'auth-token': token });
  return c.json({ 'error-code': '1', 'error-text': 'This fetch URL was already used' }, 401);
}
