/**
 * The tool's HTTP glue in one file: security headers, the CSP, the body limit, the error
 * page. It is the one place to switch to packages/http-kit when that lands.
 */

import { escapeHtml } from '@teach-in/course-schema/html-text';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';

/** A refusal the learner or admin sees: a status (4xx) and one plain sentence. */
export class Refusal extends Error {
  readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429;
  readonly code: string;

  constructor(status: Refusal['status'], code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// One escapeHtml for every package (course-schema's html-text); re-exported for the tool's pages.
export { escapeHtml };

/** Tool pages (errors, pickers, auto-submitting forms): no outside resources at all. */
export const toolPageCsp =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action *; frame-ancestors *; base-uri 'none'";

/** Course pages: the package's own files only; the LMS frames them, so any ancestor. */
export const coursePageCsp =
  "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'";

export const bodyLimits = { form: 64 * 1024, progress: 160 * 1024, answer: 16 * 1024 } as const;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:0 .2em}</style></head><body>${body}</body></html>`;
}

function errorPage(status: number, code: string, message: string): string {
  return page(
    'The request was refused',
    `<main><h1>The request was refused</h1><p id="ti-lti-error" data-code="${escapeHtml(code)}">${escapeHtml(message)}</p><p>Status ${status}. Nothing was stored. Go back to the course in your LMS and open the activity again; if it keeps failing, tell your LMS administrator the code <code>${escapeHtml(code)}</code>.</p></main>`,
  );
}

/** Security headers on every response; CSP per route (tool pages by default). */
export function securityMiddleware(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: undefined,
    // The LMS shows the tool in an iframe: frame-ancestors in the CSP decides, not XFO.
    xFrameOptions: false,
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
  });
  return async (c, next) => {
    await headers(c, next);
    if (!c.res.headers.has('content-security-policy')) {
      c.res.headers.set('content-security-policy', toolPageCsp);
    }
  };
}

export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new Refusal(413, 'body-too-large', 'The request is too large.');
    },
  });
}

function refusalResponse(c: Context, status: number, code: string, message: string) {
  const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
  if (wantsJson) return c.json({ error: code, message }, status as 400);
  return c.html(errorPage(status, code, message), status as 400);
}

/** Refusals become their error page; anything else is a 500 with no details leaked. */
export function installErrorPages(app: Hono, log: (message: string) => void): void {
  app.notFound((c) => refusalResponse(c, 404, 'not-found', 'There is nothing at this address.'));
  app.onError((error, c) => {
    if (error instanceof Refusal)
      return refusalResponse(c, error.status, error.code, error.message);
    if (error instanceof HTTPException && error.status < 500) {
      return refusalResponse(c, error.status, 'bad-request', error.message || 'Bad request.');
    }
    log(`lti-tool: ${(error as Error).stack ?? String(error)}`);
    return c.html(
      page(
        'Something went wrong',
        '<main><h1>Something went wrong</h1><p>Try again in a moment.</p></main>',
      ),
      500,
    );
  });
}

/** An HTML form that posts itself (the OIDC and Deep Linking hops between tool and LMS). */
export function autoPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  return page(
    'Continuing…',
    `<form id="ti-autopost" method="post" action="${escapeHtml(action)}">${inputs}<noscript><button>Continue</button></noscript></form><script>document.getElementById('ti-autopost').submit()</script>`,
  );
}
