import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { runtimeFiles } from '@teach-in/course-builder';
import { clientAddress, cookieNames, participantOf, type WorkshopContext } from './context.ts';
import { learnerPage, type ServedCourse } from './courses.ts';
import {
  assertSameOrigin,
  clearedCookie,
  HttpError,
  noContent,
  readForm,
  readJson,
  redirect,
  send,
  sessionCookie,
} from './http.ts';
import { homePage, joinPage, pollPage } from './pages.ts';
import { responseProblem, storedResponse, verdict } from './question-options.ts';
import { coursePageCsp, hashSecret, newSessionId } from './security.ts';
import type { Participant } from './store.ts';
import { answerBody, bodyLimits, checkNickname, progressBody } from './validation.ts';

const html = 'text/html; charset=utf-8';

const contentTypes: Record<string, string> = {
  '.html': html,
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
};

function take(
  context: WorkshopContext,
  limiter: 'join' | 'joinTotal' | 'answer' | 'progress',
  key: string,
) {
  if (!context.limiters[limiter].take(key)) {
    throw new HttpError(429, 'Too many requests; wait a moment and try again.');
  }
}

export function showHome(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const participant = participantOf(context, request);
  if (!participant) {
    send(response, 200, joinPage(context.retentionDays), html);
    return;
  }
  const page = homePage(
    participant,
    context.courses,
    context.store.currentPoll(),
    context.retentionDays,
  );
  send(response, 200, page, html);
}

export async function join(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  assertSameOrigin(request);
  take(context, 'join', clientAddress(request));
  take(context, 'joinTotal', 'every address');
  const form = await readForm(request, bodyLimits.form);
  const checked = checkNickname(form.get('nickname'));
  if ('problem' in checked) {
    const page = joinPage(context.retentionDays, checked.problem, form.get('nickname') ?? '');
    send(response, 400, page, html);
    return;
  }
  const session = newSessionId();
  context.store.join(checked.nickname, hashSecret(session));
  context.live.changed();
  // The cookie lives as long as the data may: the retention period.
  const maxAge = context.retentionDays * 24 * 60 * 60;
  redirect(response, '/', {
    'set-cookie': sessionCookie(cookieNames.participant, session, maxAge),
  });
}

export function requireParticipant(
  context: WorkshopContext,
  request: IncomingMessage,
): Participant {
  const participant = participantOf(context, request);
  if (!participant) throw new HttpError(403, 'Join the workshop first.');
  return participant;
}

/** The participant deletes their own data: progress, answers and votes go with them. */
export function leave(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  assertSameOrigin(request);
  const participant = requireParticipant(context, request);
  context.store.forget(participant.id);
  context.live.changed();
  redirect(response, '/', { 'set-cookie': clearedCookie(cookieNames.participant) });
}

export function showPoll(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
  notice?: string,
) {
  const participant = participantOf(context, request);
  if (!participant) {
    redirect(response, '/');
    return;
  }
  const poll = context.store.currentPoll();
  const myVote = poll ? context.store.voteOf(poll.id, participant.id) : undefined;
  send(response, 200, pollPage(poll, myVote, notice), html);
}

export async function vote(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  assertSameOrigin(request);
  const participant = requireParticipant(context, request);
  take(context, 'answer', String(participant.id));
  const form = await readForm(request, bodyLimits.form);
  const poll = context.store.currentPoll();
  if (!poll || form.get('poll') !== String(poll.id)) {
    throw new HttpError(400, 'That poll is closed.');
  }
  const choice = form.get('choice');
  if (!choice || !poll.choices.some((c) => c.id === choice)) {
    throw new HttpError(400, 'Pick one of the choices.');
  }
  context.store.vote(poll.id, participant.id, choice);
  context.live.changed();
  redirect(response, '/poll?voted=1');
}

/** `/c/<course-id>/...`: the learner page, its files, and the tracker's two endpoints. */
export async function courseRoute(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
) {
  const [, , encodedId = '', ...rest] = pathname.split('/');
  let courseId: string;
  let file: string;
  try {
    courseId = decodeURIComponent(encodedId);
    file = decodeURIComponent(rest.join('/'));
  } catch {
    throw new HttpError(400, 'Bad path.');
  }
  const served = context.courses.get(courseId);
  if (!served) throw new HttpError(404, 'No such course.');
  if (rest.length === 0) {
    redirect(response, `/c/${encodeURIComponent(courseId)}/`);
    return;
  }
  const participant = participantOf(context, request);
  if (request.method === 'POST') {
    assertSameOrigin(request);
    if (!participant) throw new HttpError(403, 'Join the workshop first.');
    if (file === 'progress') return saveProgress(context, request, response, served, participant);
    if (file === 'answer') return saveAnswer(context, request, response, served, participant);
    throw new HttpError(404, 'No such endpoint.');
  }
  if (!participant) {
    redirect(response, '/');
    return;
  }
  if (file === '' || file === runtimeFiles.page) {
    const saved = context.store.progressOf(participant.id, courseId);
    const page = learnerPage(served, {
      endpoint: `/c/${encodeURIComponent(courseId)}/`,
      writer: randomBytes(12).toString('base64url'),
      ...saved,
    });
    send(response, 200, page, html, { 'content-security-policy': coursePageCsp });
    return;
  }
  const bytes = served.files.get(file);
  if (!bytes) throw new HttpError(404, 'Not found.');
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  send(response, 200, bytes, type, {
    'cache-control': 'private, no-cache',
    'content-security-policy': coursePageCsp,
  });
}

async function saveProgress(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
  served: ServedCourse,
  participant: Participant,
) {
  take(context, 'progress', String(participant.id));
  const parsed = progressBody.safeParse(await readJson(request, bodyLimits.progress));
  if (!parsed.success) throw new HttpError(400, 'Malformed progress.');
  const body = parsed.data;
  if (body.location !== undefined && !served.pageIds.has(body.location)) {
    throw new HttpError(400, 'Unknown page.');
  }
  context.store.saveProgress(participant.id, served.course.id, body);
  noContent(response);
}

async function saveAnswer(
  context: WorkshopContext,
  request: IncomingMessage,
  response: ServerResponse,
  served: ServedCourse,
  participant: Participant,
) {
  take(context, 'answer', String(participant.id));
  const parsed = answerBody.safeParse(await readJson(request, bodyLimits.answer));
  if (!parsed.success) throw new HttpError(400, 'Malformed answer.');
  const { questionId, response: picked, writer, seq } = parsed.data;
  const question = served.questions.get(questionId);
  if (!question) throw new HttpError(400, 'Unknown question.');
  const problem = responseProblem(question, picked);
  if (problem) throw new HttpError(400, problem);
  context.store.saveAnswer(participant.id, {
    courseId: served.course.id,
    questionId,
    response: storedResponse(question, picked),
    correct: verdict(question, picked),
    writer,
    seq,
  });
  context.live.changed();
  noContent(response);
}
