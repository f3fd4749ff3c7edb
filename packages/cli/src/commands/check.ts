import { stateSizeDiagnostics } from '@teach-in/course-builder';
import { exportFormats } from '@teach-in/course-schema';
import { exitCodes } from '../exit-codes.ts';
import { loadAll, report } from './load.ts';

export function runCheck(paths: readonly string[], strictTranslations = false): number {
  const { courses, diagnostics } = loadAll(paths, { strictTranslations });
  // The same proof as the build: saved progress fits every format (SCORM 1.2: 4,096).
  for (const course of courses) diagnostics.push(...stateSizeDiagnostics(course, exportFormats));
  const errors = report(diagnostics);
  if (errors > 0) return exitCodes.invalid;
  for (const course of courses) {
    const pages = course.modules.reduce((sum, m) => sum + m.pages.length, 0);
    process.stdout.write(`ok ${course.id}: ${course.modules.length} modules, ${pages} pages\n`);
    for (const translation of course.translations ?? []) {
      process.stdout.write(
        `ok ${course.id} (${translation.language}): ${translation.edition?.status}\n`,
      );
    }
  }
  return exitCodes.ok;
}
