import {
  assertSameOrigin,
  type Context,
  clearSessionCookie,
  clientAddress,
  HttpError,
  policies,
  readForm,
  sessionCookieOf,
  setSessionCookie,
} from '@teach-in/http-kit';
import { renderSVG } from 'uqr';
import { cookieNames, isFacilitator, type WorkshopContext } from './context.ts';
import { dashboardPage, loginPage } from './pages.ts';
import { pollChoicesOf } from './question-options.ts';
import { hashSecret, newSessionId, tokenMatches } from './security.ts';
import { aggregateCsv, liveCounts } from './summary.ts';
import { bodyLimits } from './validation.ts';

const facilitatorSessionSeconds = 12 * 60 * 60;

function requireFacilitator(context: WorkshopContext, c: Context): void {
  if (!isFacilitator(context, c)) throw new HttpError(403, 'Facilitator only.');
}

export function showDashboard(context: WorkshopContext, c: Context) {
  if (!isFacilitator(context, c)) return c.html(loginPage());
  const { store, courses } = context;
  return c.html(dashboardPage(courses, store.currentPoll(), liveCounts(store), context.joinUrl()));
}

/** The token is typed into a form (a POST body), so it never appears in a URL or a log. */
export async function login(context: WorkshopContext, c: Context) {
  assertSameOrigin(c);
  const form = await readForm(c, bodyLimits.form);
  const typed = (form.get('token') ?? '').slice(0, 200);
  const address = clientAddress(c);
  // The right token always gets in, however many wrong ones came from this address.
  if (!tokenMatches(typed, context.token)) {
    if (!(await context.loginGuard.failed(address))) {
      throw new HttpError(429, 'Too many attempts; wait a minute.', { 'retry-after': '60' });
    }
    return c.html(loginPage('That is not the token printed in the terminal.'), 403);
  }
  context.loginGuard.succeeded(address);
  const session = newSessionId();
  context.facilitatorSessions.add(hashSecret(session));
  setSessionCookie(c, cookieNames.facilitator, session, facilitatorSessionSeconds);
  return c.redirect('/facilitator', 303);
}

export function logout(context: WorkshopContext, c: Context) {
  assertSameOrigin(c);
  const session = sessionCookieOf(c, cookieNames.facilitator);
  if (session) context.facilitatorSessions.delete(hashSecret(session));
  clearSessionCookie(c, cookieNames.facilitator);
  return c.redirect('/facilitator', 303);
}

export function counts(context: WorkshopContext, c: Context) {
  requireFacilitator(context, c);
  return c.json(liveCounts(context.store));
}

export function events(context: WorkshopContext, c: Context) {
  requireFacilitator(context, c);
  return context.live.subscribe(c);
}

export async function openPoll(context: WorkshopContext, c: Context) {
  assertSameOrigin(c);
  requireFacilitator(context, c);
  const form = await readForm(c, bodyLimits.form);
  const served = context.courses.get(form.get('course') ?? '');
  const question = served?.questions.get(form.get('question') ?? '');
  if (!served || !question) throw new HttpError(400, 'No such question.');
  const choices = pollChoicesOf(question);
  if (!choices) throw new HttpError(400, 'This question has no choices to vote on.');
  context.store.openPoll(served.course.id, question.id, question.promptText, choices);
  context.live.changed();
  return c.redirect('/facilitator', 303);
}

export function closePoll(context: WorkshopContext, c: Context) {
  assertSameOrigin(c);
  requireFacilitator(context, c);
  context.store.closePoll();
  context.live.changed();
  return c.redirect('/facilitator', 303);
}

export function exportCsv(context: WorkshopContext, c: Context) {
  requireFacilitator(context, c);
  return c.body(aggregateCsv(context.store, context.courses), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="workshop-totals.csv"',
  });
}

/** The join URL as a QR code, for the projector. Public: it holds nothing secret. */
export function qrCode(context: WorkshopContext, c: Context) {
  const svg = renderSVG(context.joinUrl(), { border: 2 });
  return c.body(svg, 200, {
    'content-type': 'image/svg+xml',
    'content-security-policy': policies.image,
  });
}
