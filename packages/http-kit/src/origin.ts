import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.ts';

/**
 * Refuses a state-changing request from another site (fetch metadata, then Origin).
 * SameSite=Strict already keeps cookies off such requests; this also covers forms that
 * need none. Under `Referrer-Policy: no-referrer` browsers send `Origin: null` even for
 * same-origin requests, so "null" alone is no proof either way.
 */
export function assertSameOrigin(c: Context): void {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return;
    throw new HttpError(403, 'Cross-site request refused.');
  }
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'Bad Origin header.');
  }
  if (host !== c.req.header('host')) throw new HttpError(403, 'Cross-site request refused.');
}

/**
 * Only requests addressed to one of these hosts (`127.0.0.1:<port>`): a page on another
 * site that renamed itself to our address (DNS rebinding) is refused (403).
 */
export function onlyHosts(allowed: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!allowed().includes(c.req.header('host') ?? '')) {
      throw new HttpError(403, 'Forbidden: this server answers only to its own address.');
    }
    await next();
  };
}

/** The client's IP address, as the socket saw it. */
export function clientAddress(c: Context): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}
