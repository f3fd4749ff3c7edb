import { randomBytes, randomUUID } from 'node:crypto';
import { runtimeFiles } from '@teach-in/course-builder';
import { isCorrect, isGraded } from '@teach-in/course-schema';
import { type Context, contentTypeOf, policies, readJson } from '@teach-in/http-kit';
import { z } from 'zod';
import { agsScope, isFacilitator } from './claims.ts';
import { bodyLimits, type ToolContext } from './context.ts';
import { facilitatorPage } from './facilitator.ts';
import { hashToken } from './launch-routes.ts';
import { Refusal } from './refusals.ts';
import { learnerPage, type ServedTarget } from './served-courses.ts';
import type { Launch } from './storage/store.ts';
import { sendPage } from './tool-pages.ts';

// The same wire format and limits as `teach-in workshop` (lms-bridge workshop-protocol.ts).
const writer = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(200);
const progressBody = z.strictObject({
  writer,
  seq,
  state: z.string().max(64_000).optional(),
  location: id.optional(),
  outcome: z
    .strictObject({
      completed: z.boolean(),
      passed: z.boolean().nullable(),
      scorePercent: z.number().min(0).max(100).nullable(),
    })
    .optional(),
});
const answerBody = z.strictObject({
  writer,
  seq,
  questionId: id,
  response: z.array(z.string().min(1).max(2000)).max(200),
});

/** The launch a `/lti/play/<token>/` address belongs to; the token is the session, no cookie. */
async function launchOf(context: ToolContext, c: Context): Promise<Launch> {
  const token = c.req.param('token') ?? '';
  const launch = await context.store.launch(hashToken(token), context.now());
  if (!launch) {
    throw new Refusal(
      403,
      'launch-ended',
      'This launch has ended. Open the activity again from your LMS.',
    );
  }
  return launch;
}

async function servedOf(context: ToolContext, launch: Launch): Promise<ServedTarget> {
  const served = context.courses.get(launch.target);
  if (!served) throw new Refusal(404, 'unknown-placement', 'This course is no longer served here.');
  return served;
}

/** `GET /lti/play/<token>/<file>`: the course page (with resume data) and its files. */
export async function courseFile(context: ToolContext, c: Context) {
  const launch = await launchOf(context, c);
  const served = await servedOf(context, launch);
  const file = c.req.param('file') ?? '';
  if (file === 'facilitator') return facilitatorView(context, c, launch, served);
  if (file === '' || file === runtimeFiles.page) {
    const saved = await context.store.progressOf(launch);
    const html = learnerPage(served, {
      endpoint: `./`,
      writer: randomBytes(12).toString('base64url'),
      ...(saved.state ? { state: saved.state } : {}),
      ...(saved.location ? { location: saved.location } : {}),
    });
    c.header('content-security-policy', policies.ltiCoursePage);
    c.header('cache-control', 'no-store');
    return c.html(html);
  }
  const bytes = served.files.get(file);
  if (!bytes) throw new Refusal(404, 'not-found', 'There is no such file in this course.');
  c.header('content-security-policy', policies.ltiCoursePage);
  c.header('cache-control', 'private, max-age=300');
  c.header('content-type', contentTypeOf(file));
  return c.body(bytes as Uint8Array<ArrayBuffer>);
}

/** `POST /lti/play/<token>/progress`: the tracker's latest progress; a grade when finished. */
export async function saveProgress(context: ToolContext, c: Context) {
  const launch = await launchOf(context, c);
  const served = await servedOf(context, launch);
  const parsed = progressBody.safeParse(await readJson(c, bodyLimits.progress));
  if (!parsed.success) throw new Refusal(400, 'malformed-progress', 'Malformed progress.');
  const body = parsed.data;
  if (body.location !== undefined && !served.pageIds.has(body.location)) {
    throw new Refusal(400, 'unknown-page', 'Unknown page.');
  }
  const outcome = body.outcome ? JSON.stringify(body.outcome) : undefined;
  const now = context.now();
  const saved = await context.store.saveProgress(
    launch,
    { writer: body.writer, seq: body.seq, state: body.state, location: body.location, outcome },
    now,
  );
  const finished = body.outcome && (body.outcome.completed || body.outcome.passed !== null);
  if (saved && finished && outcome !== saved.previousOutcome && canPostScores(launch)) {
    const result = body.outcome;
    await context.store.enqueueGrade(
      {
        id: `${now.toString(36).padStart(9, '0')}-${randomUUID()}`,
        registrationId: launch.registrationId,
        lineitemUrl: launch.lineitemUrl,
        lineitemsUrl: launch.lineitemsUrl,
        resourceLinkId: launch.resourceLinkId,
        tag: launch.target,
        label: served.title,
        userSub: launch.userSub,
        scoreGiven: result?.scorePercent ?? null,
        activityProgress: result?.completed ? 'Completed' : 'Submitted',
        gradingProgress: result?.scorePercent === null ? 'NotReady' : 'FullyGraded',
        timestamp: new Date(now).toISOString(),
      },
      now,
    );
    context.outbox.kick();
  }
  return c.body(null, 204);
}

function canPostScores(launch: Launch): boolean {
  if (!launch.agsScopes.includes(agsScope.score)) return false;
  if (launch.lineitemUrl) return true;
  return launch.lineitemsUrl !== null && launch.agsScopes.includes(agsScope.lineItem);
}

/** `POST /lti/play/<token>/answer`: kept for the class counts; typed text is never kept. */
export async function saveAnswer(context: ToolContext, c: Context) {
  const launch = await launchOf(context, c);
  const served = await servedOf(context, launch);
  const parsed = answerBody.safeParse(await readJson(c, bodyLimits.answer));
  if (!parsed.success) throw new Refusal(400, 'malformed-answer', 'Malformed answer.');
  const question = served.questions.get(parsed.data.questionId);
  if (!question) throw new Refusal(400, 'unknown-question', 'Unknown question.');
  const typed = question.type === 'fill-in' || question.type === 'reflection';
  await context.store.saveAnswer(
    launch,
    {
      questionId: question.id,
      response: typed ? '(typed text, not kept)' : parsed.data.response.join(','),
      correct: isGraded(question) ? isCorrect(question, parsed.data.response) : null,
    },
    context.now(),
  );
  return c.body(null, 204);
}

async function facilitatorView(
  context: ToolContext,
  c: Context,
  launch: Launch,
  served: ServedTarget,
) {
  if (!isFacilitator(launch.roles)) {
    throw new Refusal(403, 'not-facilitator', 'Only the instructors of this class see its totals.');
  }
  const counts = await context.store.answerCounts(launch.registrationId, launch.resourceLinkId);
  return sendPage(c, await facilitatorPage(context, launch, served, counts));
}
