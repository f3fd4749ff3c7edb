import { escapeHtml, isGraded, type Question } from '@teach-in/course-schema';
import type { ServedCourse } from './courses.ts';
import { countedOptions, pollChoicesOf } from './question-options.ts';
import type { Participant, Poll } from './store.ts';
import { type Counts, countKey } from './summary.ts';

export const nicknameMaxLength = 40;

function layout(title: string, body: string, script?: string, bodyAttributes = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/static/workshop.css">
${script ? `<script src="${script}" defer></script>\n` : ''}</head>
<body${bodyAttributes}>
<main>
${body}
</main>
</body>
</html>
`;
}

function alert(message: string | undefined): string {
  return message ? `<p class="ws-alert" role="alert">${escapeHtml(message)}</p>` : '';
}

/** Join with a nickname only; says plainly what is kept and for how long. */
export function joinPage(retentionDays: number, error?: string, nickname = ''): string {
  return layout(
    'Join the workshop',
    `<h1>Join the workshop</h1>
${alert(error)}
<form method="post" action="/join">
<label for="nickname">Your nickname</label>
<input id="nickname" name="nickname" required maxlength="${nicknameMaxLength}" autocomplete="nickname" value="${escapeHtml(nickname)}">
<button type="submit">Join</button>
</form>
<p>No email, no password. Any name you like: only you see it.</p>
${dataNotice(retentionDays)}`,
  );
}

function dataNotice(retentionDays: number): string {
  return `<details class="ws-notice"><summary>What this workshop keeps about you</summary>
<p>On the organizer's laptop, not online: your nickname, where you are in each course, and
your answers. The facilitator sees only totals for the whole room, never who answered what.
Everything is deleted after ${retentionDays} days at the latest, or sooner when the
organizer deletes it. You can delete your own data at any time from the workshop page.</p>
</details>`;
}

export function homePage(
  participant: Participant,
  courses: ReadonlyMap<string, ServedCourse>,
  poll: Poll | undefined,
  retentionDays: number,
): string {
  const list = [...courses.values()]
    .map(
      ({ course }) =>
        `<li><a href="/c/${encodeURIComponent(course.id)}/">${escapeHtml(course.title)}</a></li>`,
    )
    .join('\n');
  const pollLink = poll
    ? `<p class="ws-poll-open"><a href="/poll">Room poll open: ${escapeHtml(poll.prompt)}</a></p>`
    : '<p>No room poll is open. <a href="/poll">Room poll</a></p>';
  return layout(
    'Workshop',
    `<h1>Hello, ${escapeHtml(participant.nickname)}</h1>
${pollLink}
<h2>Courses</h2>
<ul class="ws-courses">
${list}
</ul>
${dataNotice(retentionDays)}
<form method="post" action="/leave" class="ws-leave">
<button type="submit">Leave and delete my data</button>
</form>`,
  );
}

export function pollPage(
  poll: Poll | undefined,
  myVote: string | undefined,
  notice?: string,
): string {
  if (!poll) {
    return layout(
      'Room poll',
      `<h1>Room poll</h1>
<p>No poll is open right now. Reload this page when the facilitator asks.</p>
<p><a href="/">Back to the workshop</a></p>`,
    );
  }
  const choices = poll.choices
    .map(
      (choice) =>
        `<label class="ws-choice"><input type="radio" name="choice" value="${escapeHtml(
          choice.id,
        )}" required${choice.id === myVote ? ' checked' : ''}> ${escapeHtml(choice.text)}</label>`,
    )
    .join('\n');
  return layout(
    'Room poll',
    `<h1>Room poll</h1>
${notice ? `<p class="ws-status" role="status">${escapeHtml(notice)}</p>` : ''}
<form method="post" action="/poll">
<input type="hidden" name="poll" value="${poll.id}">
<fieldset>
<legend>${escapeHtml(poll.prompt)}</legend>
${choices}
</fieldset>
<button type="submit">${myVote ? 'Change my vote' : 'Vote'}</button>
</form>
<p>Only the total for the room is shown, never who voted what.</p>
<p><a href="/">Back to the workshop</a></p>`,
  );
}

export function loginPage(error?: string): string {
  return layout(
    'Facilitator',
    `<h1>Facilitator</h1>
${alert(error)}
<form method="post" action="/facilitator/login">
<label for="token">Token printed in the terminal</label>
<input id="token" name="token" required autocomplete="off" autocapitalize="none" spellcheck="false">
<button type="submit">Open the dashboard</button>
</form>`,
  );
}

function countCell(key: string, counts: Counts): string {
  return `<span data-count="${escapeHtml(key)}">${counts[key] ?? 0}</span>`;
}

function meter(key: string, totalKey: string, counts: Counts, label: string): string {
  const total = Math.max(1, counts[totalKey] ?? 0);
  return `<meter min="0" max="${total}" value="${counts[key] ?? 0}" data-count="${escapeHtml(
    key,
  )}" data-total="${escapeHtml(totalKey)}" aria-label="${escapeHtml(label)}"></meter>`;
}

function choiceTable(
  caption: string,
  rows: { text: string; key: string; right: boolean }[],
  totalKey: string,
  counts: Counts,
): string {
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.text)}${row.right ? ' <span class="ws-right">(right answer)</span>' : ''}</th><td>${countCell(
          row.key,
          counts,
        )}</td><td>${meter(row.key, totalKey, counts, row.text)}</td></tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">Choice</th><th scope="col">Count</th><th scope="col">Share</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}

function pollSection(poll: Poll | undefined, counts: Counts): string {
  if (!poll) {
    return `<section aria-labelledby="poll-heading"><h2 id="poll-heading">Room poll</h2>
<p>No poll is open. Open any question below as a poll; participants vote at <strong>/poll</strong>.</p></section>`;
  }
  const rows = poll.choices.map((choice) => ({
    text: choice.text,
    key: countKey.pollChoice(poll.id, choice.id),
    right: false,
  }));
  return `<section aria-labelledby="poll-heading" class="ws-poll"><h2 id="poll-heading">Room poll (open)</h2>
<p>${countCell(countKey.poll(poll.id), counts)} voted</p>
${choiceTable(poll.prompt, rows, countKey.poll(poll.id), counts)}
<form method="post" action="/facilitator/poll/close"><button type="submit">Close the poll</button></form>
</section>`;
}

function questionArticle(courseId: string, question: Question, counts: Counts): string {
  const total = countKey.question(courseId, question.id);
  const graded = isGraded(question) && question.graded;
  const rows = countedOptions(question).map((option) => ({
    text: option.text,
    key: countKey.choice(courseId, question.id, option.token),
    right: graded && option.right,
  }));
  const answered = `${countCell(total, counts)} answered${
    graded ? `, ${countCell(countKey.correct(courseId, question.id), counts)} rightly` : ''
  }`;
  const pollForm = pollChoicesOf(question)
    ? `<form method="post" action="/facilitator/poll">
<input type="hidden" name="course" value="${escapeHtml(courseId)}">
<input type="hidden" name="question" value="${escapeHtml(question.id)}">
<button type="submit">Open as room poll</button>
</form>`
    : '';
  const details =
    rows.length > 0
      ? choiceTable(question.promptText, rows, total, counts)
      : `<p class="ws-prompt">${escapeHtml(question.promptText)}</p>`;
  return `<article class="ws-question">
<p>${answered}</p>
${details}
${pollForm}
</article>`;
}

function courseSection(served: ServedCourse, counts: Counts): string {
  const questions = [...served.questions.values()]
    .map((question) => questionArticle(served.course.id, question, counts))
    .join('\n');
  return `<section><h2>${escapeHtml(served.course.title)}</h2>
${questions || '<p>This course has no questions.</p>'}
</section>`;
}

export function dashboardPage(
  courses: ReadonlyMap<string, ServedCourse>,
  poll: Poll | undefined,
  counts: Counts,
  joinUrl: string,
): string {
  return layout(
    'Workshop dashboard',
    `<h1>Workshop dashboard</h1>
<section class="ws-join" aria-labelledby="join-heading">
<h2 id="join-heading">Join</h2>
<img src="/qr.svg" width="240" height="240" alt="QR code that opens ${escapeHtml(joinUrl)}">
<p class="ws-url">${escapeHtml(joinUrl)}</p>
<p>${countCell('participants', counts)} joined</p>
</section>
<p class="ws-live" role="status" id="live-status">Counts update live.</p>
${pollSection(poll, counts)}
${[...courses.values()].map((served) => courseSection(served, counts)).join('\n')}
<p><a href="/facilitator/export.csv" download>Download the totals (CSV, no names)</a></p>
<form method="post" action="/facilitator/logout"><button type="submit">Log out</button></form>`,
    '/static/dashboard.js',
    ` data-open-poll="${poll?.id ?? 0}"`,
  );
}
