import type { Block, Course, LmsKind, Module, Page } from '@teach-in/course-schema';
import { questionTags } from '@teach-in/course-schema';
import { courseLayout } from '@teach-in/lms-bridge/state';
import { escapeHtml, jsonForScript } from './html.ts';
import { sanitize } from './sanitize.ts';

/** File names inside every package; the manifests and the page refer to them. */
export const runtimeFiles = { js: 'teach-in.js', css: 'teach-in.css', page: 'index.html' } as const;

/**
 * A package talks to nothing outside its own folder. Lit's styles use constructable
 * stylesheets, which style-src does not govern, so no 'unsafe-inline' is needed. Only cmi5
 * connects anywhere: to the LMS's xAPI endpoint, named in the launch URL and unknown at
 * build time, so it may use any https origin (or its own, for a local LMS).
 */
function contentSecurityPolicy(lms: LmsKind): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    "font-src 'none'",
    lms === 'cmi5' ? "connect-src 'self' https:" : "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'yi']);

const calloutTitles = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning' };

/** Sanitizes every authored HTML field of a question (`html` or `...Html`), at any depth. */
function sanitizedQuestion<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    return (key === 'html' || key.endsWith('Html') ? sanitize(value) : value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => sanitizedQuestion(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, sanitizedQuestion(v, k)]),
    ) as T;
  }
  return value;
}

/** Learner-facing HTML for one block; facilitator notes never reach the learner. */
function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'prose':
      return sanitize(block.html);
    case 'callout':
      return `<div class="ti-callout ti-callout-${block.variant}"><p class="ti-callout-title">${
        calloutTitles[block.variant]
      }</p>${sanitize(block.html)}</div>`;
    case 'facilitator':
      return '';
    case 'question': {
      const tag = questionTags[block.question.type];
      const data = jsonForScript(sanitizedQuestion(block.question));
      return `<${tag}><script type="application/json">${data}</script></${tag}>`;
    }
  }
}

function renderReferences(page: Page, anchor: (key: string) => string): string {
  if (page.references.length === 0) return '';
  const items = page.references
    .map((ref) => `<li id="${escapeHtml(anchor(ref.key))}">${escapeHtml(ref.text)}</li>`)
    .join('');
  return `<aside class="ti-sources" aria-label="Sources"><h3>Sources</h3><ol>${items}</ol></aside>`;
}

function renderPage(
  module: Module,
  page: Page,
  pageNumber: number,
  anchor: (pageId: string, key: string) => string,
): string {
  const headingId = `page-${pageNumber}`;
  return [
    `<section class="ti-page" data-page-id="${escapeHtml(page.id)}" aria-labelledby="${headingId}">`,
    `<p class="ti-module-title">${escapeHtml(module.title)}</p>`,
    `<h2 id="${headingId}" tabindex="-1">${escapeHtml(page.title)}</h2>`,
    ...page.blocks.map(renderBlock),
    renderReferences(page, (key) => anchor(page.id, key)),
    '</section>',
  ].join('\n');
}

export interface PageOptions {
  lms: LmsKind;
  anchor: (pageId: string, key: string) => string;
}

/** The course as one HTML page: content first, so it shows before the script runs. */
export function renderCoursePage(course: Course, options: PageOptions): string {
  const language = course.language;
  const dir = rtlLanguages.has(language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  let pageNumber = 0;
  const pages = course.modules.flatMap((module) =>
    module.pages.map((page) => renderPage(module, page, ++pageNumber, options.anchor)),
  );
  return `<!doctype html>
<html lang="${escapeHtml(language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.lms)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(course.title)}</title>
<link rel="stylesheet" href="${runtimeFiles.css}">
<script src="${runtimeFiles.js}" defer></script>
</head>
<body>
<header class="ti-header"><p>${escapeHtml(course.title)}</p></header>
<main>
<ti-course data-lms="${options.lms}" data-course-key="${escapeHtml(course.id)}" data-completion="${course.completion}" passing-score="${course.passingScore}">
${pages.join('\n')}
</ti-course>
<script type="application/json" id="ti-layout">${jsonForScript(courseLayout(course))}</script>
</main>
</body>
</html>
`;
}
