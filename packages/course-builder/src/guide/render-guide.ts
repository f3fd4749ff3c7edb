import {
  type Block,
  type Course,
  escapeHtml,
  type Module,
  type Page,
  referenceAnchor,
  type Workshop,
} from '@teach-in/course-schema';
import { sanitize } from '../sanitize.ts';
import { answerKey } from './answer-key.ts';
import { guideStyles } from './guide-styles.ts';

const questionKinds = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  'true-false': 'True or false',
  matching: 'Matching',
  ordering: 'Ordering',
  'fill-in': 'Fill in',
  dropdown: 'Sentence with blanks',
  likert: 'Agreement scale',
  scenario: 'Scenario',
  reflection: 'Reflection',
} as const;

function renderGuideBlock(block: Block): string {
  switch (block.kind) {
    // Organizers run sessions from the guide, so the lesson text sits beside its notes.
    case 'prose':
      return `<div class="lesson">${sanitize(block.html)}</div>`;
    case 'callout':
      return `<div class="lesson callout">${sanitize(block.html)}</div>`;
    case 'facilitator':
      return `<div class="note"><p class="eyebrow">Facilitator note</p>${sanitize(block.html)}</div>`;
    case 'question': {
      const q = block.question;
      const counts = 'graded' in q ? (q.graded ? ', counts towards the score' : ', practice') : '';
      return `<div class="question"><p class="eyebrow">${questionKinds[q.type]}${counts}</p><p class="prompt">${sanitize(
        q.promptHtml || escapeHtml(q.promptText),
      )}</p>${sanitize(answerKey(q))}${
        q.explanationHtml ? `<p class="feedback">${sanitize(q.explanationHtml)}</p>` : ''
      }</div>`;
    }
    // A printed guide cannot play media: it names the video and prints an audio transcript.
    case 'media': {
      const media = block.media;
      const label = media.type === 'video' ? 'Video' : 'Audio';
      const transcript = media.type === 'audio' ? sanitize(media.transcriptHtml) : '';
      return `<div class="lesson media"><p class="eyebrow">${label}: ${escapeHtml(media.title)}</p>${transcript}</div>`;
    }
  }
}

/** A page's sources, numbered as its citations are and anchored so they can be followed. */
function pageSources(page: Page): string {
  if (page.references.length === 0) return '';
  return `<ol class="page-sources" aria-label="Sources on this page">${page.references
    .map(
      (ref) =>
        `<li value="${ref.number}" id="${escapeHtml(referenceAnchor(page.id, ref.key))}">${escapeHtml(ref.text)}</li>`,
    )
    .join('')}</ol>`;
}

function renderModule(module: Module, number: number): string {
  const references = new Map<string, string>();
  for (const page of module.pages)
    for (const ref of page.references) references.set(ref.key, ref.text);
  const pages = module.pages
    .map(
      (page) =>
        `<section class="page"><h3>${escapeHtml(page.title)}</h3>${page.blocks.map(renderGuideBlock).join('')}${pageSources(page)}</section>`,
    )
    .join('\n');
  return `<section class="module" id="module-${escapeHtml(module.id)}" aria-labelledby="module-${escapeHtml(module.id)}-title">
<p class="eyebrow">Module ${number}${module.minutes ? `, about ${module.minutes} minutes` : ''}</p>
<h2 id="module-${escapeHtml(module.id)}-title">${escapeHtml(module.title)}</h2>
${module.objectives.length ? `<h3>Objectives</h3><ul>${module.objectives.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` : ''}
${pages}
${references.size ? `<h3>Sources</h3><ol>${[...references.values()].map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ol>` : ''}
</section>`;
}

function renderWorkshop(workshop: Workshop): string {
  const plan = workshop.sections.filter((s) => !s.handout);
  const handouts = workshop.sections.filter((s) => s.handout);
  return `<section class="workshop" id="workshop" aria-labelledby="workshop-title">
<p class="eyebrow">Workshop, ${workshop.minutes} minutes, in person${workshop.audience ? `, for ${escapeHtml(workshop.audience)}` : ''}</p>
<h2 id="workshop-title">${escapeHtml(workshop.title)}</h2>
${plan.map((s) => `<h3>${escapeHtml(s.title)}</h3>${sanitize(s.html)}`).join('\n')}
</section>
${handouts
  .map(
    (
      s,
      i,
    ) => `<section class="handout" id="handout-${i + 1}" aria-labelledby="handout-${i + 1}-title">
<h2 id="handout-${i + 1}-title">${escapeHtml(s.title)}</h2>${sanitize(s.html)}
</section>`,
  )
  .join('\n')}`;
}

/**
 * The facilitator guide: per module the objectives, then page by page the lesson text with
 * the facilitator notes where they fall and the answer key, and the page's sources; then the workshop plan and its handouts, each on its own sheet.
 * One self-contained file that asks for nothing from the network.
 */
export function renderGuide(course: Course): string {
  const minutes = course.modules.reduce((sum, m) => sum + (m.minutes ?? 0), 0);
  const handouts = course.workshop?.sections.filter((s) => s.handout) ?? [];
  const contents = [
    ...course.modules.map(
      (m, i) =>
        `<li><a href="#module-${escapeHtml(m.id)}">Module ${i + 1}: ${escapeHtml(m.title)}</a></li>`,
    ),
    ...(course.workshop
      ? [`<li><a href="#workshop">Workshop: ${escapeHtml(course.workshop.title)}</a></li>`]
      : []),
    ...handouts.map((h, i) => `<li><a href="#handout-${i + 1}">${escapeHtml(h.title)}</a></li>`),
  ];
  return `<!doctype html>
<html lang="${escapeHtml(course.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">
<meta name="referrer" content="no-referrer">
<title>Facilitator guide: ${escapeHtml(course.title)}</title>
<style>${guideStyles}</style>
</head>
<body>
<header>
<p class="eyebrow">Facilitator guide</p>
<h1>${escapeHtml(course.title)}</h1>
${course.audience ? `<p>For ${escapeHtml(course.audience)}.</p>` : ''}
${course.description ? `<p>${escapeHtml(course.description)}</p>` : ''}
<p>${course.modules.length} module${course.modules.length === 1 ? '' : 's'}${minutes ? `, about ${minutes} minutes online` : ''}. Version ${escapeHtml(course.version)}.</p>
</header>
<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${contents.join('')}</ol></nav>
<main>
${course.modules.map((m, i) => renderModule(m, i + 1)).join('\n')}
${course.workshop ? renderWorkshop(course.workshop) : ''}
</main>
</body>
</html>
`;
}
