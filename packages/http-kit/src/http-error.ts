import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A refusal with its HTTP status: thrown by a handler, written by `errorPages`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    /** Headers the refusal needs (`retry-after` for 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** One refusal, for a server that writes refusals its own way. */
export interface Refused {
  status: ContentfulStatusCode;
  /** The refusal's message, or `unexpected` for a bug. */
  message: string;
  /** What the handler threw (an `HttpError` or a subclass with more to say); undefined for a miss. */
  error: unknown;
}

/** Writes one refusal as a response (the LTI tool's page naming an LTI error code). */
export type RefusalWriter = (c: Context, refused: Refused) => Response | Promise<Response>;

export interface ErrorPageOptions {
  /**
   * Plain text when a person reads the refusal, JSON `{ "error": message }` when a program
   * does, or a writer of the server's own (status, message and headers still come from here).
   */
  format: 'text' | 'json' | RefusalWriter;
  /**
   * What an unexpected error (a bug, not a refusal) says. Absent: its own message, fine for
   * a server only its user reaches. Given: the message is hidden and the error is logged.
   */
  unexpected?: string;
  /** Where an unexpected error is logged when `unexpected` hides it; console.error by default. */
  log?: (error: unknown) => void;
  /** Headers on every refusal (the xAPI version header of an LRS). */
  headers?: Readonly<Record<string, string>>;
}

/** The HTTP status and message of anything a handler threw. */
function statusOf(error: unknown, options: ErrorPageOptions) {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  if (error instanceof HTTPException) {
    return { status: error.status as ContentfulStatusCode, message: error.message || 'Refused.' };
  }
  const { unexpected, log = console.error } = options;
  if (unexpected !== undefined) log(error);
  return { status: 500 as const, message: unexpected ?? (error as Error).message };
}

/** One refusal, written the way the options say. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  options: ErrorPageOptions,
  extra: Readonly<Record<string, string>> = {},
  error: unknown = undefined,
): Response | Promise<Response> {
  const headers = { ...options.headers, ...extra };
  if (typeof options.format === 'function') {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return options.format(c, { status, message, error });
  }
  return options.format === 'json'
    ? c.json({ error: message }, status, headers)
    : c.text(`${message}\n`, status, headers);
}

/** `app.onError` and `app.notFound` for a server: every refusal and every miss alike. */
export function errorPages(options: ErrorPageOptions): {
  onError: ErrorHandler;
  notFound: NotFoundHandler;
} {
  return {
    onError: (error, c) => {
      const { status, message } = statusOf(error, options);
      const extra = error instanceof HttpError ? error.headers : {};
      return errorResponse(c, status, message, options, extra, error);
    },
    notFound: (c) => errorResponse(c, 404, 'Not found.', options),
  };
}

/** Mounts `errorPages` on an app; returns the app. */
export function withErrorPages<
  App extends { onError(h: ErrorHandler): unknown; notFound(h: NotFoundHandler): unknown },
>(app: App, options: ErrorPageOptions): App {
  const pages = errorPages(options);
  app.onError(pages.onError);
  app.notFound(pages.notFound);
  return app;
}
