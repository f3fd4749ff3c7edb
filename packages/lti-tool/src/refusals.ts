/**
 * Refusals as the LTI tool shows them: a page naming an LTI error code the learner can give
 * their LMS administrator (or `{ error: code, message }` for a caller that asks for JSON).
 * The kit decides statuses, logging and what a bug may say; this file only writes the page.
 */

import { escapeHtml } from '@teach-in/course-schema/html-text';
import { type ErrorPageOptions, HttpError, type RefusalWriter } from '@teach-in/http-kit';
import { page, sendPage } from './tool-pages.ts';

/** A refusal the learner or admin sees: a status (4xx), a code and one plain sentence. */
export class Refusal extends HttpError {
  constructor(
    status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
  }
}

/** The code of a refusal the kit made (a miss, a body over its limit, a wrong type). */
const codeOfStatus: Readonly<Record<number, string>> = {
  404: 'not-found',
  413: 'body-too-large',
  415: 'unsupported-type',
  429: 'too-many-requests',
};

function refusalPage(status: number, code: string, message: string) {
  return page(
    'The request was refused',
    `<main><h1>The request was refused</h1><p id="ti-lti-error" data-code="${escapeHtml(code)}">${escapeHtml(message)}</p><p>Status ${status}. Nothing was stored. Go back to the course in your LMS and open the activity again; if it keeps failing, tell your LMS administrator the code <code>${escapeHtml(code)}</code>.</p></main>`,
  );
}

const writeRefusal: RefusalWriter = (c, { status, message, error }) => {
  if (status >= 500) {
    return sendPage(
      c,
      page(
        'Something went wrong',
        `<main><h1>Something went wrong</h1><p>${escapeHtml(message)}</p></main>`,
      ),
      status,
    );
  }
  const code = error instanceof Refusal ? error.code : (codeOfStatus[status] ?? 'bad-request');
  const said = error === undefined ? 'There is nothing at this address.' : message;
  if ((c.req.header('accept') ?? '').includes('application/json')) {
    return c.json({ error: code, message: said }, status);
  }
  return sendPage(c, refusalPage(status, code, said), status);
};

/** The tool's error pages: its refusal page; a bug is logged and says nothing of itself. */
export function refusalPages(log: (message: string) => void): ErrorPageOptions {
  return {
    format: writeRefusal,
    unexpected: 'Try again in a moment.',
    log: (error) => log(`lti-tool: ${(error as Error).stack ?? String(error)}`),
  };
}
