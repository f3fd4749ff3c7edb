import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Course, type LmsKind, referenceAnchor, themeCss } from '@teach-in/course-schema';
import type { NoticeEntry } from '../data-notice.ts';
import { printCss } from '../print-view.ts';
import {
  coursePageTemplate,
  type PageTemplate,
  printCssFile,
  printFile,
  renderPrintPage,
  runtimeFiles,
} from '../render-page.ts';
import type { RuntimeBundle, RuntimeSource } from '../runtime-bundle.ts';

export type PackageFiles = Map<string, Uint8Array>;

const encoder = new TextEncoder();

/** The course's theme (palettes checked by the parser) after the shared stylesheet. */
function stylesheet(course: Course, runtime: RuntimeBundle): string {
  return `${runtime.css}\n${themeCss(course.theme)}\n`;
}

/** The package's course page with its slots open (render-page.ts), for a server to fill. */
export function packagePage(
  course: Course,
  lms: LmsKind,
  options: { noticeExtra?: readonly NoticeEntry[] } = {},
): PageTemplate {
  return coursePageTemplate(course, { lms, anchor: referenceAnchor, ...options });
}

/**
 * The page, the runtime and every asset the content links to: what every format ships.
 * A server that fills the page's slots passes the template it renders from, so the course
 * is rendered once.
 */
export function packageFiles(
  course: Course,
  runtimes: RuntimeSource,
  lms: LmsKind,
  page: PageTemplate = packagePage(course, lms),
): PackageFiles {
  const runtime = runtimes(lms);
  const files: PackageFiles = new Map();
  files.set(runtimeFiles.page, encoder.encode(page()));
  files.set(printFile, encoder.encode(renderPrintPage(course, lms)));
  files.set(printCssFile, encoder.encode(printCss));
  files.set(runtimeFiles.js, encoder.encode(runtime.js));
  files.set(runtimeFiles.css, encoder.encode(stylesheet(course, runtime)));
  for (const asset of course.assets) {
    files.set(asset, readFileSync(path.join(course.dir, asset)));
  }
  return files;
}
