import { findCourses, type LoadOptions, loadCourse } from '@teach-in/course-parser';
import { type Course, type Diagnostic, formatDiagnostic } from '@teach-in/course-schema';

export interface Loaded {
  courses: Course[];
  diagnostics: Diagnostic[];
}

/** Loads every course under the given paths, collecting every diagnostic of the run. */
export function loadAll(paths: readonly string[], options: LoadOptions = {}): Loaded {
  const found = findCourses(paths);
  const diagnostics = [...found.diagnostics];
  const courses: Course[] = [];
  for (const dir of found.dirs) {
    const result = loadCourse(dir, process.cwd(), options);
    diagnostics.push(...result.diagnostics);
    if (result.course) courses.push(result.course);
  }
  return { courses, diagnostics };
}

/** Prints every diagnostic, then a one-line count. Returns the number of errors. */
export function report(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n\n`);
  if (diagnostics.length > 0) {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    process.stderr.write(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  }
  return errors;
}
