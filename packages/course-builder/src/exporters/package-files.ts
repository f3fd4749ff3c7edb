import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceAnchor } from '@teach-in/course-parser';
import { type Course, type LmsKind, themeCss } from '@teach-in/course-schema';
import type { NoticeEntry } from '../data-notice.ts';
import { printCss } from '../print-view.ts';
import {
  printCssFile,
  printFile,
  renderCoursePage,
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

/** The page, the runtime and every asset the content links to: what every format ships. */
export function packageFiles(
  course: Course,
  runtimes: RuntimeSource,
  lms: LmsKind,
  options: { noticeExtra?: readonly NoticeEntry[] } = {},
): PackageFiles {
  const runtime = runtimes(lms);
  const files: PackageFiles = new Map();
  const page = renderCoursePage(course, { lms, anchor: referenceAnchor, ...options });
  files.set(runtimeFiles.page, encoder.encode(page));
  files.set(printFile, encoder.encode(renderPrintPage(course, lms)));
  files.set(printCssFile, encoder.encode(printCss));
  files.set(runtimeFiles.js, encoder.encode(runtime.js));
  files.set(runtimeFiles.css, encoder.encode(stylesheet(course, runtime)));
  for (const asset of course.assets) {
    files.set(asset, readFileSync(path.join(course.dir, asset)));
  }
  return files;
}
