import path from 'node:path';
import { buildCourse } from '@teach-in/course-builder';
import { type ExportFormat, exportFormats } from '@teach-in/course-schema';
import { exitCodes } from '../exit-codes.ts';
import { loadAll, report } from './load.ts';

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
): Promise<number> {
  const formats = parseFormats(formatOption);
  if (typeof formats === 'string') {
    process.stderr.write(`teach-in build: ${formats}\n`);
    return exitCodes.usage;
  }
  const { courses, diagnostics } = loadAll(paths);
  // Every course is checked before any is written: one bad course stops the whole run.
  if (report(diagnostics) > 0) {
    process.stderr.write('Nothing was written.\n');
    return exitCodes.invalid;
  }
  const outDir = path.resolve(outOption ?? 'dist');
  for (const course of courses) {
    const started = performance.now();
    try {
      const built = await buildCourse(course, {
        formats,
        outDir,
        warn: (message) => process.stderr.write(`warning: ${message}\n`),
      });
      const bytes = built.reduce((sum, f) => sum + f.bytes, 0);
      const ms = Math.round(performance.now() - started);
      process.stdout.write(
        `built ${course.id}: ${formats.join(', ')} (${built.length} files, ${(bytes / 1024).toFixed(1)} KB) in ${ms} ms\n`,
      );
    } catch (error) {
      process.stderr.write(
        `teach-in build: could not build ${course.id}: ${(error as Error).message}\n`,
      );
      return exitCodes.failure;
    }
  }
  return exitCodes.ok;
}
