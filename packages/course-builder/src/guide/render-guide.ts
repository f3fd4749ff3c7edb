import {
  type Block,
  type Course,
  escapeHtml,
  type Module,
  type Page,
  referenceAnchor,
  type Workshop,
} from '@teach-in/course-schema';
import { policies } from '@teach-in/http-kit/csp';
import { sanitize } from '../sanitize.ts';
import { answerKey } from './answer-key.ts';
import { type GuideStrings, guideStringsFor } from './guide-strings.ts';
import { guideStyles } from './guide-styles.ts';

function renderGuideBlock(block: Block, t: GuideStrings): string {
  switch (block.kind) {
    // Organizers run sessions from the guide, so the lesson text sits beside its notes.
    case 'prose':
      return `<div class="lesson">${sanitize(block.html)}</div>`;
    case 'callout':
      return `<div class="lesson callout">${sanitize(block.html)}</div>`;
    case 'facilitator':
      return `<div class="note"><p class="eyebrow">${t.facilitatorNote}</p>${sanitize(block.html)}</div>`;
    case 'question': {
      const q = block.question;
      const counts = 'graded' in q ? (q.graded ? t.countsTowardsScore : t.practice) : '';
      return `<div class="question"><p class="eyebrow">${t.questionKinds[q.type]}${counts}</p><p class="prompt">${sanitize(
        q.promptHtml || escapeHtml(q.promptText),
      )}</p>${sanitize(answerKey(q, t))}${
        q.explanationHtml ? `<p class="feedback">${sanitize(q.explanationHtml)}</p>` : ''
      }</div>`;
    }
    // A printed guide cannot play media: it names the video and prints an audio transcript.
    case 'media': {
      const media = block.media;
      const label = media.type === 'video' ? t.video : t.audio;
      const transcript = media.type === 'audio' ? sanitize(media.transcriptHtml) : '';
      return `<div class="lesson media"><p class="eyebrow">${label}: ${escapeHtml(media.title)}</p>${transcript}</div>`;
    }
  }
}

/** A page's sources, numbered as its citations are and anchored so they can be followed. */
function pageSources(page: Page, t: GuideStrings): string {
  if (page.references.length === 0) return '';
  return `<ol class="page-sources" aria-label="${escapeHtml(t.sourcesOnPage)}">${page.references
    .map(
      (ref) =>
        `<li value="${ref.number}" id="${escapeHtml(referenceAnchor(page.id, ref.key))}">${escapeHtml(ref.text)}</li>`,
    )
    .join('')}</ol>`;
}

function renderModule(module: Module, number: number, t: GuideStrings): string {
  const references = new Map<string, string>();
  for (const page of module.pages)
    for (const ref of page.references) references.set(ref.key, ref.text);
  const pages = module.pages
    .map(
      (page) =>
        `<section class="page"><h3>${escapeHtml(page.title)}</h3>${page.blocks.map((block) => renderGuideBlock(block, t)).join('')}${pageSources(page, t)}</section>`,
    )
    .join('\n');
  return `<section class="module" id="module-${escapeHtml(module.id)}" aria-labelledby="module-${escapeHtml(module.id)}-title">
<p class="eyebrow">${escapeHtml(t.module(number, module.minutes))}</p>
<h2 id="module-${escapeHtml(module.id)}-title">${escapeHtml(module.title)}</h2>
${module.objectives.length ? `<h3>${escapeHtml(t.objectives)}</h3><ul>${module.objectives.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` : ''}
${pages}
${references.size ? `<h3>${escapeHtml(t.sources)}</h3><ol>${[...references.values()].map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ol>` : ''}
</section>`;
}

function renderWorkshop(workshop: Workshop, t: GuideStrings): string {
  const plan = workshop.sections.filter((s) => !s.handout);
  const handouts = workshop.sections.filter((s) => s.handout);
  return `<section class="workshop" id="workshop" aria-labelledby="workshop-title">
<p class="eyebrow">${escapeHtml(t.workshopEyebrow(workshop.minutes, workshop.audience))}</p>
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
  const t = guideStringsFor(course.language);
  const minutes = course.modules.reduce((sum, m) => sum + (m.minutes ?? 0), 0);
  const handouts = course.workshop?.sections.filter((s) => s.handout) ?? [];
  const contents = [
    ...course.modules.map(
      (m, i) =>
        `<li><a href="#module-${escapeHtml(m.id)}">${escapeHtml(t.moduleInContents(i + 1))}: ${escapeHtml(m.title)}</a></li>`,
    ),
    ...(course.workshop
      ? [
          `<li><a href="#workshop">${escapeHtml(t.workshop)}: ${escapeHtml(course.workshop.title)}</a></li>`,
        ]
      : []),
    ...handouts.map((h, i) => `<li><a href="#handout-${i + 1}">${escapeHtml(h.title)}</a></li>`),
  ];
  return `<!doctype html>
<html lang="${escapeHtml(course.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policies.guide}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(t.facilitatorGuide)}: ${escapeHtml(course.title)}</title>
<style>${guideStyles}</style>
</head>
<body>
<header>
<p class="eyebrow">${escapeHtml(t.facilitatorGuide)}</p>
<h1>${escapeHtml(course.title)}</h1>
${course.audience ? `<p>${escapeHtml(t.forAudience(course.audience))}</p>` : ''}
${course.description ? `<p>${escapeHtml(course.description)}</p>` : ''}
<p>${escapeHtml(t.summary(course.modules.length, minutes, course.version))}</p>
</header>
<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">${escapeHtml(t.contents)}</h2><ol>${contents.join('')}</ol></nav>
<main>
${course.modules.map((m, i) => renderModule(m, i + 1, t)).join('\n')}
${course.workshop ? renderWorkshop(course.workshop, t) : ''}
</main>
</body>
</html>
`;
}
