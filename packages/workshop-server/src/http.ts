import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './security.ts';

/** A refusal with its HTTP status; the router turns it into a plain response. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 413 | 415 | 429,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a body, refusing it (413) as soon as it passes `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `Request body over ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `Request body over ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  if (mediaType(request) !== 'application/json') {
    throw new HttpError(415, 'Send application/json.');
  }
  const text = await readBody(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
}

export async function readForm(request: IncomingMessage, limit: number): Promise<URLSearchParams> {
  if (mediaType(request) !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'Send a form.');
  }
  return new URLSearchParams(await readBody(request, limit));
}

export function parseCookies(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

/** httpOnly, SameSite=Strict, path /: scripts cannot read it and other sites cannot send it. */
export function sessionCookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export function clearedCookie(name: string): string {
  return `${name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

export type Headers = Record<string, string | string[]>;

export function send(
  response: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type: string,
  headers: Headers = {},
): void {
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.length),
    ...headers,
  });
  response.end(body);
}

export function redirect(response: ServerResponse, location: string, headers: Headers = {}): void {
  response.writeHead(303, {
    ...securityHeaders,
    location,
    'cache-control': 'no-store',
    ...headers,
  });
  response.end();
}

/**
 * Refuses a state-changing request from another site (fetch metadata, then Origin).
 * SameSite=Strict already keeps the cookies off such requests; this also covers the join
 * form, which needs none. Under `Referrer-Policy: no-referrer` browsers send
 * `Origin: null` even for same-origin requests, so "null" alone is no proof either way.
 */
export function assertSameOrigin(request: IncomingMessage): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return;
    throw new HttpError(403, 'Cross-site request refused.');
  }
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'Bad Origin header.');
  }
  if (host !== request.headers.host) throw new HttpError(403, 'Cross-site request refused.');
}

export function noContent(response: ServerResponse): void {
  response.writeHead(204, { ...securityHeaders, 'cache-control': 'no-store' });
  response.end();
}
