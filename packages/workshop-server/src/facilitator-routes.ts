import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderSVG } from 'uqr';
import { clientAddress, cookieNames, isFacilitator, type WorkshopContext } from './context.ts';
import {
  assertSameOrigin,
  clearedCookie,
  HttpError,
  parseCookies,
  readForm,
  redirect,
  send,
  sessionCookie,
} from './http.ts';
import { dashboardPage, loginPage } from './pages.ts';
import { pollChoicesOf } from './question-options.ts';
import { hashSecret, newSessionId, tokenMatches } from './security.ts';
import { aggregateCsv, liveCounts } from './summary.ts';
import { bodyLimits } from './validation.ts';

const html = 'text/html; charset=utf-8';
const facilitatorSessionSeconds = 12 * 60 * 60;

function requireFacilitator(context: WorkshopContext, request: IncomingMessage): void {
  if (!isFacilitator(context, request)) throw new HttpError(403, 'Facilitator only.');
}

export function showDashboard(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  if (!isFacilitator(context, request)) {
    send(response, 200, loginPage(), html);
    return;
  }
  const { store, courses } = context;
  const page = dashboardPage(courses, store.currentPoll(), liveCounts(store), context.joinUrl());
  send(response, 200, page, html);
}

/** The token is typed into a form (a POST body), so it never appears in a URL or a log. */
export async function login(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  assertSameOrigin(request);
  const form = await readForm(request, bodyLimits.form);
  const typed = (form.get('token') ?? '').slice(0, 200);
  const address = clientAddress(request);
  // The right token always gets in, however many wrong ones came from this address.
  if (!tokenMatches(typed, context.token)) {
    if (!(await context.loginGuard.failed(address))) {
      throw new HttpError(429, 'Too many attempts; wait a minute.');
    }
    send(response, 403, loginPage('That is not the token printed in the terminal.'), html);
    return;
  }
  context.loginGuard.succeeded(address);
  const session = newSessionId();
  context.facilitatorSessions.add(hashSecret(session));
  redirect(response, '/facilitator', {
    'set-cookie': sessionCookie(cookieNames.facilitator, session, facilitatorSessionSeconds),
  });
}

export function logout(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  assertSameOrigin(request);
  const session = parseCookies(request).get(cookieNames.facilitator);
  if (session) context.facilitatorSessions.delete(hashSecret(session));
  redirect(response, '/facilitator', { 'set-cookie': clearedCookie(cookieNames.facilitator) });
}

export function counts(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  requireFacilitator(context, request);
  send(response, 200, JSON.stringify(liveCounts(context.store)), 'application/json');
}

export function events(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  requireFacilitator(context, request);
  context.live.subscribe(response);
}

export async function openPoll(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  assertSameOrigin(request);
  requireFacilitator(context, request);
  const form = await readForm(request, bodyLimits.form);
  const served = context.courses.get(form.get('course') ?? '');
  const question = served?.questions.get(form.get('question') ?? '');
  if (!served || !question) throw new HttpError(400, 'No such question.');
  const choices = pollChoicesOf(question);
  if (!choices) throw new HttpError(400, 'This question has no choices to vote on.');
  context.store.openPoll(served.course.id, question.id, question.promptText, choices);
  context.live.changed();
  redirect(response, '/facilitator');
}

export function closePoll(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  assertSameOrigin(request);
  requireFacilitator(context, request);
  context.store.closePoll();
  context.live.changed();
  redirect(response, '/facilitator');
}

export function exportCsv(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  requireFacilitator(context, request);
  send(response, 200, aggregateCsv(context.store, context.courses), 'text/csv; charset=utf-8', {
    'content-disposition': 'attachment; filename="workshop-totals.csv"',
  });
}

/** The join URL as a QR code, for the projector. Public: it holds nothing secret. */
export function qrCode(context: WorkshopContext, response: ServerResponse) {
  const svg = renderSVG(context.joinUrl(), { border: 2 });
  send(response, 200, svg, 'image/svg+xml', { 'content-security-policy': "default-src 'none'" });
}
