import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findCourses, loadCourse, stampModule, translatedPath } from '@teach-in/course-parser';
import { exitCodes } from '../exit-codes.ts';
import { report } from './load.ts';

/**
 * `teach-in translations stamp <course> --lang es [--all]`: records, before each translated
 * block, the hash of the source block it now matches. Only where a block has no stamp, or
 * with --all everywhere (after updating stale blocks). Refuses courses with errors.
 */
export function runStamp(paths: readonly string[], language: string, all: boolean): number {
  const found = findCourses(paths);
  if (report(found.diagnostics) > 0) return exitCodes.invalid;
  for (const dir of found.dirs) {
    const loaded = loadCourse(dir);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (report(errors) > 0 || !loaded.course) {
      process.stderr.write('Nothing was stamped.\n');
      return exitCodes.invalid;
    }
    const course = loaded.course;
    if (!loaded.translations?.some((t) => t.language === language)) {
      process.stderr.write(
        `teach-in translations stamp: ${course.id} lists no "${language}" translation under "translations:"\n`,
      );
      return exitCodes.usage;
    }
    let changed = 0;
    for (const module of course.modules) {
      const sourceFile = path.join(dir, module.file);
      const file = path.join(dir, translatedPath(module.file, language));
      const before = readFileSync(file, 'utf8');
      const after = stampModule(readFileSync(sourceFile, 'utf8'), before, all);
      if (after === before) continue;
      writeFileSync(file, after);
      changed++;
      process.stdout.write(`stamped ${path.relative(process.cwd(), file)}\n`);
    }
    process.stdout.write(`${course.id} (${language}): ${changed} module file(s) stamped\n`);
  }
  return exitCodes.ok;
}

/** `teach-in translations status [paths...]`: per language and module, the share up to date. */
export function runStatus(paths: readonly string[]): number {
  const found = findCourses(paths);
  if (report(found.diagnostics) > 0) return exitCodes.invalid;
  for (const dir of found.dirs) {
    const loaded = loadCourse(dir);
    const id = loaded.course?.id ?? path.basename(dir);
    if (!loaded.translations?.length) {
      process.stdout.write(`${id}: no translations\n`);
      continue;
    }
    for (const translation of loaded.translations) {
      process.stdout.write(
        `${id} (${translation.language}, ${translation.status ?? 'no course.yaml'})\n`,
      );
      for (const { file, freshness } of translation.modules) {
        const percent = freshness.total === 0 ? 100 : (100 * freshness.current) / freshness.total;
        const detail = [
          freshness.stale && `${freshness.stale} stale`,
          freshness.unstamped && `${freshness.unstamped} unstamped`,
          freshness.untranslated && `${freshness.untranslated} untranslated`,
        ].filter(Boolean);
        process.stdout.write(
          `  ${percent.toFixed(0).padStart(3)}% up to date  ${String(freshness.current).padStart(3)}/${freshness.total} blocks  ${file}${detail.length ? `  (${detail.join(', ')})` : ''}\n`,
        );
      }
    }
  }
  return exitCodes.ok;
}
