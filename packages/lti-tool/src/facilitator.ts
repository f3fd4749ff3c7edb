import { escapeHtml } from '@teach-in/course-schema/html-text';
import { nrpsScope } from './claims.ts';
import type { ToolContext } from './context.ts';
import { serviceToken } from './grade-service.ts';
import type { ServedTarget } from './served-courses.ts';
import type { Launch } from './storage/store.ts';
import { page, type ToolPage } from './tool-pages.ts';

const learnerRole = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

/**
 * How many learners the class has (Names and Role Provisioning Services 2.0). Only the
 * count is used: names and emails in the answer are never kept or shown.
 */
async function classSize(context: ToolContext, launch: Launch): Promise<number | undefined> {
  if (!launch.membershipsUrl) return undefined;
  const registration = await context.store.registrationById(launch.registrationId);
  if (!registration) return undefined;
  try {
    const token = await serviceToken(context.keys, registration, [nrpsScope], context.fetch);
    const url = new URL(launch.membershipsUrl);
    url.searchParams.set('role', learnerRole);
    const response = await context.fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
      },
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { members?: { status?: string; roles?: string[] }[] };
    return (body.members ?? []).filter(
      (member) =>
        (member.status ?? 'Active') === 'Active' && (member.roles ?? []).includes(learnerRole),
    ).length;
  } catch {
    return undefined;
  }
}

/** The instructor's view of a placement: counts per question and response, never who. */
export async function facilitatorPage(
  context: ToolContext,
  launch: Launch,
  served: ServedTarget,
  counts: { questionId: string; response: string; count: number }[],
): Promise<ToolPage> {
  const size = await classSize(context, launch);
  const rows = [...served.questions.values()].map((question) => {
    const mine = counts.filter((row) => row.questionId === question.id);
    const total = mine.reduce((sum, row) => sum + row.count, 0);
    const detail = mine
      .map((row) => `<li><code>${escapeHtml(row.response)}</code>: ${row.count}</li>`)
      .join('');
    return `<tr><th scope="row"><code>${escapeHtml(question.id)}</code></th><td data-answered="${total}">${total}</td><td><ul>${detail}</ul></td></tr>`;
  });
  return page(
    `Class totals: ${served.title}`,
    `<main><h1>Class totals: ${escapeHtml(served.title)}</h1>
<p id="ti-class-size">${size === undefined ? 'The LMS did not offer the class list.' : `The class has ${size} learners (from the LMS's class list; only the number is used).`}</p>
<p>Counts per question and response. Who answered what is never shown.</p>
<table><thead><tr><th>Question</th><th>Answered</th><th>Responses</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p><a href="./">Open the course as learners see it</a></p></main>`,
  );
}
