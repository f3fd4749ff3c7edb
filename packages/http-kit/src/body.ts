import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './http-error.ts';

const tooLarge = (maxBytes: number) => new HttpError(413, `Request body over ${maxBytes} bytes.`);

/**
 * Refuses (413) a body over `maxBytes`: at once when its Content-Length says so, else as
 * soon as the bytes read pass it. Hono's `bodyLimit`, with the kit's refusal.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is not read: whatever the answer, the connection closes after
      // it, or the client would send its next request after bytes the server dropped.
      c.header('connection', 'close');
      throw tooLarge(maxBytes);
    },
  });
}

/** The body as text, refused (413) past `maxBytes`. */
export async function readText(c: Context, maxBytes: number): Promise<string> {
  await limitBody(maxBytes)(c, async () => {});
  return c.req.text();
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export interface JsonBodyOptions {
  /**
   * Refuse (415) a body not labelled application/json. On for our own endpoints, whose
   * callers we write; off for protocols whose clients label bodies loosely (SCORM and xAPI
   * runtimes in third-party content).
   */
  requireType?: boolean;
}

/** The body parsed as JSON: 413 past `maxBytes`, 415 without the JSON type, 400 when not JSON. */
export async function readJson(
  c: Context,
  maxBytes: number,
  options: JsonBodyOptions = {},
): Promise<unknown> {
  if ((options.requireType ?? true) && mediaType(c) !== 'application/json') {
    throw new HttpError(415, 'Send application/json.');
  }
  return parseJson(await readText(c, maxBytes));
}

/** JSON text parsed, or a 400 refusal. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
}

/** A submitted form: 413 past `maxBytes`, 415 when it is not one. */
export async function readForm(c: Context, maxBytes: number): Promise<URLSearchParams> {
  if (mediaType(c) !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'Send a form.');
  }
  return new URLSearchParams(await readText(c, maxBytes));
}
