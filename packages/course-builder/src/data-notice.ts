/**
 * "What this course records": the page that tells learners exactly which data the course
 * sends to the LMS. Generated from ONE declarative list per LMS kind below, so the notice
 * and the trackers can be compared line by line (tests/data-notice.test.ts plays a package
 * and checks that every element the course set is listed here, and that every element
 * listed here was set). When a tracker starts sending something new, add it here.
 */
import type { Course, LmsKind, Question } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema';
import type { NoticeTopic, PageStrings } from './page-strings/index.ts';

/** When a data point is sent: on every launch, only for scored courses, or per answer. */
export type NoticeCondition = 'always' | 'scored' | 'answered';

export interface NoticeEntry {
  /** The LMS data-model element; `n` stands for the number of the answer (0, 1, 2...). */
  element: string;
  about: NoticeTopic;
  when: NoticeCondition;
}

/** Marks an entry sent once per answered question (an interaction). */
const perAnswer = 'cmi.interactions.n.';

export const dataSentToLms = {
  scorm12: [
    { element: 'cmi.core.lesson_status', about: 'statusAndSuccess', when: 'always' },
    { element: 'cmi.core.lesson_location', about: 'location', when: 'always' },
    { element: 'cmi.suspend_data', about: 'progress', when: 'always' },
    { element: 'cmi.core.exit', about: 'exit', when: 'always' },
    { element: 'cmi.core.session_time', about: 'sessionTime', when: 'always' },
    { element: 'cmi.core.score.raw', about: 'scoreRaw', when: 'scored' },
    { element: 'cmi.core.score.min', about: 'scoreRange', when: 'scored' },
    { element: 'cmi.core.score.max', about: 'scoreRange', when: 'scored' },
    { element: 'cmi.interactions.n.id', about: 'interactionId', when: 'answered' },
    { element: 'cmi.interactions.n.type', about: 'interactionType', when: 'answered' },
    { element: 'cmi.interactions.n.student_response', about: 'response', when: 'answered' },
    {
      element: 'cmi.interactions.n.correct_responses.0.pattern',
      about: 'correctResponse',
      when: 'answered',
    },
    { element: 'cmi.interactions.n.result', about: 'result', when: 'answered' },
    { element: 'cmi.interactions.n.time', about: 'answeredAt', when: 'answered' },
    { element: 'cmi.interactions.n.latency', about: 'latency', when: 'answered' },
    { element: 'cmi.objectives.n.id', about: 'moduleResult', when: 'always' },
    { element: 'cmi.objectives.n.status', about: 'moduleResult', when: 'always' },
    { element: 'cmi.objectives.n.score.raw', about: 'moduleResult', when: 'scored' },
    { element: 'cmi.objectives.n.score.min', about: 'moduleResult', when: 'scored' },
    { element: 'cmi.objectives.n.score.max', about: 'moduleResult', when: 'scored' },
  ],
  scorm2004: [
    { element: 'cmi.completion_status', about: 'status', when: 'always' },
    { element: 'cmi.success_status', about: 'success', when: 'scored' },
    { element: 'cmi.location', about: 'location', when: 'always' },
    { element: 'cmi.suspend_data', about: 'progress', when: 'always' },
    { element: 'cmi.exit', about: 'exit', when: 'always' },
    { element: 'cmi.session_time', about: 'sessionTime', when: 'always' },
    { element: 'cmi.score.raw', about: 'scoreRaw', when: 'scored' },
    { element: 'cmi.score.min', about: 'scoreRange', when: 'scored' },
    { element: 'cmi.score.max', about: 'scoreRange', when: 'scored' },
    { element: 'cmi.score.scaled', about: 'scoreScaled', when: 'scored' },
    { element: 'cmi.interactions.n.id', about: 'interactionId', when: 'answered' },
    { element: 'cmi.interactions.n.type', about: 'interactionType', when: 'answered' },
    {
      element: 'cmi.interactions.n.description',
      about: 'interactionDescription',
      when: 'answered',
    },
    { element: 'cmi.interactions.n.learner_response', about: 'response', when: 'answered' },
    {
      element: 'cmi.interactions.n.correct_responses.0.pattern',
      about: 'correctResponse',
      when: 'answered',
    },
    { element: 'cmi.interactions.n.result', about: 'result', when: 'answered' },
    { element: 'cmi.interactions.n.timestamp', about: 'answeredAt', when: 'answered' },
    { element: 'cmi.interactions.n.latency', about: 'latency', when: 'answered' },
    // The ids come from the manifest: the LMS seeds them, the course never writes them.
    { element: 'cmi.objectives.n.completion_status', about: 'moduleResult', when: 'always' },
    { element: 'cmi.objectives.n.success_status', about: 'moduleResult', when: 'scored' },
    { element: 'cmi.objectives.n.score.raw', about: 'moduleResult', when: 'scored' },
    { element: 'cmi.objectives.n.score.min', about: 'moduleResult', when: 'scored' },
    { element: 'cmi.objectives.n.score.max', about: 'moduleResult', when: 'scored' },
    { element: 'cmi.objectives.n.score.scaled', about: 'moduleResult', when: 'scored' },
  ],
  // cmi5 sends xAPI statements and one state document to the LMS's endpoint. Provisional:
  // the cmi5 tracker's own test must match this list when it lands.
  cmi5: [
    { element: 'verb initialized, terminated', about: 'sessionTime', when: 'always' },
    { element: 'verb completed', about: 'status', when: 'always' },
    { element: 'verb passed, failed', about: 'success', when: 'scored' },
    { element: 'result.score.scaled', about: 'scoreScaled', when: 'scored' },
    { element: 'state: course progress', about: 'progress', when: 'always' },
    { element: 'verb answered: object id', about: 'interactionId', when: 'answered' },
    { element: 'verb answered: result.response', about: 'response', when: 'answered' },
    { element: 'verb answered: result.success', about: 'result', when: 'answered' },
    { element: 'verb answered: timestamp', about: 'answeredAt', when: 'answered' },
    { element: 'verb answered: result.duration', about: 'latency', when: 'answered' },
  ],
  // A workshop sends to the organizer's own server: progress and answer codes, under the
  // nickname the participant chose (packages/workshop-server).
  workshop: [
    { element: 'progress', about: 'progress', when: 'always' },
    { element: 'answer: question id', about: 'interactionId', when: 'answered' },
    { element: 'answer: response codes', about: 'response', when: 'answered' },
    { element: 'answer: right or wrong', about: 'result', when: 'answered' },
  ],
  // The web copy has no LMS: it sends nothing at all.
  standalone: [],
} as const satisfies Record<LmsKind, readonly NoticeEntry[]>;

/**
 * Launched by the LTI tool (`teach-in serve`), a course runs the workshop runtime against the
 * tool's server, and the tool then sends the LMS's gradebook these (packages/lti-tool
 * grade-service.ts, LTI Assignment and Grade Services 2.0 score).
 */
export const sentToLtiGradebook = [
  { element: 'AGS score: activityProgress', about: 'status', when: 'always' },
  { element: 'AGS score: scoreGiven (of 100)', about: 'scoreRaw', when: 'scored' },
] as const satisfies readonly NoticeEntry[];

export function courseQuestions(course: Course): Question[] {
  return course.modules.flatMap((module) =>
    module.pages.flatMap((page) =>
      page.blocks.flatMap((block) => (block.kind === 'question' ? [block.question] : [])),
    ),
  );
}

const isPrivateReflection = (q: Question) => q.type === 'reflection' && !q.share;

/** The entries that apply to this course: no score lines for a course with nothing scored. */
export function noticeEntries(
  course: Course,
  lms: LmsKind,
  extra: readonly NoticeEntry[] = [],
): NoticeEntry[] {
  const questions = courseQuestions(course);
  const holds: Record<NoticeCondition, boolean> = {
    always: true,
    scored: questions.some((q) => 'graded' in q && q.graded),
    answered: questions.some((q) => !isPrivateReflection(q)),
  };
  return [...dataSentToLms[lms], ...extra].filter((entry) => holds[entry.when]);
}

function entryList(entries: readonly NoticeEntry[], t: PageStrings): string {
  const items = entries.map(
    (entry) =>
      `<li>${escapeHtml(t.notice.what[entry.about])}<br><span class="ti-visually-hidden">${escapeHtml(
        t.notice.fieldLabel,
      )}: </span><code class="ti-lms-field">${escapeHtml(entry.element)}</code></li>`,
  );
  return `<ul class="ti-notice-list">${items.join('')}</ul>`;
}

function reflectionsParagraphs(course: Course, t: PageStrings): string {
  const shared = courseQuestions(course).filter((q) => q.type === 'reflection' && q.share);
  if (shared.length === 0) return `<p>${escapeHtml(t.notice.reflectionsStay)}</p>`;
  const prompts = shared.map((q) => `<li>${escapeHtml(q.promptText)}</li>`).join('');
  return `<p>${escapeHtml(t.notice.reflectionsShared)}</p><ul>${prompts}</ul><p>${escapeHtml(
    t.notice.otherReflectionsStay,
  )}</p>`;
}

/** The notice's body (after its heading) for one package format. */
/** What the certificate shows, and that it is made on the device; nothing when it is off. */
function certificateParagraph(course: Course, t: PageStrings, whose: string): string {
  if (!course.end.certificate) return '';
  return `<p>${escapeHtml(t.notice.certificate)} ${escapeHtml(whose)}</p>`;
}

export function renderDataNotice(
  course: Course,
  lms: LmsKind,
  t: PageStrings,
  extra: readonly NoticeEntry[] = [],
): string {
  if (lms === 'standalone') {
    return [
      `<p>${escapeHtml(t.notice.standaloneIntro)}</p>`,
      `<p>${escapeHtml(t.notice.standaloneProgress)}</p>`,
      reflectionsParagraphs(course, t),
      certificateParagraph(course, t, t.notice.certificateTyped),
    ].join('\n');
  }
  const entries = noticeEntries(course, lms, extra);
  const once = entries.filter((e) => !e.element.startsWith(perAnswer));
  const eachAnswer = entries.filter((e) => e.element.startsWith(perAnswer));
  return [
    `<p>${escapeHtml(t.notice.lmsIntro)}</p>`,
    entryList(once, t),
    eachAnswer.length ? `<p>${escapeHtml(t.notice.eachAnswer)}</p>${entryList(eachAnswer, t)}` : '',
    reflectionsParagraphs(course, t),
    certificateParagraph(course, t, t.notice.certificateFromLms),
    `<p>${escapeHtml(t.notice.outsideLms)}</p>`,
  ].join('\n');
}
