import path from 'node:path';
import { buildCourse, stateSizeDiagnostics, stateSizes } from '@teach-in/course-builder';
import { type ExportFormat, exportFormats } from '@teach-in/course-schema';
import { exitCodes } from '../exit-codes.ts';
import { loadAll, report } from './load.ts';

/**
 * Where a build keeps the courses it parsed, inside its output folder, so that the next
 * build with nothing changed skips parsing (course-parser's load-cache.ts).
 */
const parseCacheFolder = '.teach-in-parsed';

function parseFormats(value: string | undefined): ExportFormat[] | string {
  if (value === undefined) return [...exportFormats];
  const asked = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = asked.filter((f) => !exportFormats.includes(f as ExportFormat));
  if (unknown.length > 0 || asked.length === 0) {
    return `unknown format "${unknown.join(', ')}"; choose from ${exportFormats.join(', ')}`;
  }
  return asked as ExportFormat[];
}

export async function runBuild(
  paths: readonly string[],
  formatOption: string | undefined,
  outOption: string | undefined,
  rebuild = false,
  strictTranslations = false,
): Promise<number> {
  const formats = parseFormats(formatOption);
  if (typeof formats === 'string') {
    process.stderr.write(`teach-in build: ${formats}\n`);
    return exitCodes.usage;
  }
  const outDir = path.resolve(outOption ?? 'dist');
  const { courses, diagnostics, keepParsed } = loadAll(
    paths,
    { strictTranslations },
    { dir: path.join(outDir, parseCacheFolder), refresh: rebuild },
  );
  // Saved progress must fit every format asked for (SCORM 1.2: 4,096 characters).
  for (const course of courses) {
    diagnostics.push(...stateSizeDiagnostics(course, formats));
    for (const translation of course.translations ?? []) {
      diagnostics.push(...stateSizeDiagnostics(translation, formats));
    }
  }
  // Every course is checked before any is written: one bad course stops the whole run.
  if (report(diagnostics) > 0) {
    process.stderr.write('Nothing was written.\n');
    return exitCodes.invalid;
  }
  for (const course of courses) {
    const started = performance.now();
    try {
      const built = await buildCourse(course, {
        formats,
        outDir,
        rebuild,
      });
      const bytes = built.files.reduce((sum, f) => sum + f.bytes, 0);
      const ms = Math.round(performance.now() - started);
      const state = stateSizes(course, formats)
        .map((s) => `${s.format} ${s.worstCase}${s.limit === null ? '' : `/${s.limit}`}`)
        .join(', ');
      const unchanged =
        built.reusedFormats === 0
          ? ''
          : built.reusedFormats === formats.length
            ? ', unchanged since the last build'
            : `, ${built.reusedFormats} of ${formats.length} formats unchanged`;
      process.stdout.write(
        `built ${course.id}: ${formats.join(', ')} (${built.files.length} files, ${(bytes / 1024).toFixed(1)} KB${unchanged}) in ${ms} ms; worst-case saved progress: ${state} characters\n`,
      );
      for (const translation of course.translations ?? []) {
        const status = translation.edition?.status ?? 'reviewed';
        const note =
          status === 'awaiting-native-review'
            ? 'awaiting review by a native speaker (its first page says so)'
            : 'reviewed by a native speaker';
        process.stdout.write(`  ${course.id} (${translation.language}): ${note}\n`);
      }
    } catch (error) {
      process.stderr.write(
        `teach-in build: could not build ${course.id}: ${(error as Error).message}\n`,
      );
      return exitCodes.failure;
    }
  }
  // Only once every course is built: a run that failed keeps no parsed course.
  keepParsed();
  return exitCodes.ok;
}
