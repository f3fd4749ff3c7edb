import type { Block, Course, Question } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema';
import type { PageStrings } from './page-strings/index.ts';
import { sanitize } from './sanitize.ts';

/** The print view's files in every package, beside index.html. */
export const printFile = 'print.html';
export const printCssFile = 'print.css';
export { printCss } from './print-view.styles.ts';

const list = (items: readonly string[], className: string) =>
  `<ul class="${className}">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

const byText = (a: string, b: string) => a.localeCompare(b);

/**
 * A question as paper shows it: the prompt and every choice, no answer marked. Lists whose
 * authored order is the answer (ordering items, matching targets) are sorted by text.
 */
function renderQuestion(q: Question, t: PageStrings): string {
  const prompt = `<p class="ti-print-prompt">${sanitize(q.promptHtml || escapeHtml(q.promptText))}</p>`;
  const lines = '<div class="ti-print-lines" aria-hidden="true"></div>';
  // The return type makes the switch exhaustive: a new question type fails to compile here.
  const body = ((): string => {
    switch (q.type) {
      case 'single':
      case 'multiple':
      case 'scenario':
        return list(
          q.choices.map((c) => sanitize(c.html)),
          q.type === 'multiple' ? 'ti-print-boxes' : 'ti-print-circles',
        );
      case 'true-false':
        return list(
          q.statements.map(
            (s) => `${sanitize(s.html)} <span>(${escapeHtml(t.print.trueFalse)})</span>`,
          ),
          'ti-print-boxes',
        );
      case 'matching':
        return `${list(
          q.prompts.map((p) => sanitize(p.html)),
          'ti-print-boxes',
        )}<p>${escapeHtml(
          t.print.matchWith,
        )}</p>${list(q.targets.map((target) => escapeHtml(target.text)).sort(byText), 'ti-print-plain')}`;
      case 'ordering':
        return `<p>${escapeHtml(t.print.putInOrder)}</p>${list(
          q.items.map((item) => sanitize(item.html)).sort(byText),
          'ti-print-boxes',
        )}`;
      case 'dropdown':
        return `<p>${q.segments
          .map((s) =>
            s.kind === 'text'
              ? sanitize(s.html)
              : `[${s.options.map((o) => escapeHtml(o.text)).join(' / ')}]`,
          )
          .join('')}</p>`;
      case 'likert':
        return list(q.scale.map(escapeHtml), 'ti-print-circles');
      case 'fill-in':
      case 'reflection':
        return lines;
    }
  })();
  return `<div class="ti-print-question">${prompt}${body}</div>`;
}

function renderBlock(block: Block, t: PageStrings): string {
  switch (block.kind) {
    case 'prose':
      return sanitize(block.html);
    case 'callout':
      return `<div class="ti-callout"><p class="ti-callout-title">${t.callouts[block.variant]}</p>${sanitize(block.html)}</div>`;
    case 'facilitator':
      return '';
    case 'question':
      return renderQuestion(block.question, t);
    case 'media': {
      const kind = block.media.type === 'video' ? t.print.video : t.print.audio;
      const transcript =
        block.media.type === 'audio'
          ? `<p class="ti-callout-title">${escapeHtml(t.media.transcript)}</p>${sanitize(block.media.transcriptHtml)}`
          : '';
      return `<div class="ti-callout"><p class="ti-callout-title">${escapeHtml(kind)}: ${escapeHtml(block.media.title)}</p>${transcript}</div>`;
    }
  }
}

/**
 * The whole course on paper: every module (each from a new sheet), every page, the
 * questions with their choices and no answers. Plain HTML with the course's stylesheet:
 * the browser's Print, or Save as PDF, paginates it on A4 or Letter alike.
 */
export function renderPrintView(course: Course, t: PageStrings, head: string): string {
  const modules = course.modules.map(
    (module) =>
      `<section class="ti-print-module"><h2>${escapeHtml(module.title)}</h2>${module.pages
        .map(
          (page) =>
            `<section class="ti-print-page"><h3>${escapeHtml(page.title)}</h3>${page.blocks
              .map((block) => renderBlock(block, t))
              .join('\n')}</section>`,
        )
        .join('\n')}</section>`,
  );
  return `<!doctype html>
<html lang="${escapeHtml(course.language)}">
<head>
${head}
<title>${escapeHtml(course.title)}</title>
</head>
<body class="ti-print-view">
<main>
<h1>${escapeHtml(course.title)}</h1>
${course.union ? `<p>${escapeHtml(course.union.name)}</p>` : ''}
<p class="ti-print-intro">${escapeHtml(t.print.intro)}</p>
${modules.join('\n')}
</main>
</body>
</html>
`;
}
