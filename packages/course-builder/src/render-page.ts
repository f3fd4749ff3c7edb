import type { Block, Course, LmsKind, Module, Page } from '@teach-in/course-schema';
import { escapeHtml, mapHtmlFields, questionTags } from '@teach-in/course-schema';
import { type CourseConnections, coursePagePolicy } from '@teach-in/http-kit/csp';
import { courseLayout } from '@teach-in/lms-bridge/state';
import { type NoticeEntry, renderDataNotice } from './data-notice.ts';
import { languageSwitch, packageId, reviewNotice } from './editions.ts';
import { endOfCourse } from './end-of-course.ts';
import { PageGlossary } from './glossary-terms.ts';
import { jsonForScript } from './html.ts';
import { type PageStrings, pageStringsFor } from './page-strings/index.ts';
import { printCssFile, printFile, renderPrintView } from './print-view.ts';
import { renderMedia } from './render-media.ts';
import { sanitize } from './sanitize.ts';

/** File names inside every package; the manifests and the page refer to them. */
export const runtimeFiles = { js: 'teach-in.js', css: 'teach-in.css', page: 'index.html' } as const;

/**
 * Where each kind of package may connect; the policy texts are http-kit's (csp.ts), shared
 * with the servers. A package talks to nothing outside its own folder; a page served by
 * `teach-in workshop` talks to that server; cmi5 to the LRS its launch names.
 */
const connections = {
  scorm12: 'none',
  scorm2004: 'none',
  standalone: 'none',
  cmi5: 'launch',
  workshop: 'self',
} as const satisfies Record<LmsKind, CourseConnections>;

const contentSecurityPolicy = (lms: LmsKind) =>
  coursePagePolicy(connections[lms], lms === 'standalone');

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'yi']);

/** Ids of the pages outside the course's sequence, reachable from the contents. */
export const extraPages = {
  glossary: 'glossary',
  references: 'references',
  dataNotice: 'data-notice',
} as const;

/** Learner-facing HTML for one block; facilitator notes never reach the learner. */
function renderBlock(block: Block, glossary: PageGlossary, context: RenderContext): string {
  const t = context.t;
  switch (block.kind) {
    case 'prose':
      return glossary.mark(sanitize(block.html));
    case 'callout':
      return `<div class="ti-callout ti-callout-${block.variant}"><p class="ti-callout-title">${
        t.callouts[block.variant]
      }</p>${glossary.mark(sanitize(block.html))}</div>`;
    case 'facilitator':
      return '';
    case 'media':
      return renderMedia(block.media, t, context.course.language, context.lms === 'standalone');
    case 'question': {
      const tag = questionTags[block.question.type];
      const data = jsonForScript(mapHtmlFields(block.question, sanitize));
      return `<${tag}><script type="application/json">${data}</script></${tag}>`;
    }
  }
}

function renderReferences(page: Page, anchor: (key: string) => string, t: PageStrings): string {
  if (page.references.length === 0) return '';
  const items = page.references
    .map((ref) => `<li id="${escapeHtml(anchor(ref.key))}">${escapeHtml(ref.text)}</li>`)
    .join('');
  return `<aside class="ti-sources" aria-label="${escapeHtml(t.sources)}"><h3>${escapeHtml(
    t.sources,
  )}</h3><ol>${items}</ol></aside>`;
}

interface RenderContext {
  course: Course;
  lms: LmsKind;
  t: PageStrings;
  anchor: (pageId: string, key: string) => string;
  glossary: readonly Course['glossary'][number][];
}

const headingIdOf = (pageNumber: number) => `page-${pageNumber}`;

function renderPage(
  module: Module,
  page: Page,
  pageNumber: number,
  context: RenderContext,
): string {
  const headingId = headingIdOf(pageNumber);
  const glossary = new PageGlossary(context.glossary, `term-${pageNumber}`);
  return [
    `<section class="ti-page" data-page-id="${escapeHtml(page.id)}" data-module-id="${escapeHtml(
      module.id,
    )}" aria-labelledby="${headingId}">`,
    `<p class="ti-module-title">${escapeHtml(module.title)}</p>`,
    `<h2 id="${headingId}" tabindex="-1">${escapeHtml(page.title)}</h2>`,
    // A translation awaiting review says so first; no line at all anywhere else.
    ...(pageNumber === 1 && context.course.edition
      ? [reviewNotice(context.course, context.t)]
      : []),
    ...page.blocks.map((block) => renderBlock(block, glossary, context)),
    renderReferences(page, (key) => context.anchor(page.id, key), context.t),
    '</section>',
  ].join('\n');
}

function extraPage(id: string, title: string, body: string): string {
  return [
    `<section class="ti-extra" data-extra="${id}" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading" tabindex="-1">${escapeHtml(title)}</h2>`,
    body,
    '</section>',
  ].join('\n');
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'term'
  );
}

function glossaryPage(context: RenderContext): string {
  const { glossary, t } = context;
  if (glossary.length === 0) return '';
  const sorted = [...glossary].sort((a, b) =>
    a.term.localeCompare(b.term, context.course.language, { sensitivity: 'base' }),
  );
  const items = sorted
    .map(
      (entry) =>
        `<dt id="glossary-${escapeHtml(slug(entry.term))}">${escapeHtml(entry.term)}</dt><dd>${entry.definitionHtml}</dd>`,
    )
    .join('');
  return extraPage(extraPages.glossary, t.glossary, `<dl class="ti-glossary">${items}</dl>`);
}

/** Per module: every source its pages cite, once, in order of first citation. */
function referencesPage(context: RenderContext): string {
  const { course, t } = context;
  let pageNumber = 0;
  const sections: string[] = [];
  for (const module of course.modules) {
    const cited = new Map<string, { text: string; pages: string[] }>();
    for (const page of module.pages) {
      const link = `<a href="#${headingIdOf(++pageNumber)}">${escapeHtml(page.title)}</a>`;
      for (const ref of page.references) {
        const entry = cited.get(ref.key) ?? { text: ref.text, pages: [] };
        entry.pages.push(link);
        cited.set(ref.key, entry);
      }
    }
    if (cited.size === 0) continue;
    const items = [...cited.values()]
      .map(
        (ref) =>
          `<li>${escapeHtml(ref.text)} <span class="ti-cited-on">${escapeHtml(t.citedOn)} ${ref.pages.join(', ')}</span></li>`,
      )
      .join('');
    sections.push(`<h3>${escapeHtml(module.title)}</h3><ol>${items}</ol>`);
  }
  if (sections.length === 0) return '';
  return extraPage(
    extraPages.references,
    t.references,
    `<p>${escapeHtml(t.referencesIntro)}</p>${sections.join('')}`,
  );
}

/** Draw counts of every pool, keyed `<module id>/<pool key>` as questions name them. */
function poolDraws(course: Course): Record<string, number> {
  return Object.fromEntries(
    course.modules.flatMap((module) =>
      Object.entries(module.pools).map(([key, pool]) => [key, pool.draw]),
    ),
  );
}

/** The union's logo and name above the course title; the logo is decorative beside the name. */
function renderHeader(course: Course, switcher = ''): string {
  const union = course.union;
  const logo = union?.logo ? `<img class="ti-logo" src="${escapeHtml(union.logo)}" alt="">` : '';
  const name = union ? `<p class="ti-union">${escapeHtml(union.name)}</p>` : '';
  const brand = union ? `<div class="ti-brand">${logo}${name}</div>` : '';
  return `<header class="ti-header"><div class="ti-header-inner">${brand}<h1>${escapeHtml(course.title)}</h1>${switcher}</div></header>`;
}

export interface PageOptions {
  lms: LmsKind;
  anchor: (pageId: string, key: string) => string;
  /** Data points sent beyond the LMS kind's own (the LTI tool's gradebook scores). */
  noticeExtra?: readonly NoticeEntry[];
}

/** What a server adds to the page it serves (the workshop's link back, a participant's data). */
export interface PageSlots {
  /** HTML right after `<body>`. */
  bodyStart?: string;
  /** HTML right before `</body>`. */
  bodyEnd?: string;
}

/** A course page rendered once; each call fills its slots (cheap: two joins). */
export type PageTemplate = (slots?: PageSlots) => string;

/** The course as one HTML page: content first, so it shows before the script runs. */
export function renderCoursePage(course: Course, options: PageOptions): string {
  return coursePageTemplate(course, options)();
}

const slot = (html: string | undefined) => (html ? `${html}\n` : '');

/** The course page with its slots open, for a server that adds to it per request. */
export function coursePageTemplate(course: Course, options: PageOptions): PageTemplate {
  const language = course.language;
  const dir = rtlLanguages.has(language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  const t = pageStringsFor(language);
  const context: RenderContext = {
    course,
    lms: options.lms,
    t,
    anchor: options.anchor,
    glossary: course.glossary.map((entry) => ({
      term: entry.term,
      definitionHtml: sanitize(entry.definitionHtml),
    })),
  };
  let pageNumber = 0;
  const pages = course.modules.flatMap((module) =>
    module.pages.map((page) => renderPage(module, page, ++pageNumber, context)),
  );
  const extras = [
    glossaryPage(context),
    referencesPage(context),
    extraPage(
      extraPages.dataNotice,
      t.dataNotice,
      renderDataNotice(course, options.lms, t, options.noticeExtra),
    ),
  ].filter(Boolean);
  const end = endOfCourse(course);
  const head = `<!doctype html>
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
`;
  const body = `${renderHeader(course, languageSwitch(course, options.lms, t))}
<main>
<ti-course data-lms="${options.lms}" data-print="${printFile}" data-course-key="${escapeHtml(packageId(course))}" data-completion="${
    course.completion
  }" data-pools="${escapeHtml(JSON.stringify(poolDraws(course)))}" passing-score="${course.passingScore}"${end.attributes}>
${pages.join('\n')}
${extras.join('\n')}
${end.children}
</ti-course>
<script type="application/json" id="ti-layout">${jsonForScript(courseLayout(course))}</script>
</main>
`;
  return (slots = {}) =>
    `${head}${slot(slots.bodyStart)}${body}${slot(slots.bodyEnd)}</body>\n</html>\n`;
}

/** The print view (print-view.ts) with the same policy and stylesheet, and no script. */
export function renderPrintPage(course: Course, lms: LmsKind): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(lms)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<link rel="stylesheet" href="${runtimeFiles.css}">`,
    `<link rel="stylesheet" href="${printCssFile}">`,
  ].join('\n');
  return renderPrintView(course, pageStringsFor(course.language), head);
}

export { printCssFile, printFile };
