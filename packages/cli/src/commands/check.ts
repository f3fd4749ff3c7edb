import { exitCodes } from '../exit-codes.ts';
import { loadAll, report } from './load.ts';

export function runCheck(paths: readonly string[]): number {
  const { courses, diagnostics } = loadAll(paths);
  const errors = report(diagnostics);
  if (errors > 0) return exitCodes.invalid;
  for (const course of courses) {
    const pages = course.modules.reduce((sum, m) => sum + m.pages.length, 0);
    process.stdout.write(`ok ${course.id}: ${course.modules.length} modules, ${pages} pages\n`);
  }
  return exitCodes.ok;
}
