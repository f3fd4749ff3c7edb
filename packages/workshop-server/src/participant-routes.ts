import { randomBytes } from 'node:crypto';
import { runtimeFiles } from '@teach-in/course-builder';
import {
  assertSameOrigin,
  type Context,
  clearSessionCookie,
  clientAddress,
  contentTypeOf,
  HttpError,
  policies,
  readForm,
  readJson,
  setSessionCookie,
} from '@teach-in/http-kit';
import { cookieNames, participantOf, type WorkshopContext } from './context.ts';
import { learnerPage, type ServedCourse } from './courses.ts';
import { homePage, joinPage, pollPage } from './pages.ts';
import { responseProblem, storedResponse, verdict } from './question-options.ts';
import { hashSecret, newSessionId } from './security.ts';
import type { Participant } from './store.ts';
import { answerBody, bodyLimits, checkNickname, progressBody } from './validation.ts';

export function showHome(context: WorkshopContext, c: Context) {
  const participant = participantOf(context, c);
  if (!participant) return c.html(joinPage(context.retentionDays));
  const { courses, store, retentionDays } = context;
  return c.html(homePage(participant, courses, store.currentPoll(), retentionDays));
}

export async function join(context: WorkshopContext, c: Context) {
  assertSameOrigin(c);
  context.limiters.join.takeOrRefuse(clientAddress(c));
  context.limiters.joinTotal.takeOrRefuse('every address');
  const form = await readForm(c, bodyLimits.form);
  const checked = checkNickname(form.get('nickname'));
  if ('problem' in checked) {
    const page = joinPage(context.retentionDays, checked.problem, form.get('nickname') ?? '');
    return c.html(page, 400);
  }
  const session = newSessionId();
  context.store.join(checked.nickname, hashSecret(session));
  context.live.changed();
  // The cookie lives as long as the data may: the retention period.
  setSessionCookie(c, cookieNames.participant, session, context.retentionDays * 24 * 60 * 60);
  return c.redirect('/', 303);
}

export function requireParticipant(context: WorkshopContext, c: Context): Participant {
  const participant = participantOf(context, c);
  if (!participant) throw new HttpError(403, 'Join the workshop first.');
  return participant;
}

/** The participant deletes their own data: progress, answers and votes go with them. */
export function leave(context: WorkshopContext, c: Context) {
  assertSameOrigin(c);
  const participant = requireParticipant(context, c);
  context.store.forget(participant.id);
  context.live.changed();
  clearSessionCookie(c, cookieNames.participant);
  return c.redirect('/', 303);
}

export function showPoll(context: WorkshopContext, c: Context) {
  const participant = participantOf(context, c);
  if (!participant) return c.redirect('/', 303);
  const notice = c.req.query('voted') === undefined ? undefined : 'Your vote is in.';
  const poll = context.store.currentPoll();
  const myVote = poll ? context.store.voteOf(poll.id, participant.id) : undefined;
  return c.html(pollPage(poll, myVote, notice));
}

export async function vote(context: WorkshopContext, c: Context) {
  assertSameOrigin(c);
  const participant = requireParticipant(context, c);
  context.limiters.answer.takeOrRefuse(String(participant.id));
  const form = await readForm(c, bodyLimits.form);
  const poll = context.store.currentPoll();
  if (!poll || form.get('poll') !== String(poll.id)) {
    throw new HttpError(400, 'That poll is closed.');
  }
  const choice = form.get('choice');
  if (!choice || !poll.choices.some((option) => option.id === choice)) {
    throw new HttpError(400, 'Pick one of the choices.');
  }
  context.store.vote(poll.id, participant.id, choice);
  context.live.changed();
  return c.redirect('/poll?voted=1', 303);
}

/** `/c/<course-id>/...`: the learner page, its files, and the tracker's two endpoints. */
export async function courseRoute(context: WorkshopContext, c: Context) {
  const [, , encodedId = '', ...rest] = new URL(c.req.url).pathname.split('/');
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
  if (rest.length === 0) return c.redirect(`/c/${encodeURIComponent(courseId)}/`, 303);
  const participant = participantOf(context, c);
  if (c.req.method === 'POST') {
    assertSameOrigin(c);
    if (!participant) throw new HttpError(403, 'Join the workshop first.');
    if (file === 'progress') return saveProgress(context, c, served, participant);
    if (file === 'answer') return saveAnswer(context, c, served, participant);
    throw new HttpError(404, 'No such endpoint.');
  }
  if (!participant) return c.redirect('/', 303);
  if (file === '' || file === runtimeFiles.page) {
    const saved = context.store.progressOf(participant.id, courseId);
    const page = learnerPage(served, {
      endpoint: `/c/${encodeURIComponent(courseId)}/`,
      writer: randomBytes(12).toString('base64url'),
      ...saved,
    });
    return c.html(page, 200, { 'content-security-policy': policies.servedCoursePage });
  }
  const bytes = served.files.get(file);
  if (!bytes) throw new HttpError(404, 'Not found.');
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': contentTypeOf(file),
    'cache-control': 'private, no-cache',
    'content-security-policy': policies.servedCoursePage,
  });
}

async function saveProgress(
  context: WorkshopContext,
  c: Context,
  served: ServedCourse,
  participant: Participant,
) {
  context.limiters.progress.takeOrRefuse(String(participant.id));
  const parsed = progressBody.safeParse(await readJson(c, bodyLimits.progress));
  if (!parsed.success) throw new HttpError(400, 'Malformed progress.');
  const body = parsed.data;
  if (body.location !== undefined && !served.pageIds.has(body.location)) {
    throw new HttpError(400, 'Unknown page.');
  }
  context.store.saveProgress(participant.id, served.course.id, body);
  return c.body(null, 204);
}

async function saveAnswer(
  context: WorkshopContext,
  c: Context,
  served: ServedCourse,
  participant: Participant,
) {
  context.limiters.answer.takeOrRefuse(String(participant.id));
  const parsed = answerBody.safeParse(await readJson(c, bodyLimits.answer));
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
  return c.body(null, 204);
}
