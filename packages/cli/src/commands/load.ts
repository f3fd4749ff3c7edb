import {
  findCourses,
  type LoadOptions,
  type LoadResult,
  loadCourse,
  loadCourseCached,
} from '@teach-in/course-parser';
import { type Course, type Diagnostic, formatDiagnostic } from '@teach-in/course-schema';

export interface Loaded {
  courses: Course[];
  diagnostics: Diagnostic[];
  /** Keeps the courses just parsed in the cache: for a build, once its output is written. */
  keepParsed(): void;
}

export interface ParseCache {
  /** Where parsed courses are kept between runs (the build's output folder). */
  dir: string;
  /** Parse every course again (`--force`), and keep the new results. */
  refresh?: boolean;
}

/**
 * Loads every course under the given paths, collecting every diagnostic of the run. With
 * `cache`, a course whose files did not change since the last run is not parsed again.
 */
export function loadAll(
  paths: readonly string[],
  options: LoadOptions = {},
  cache?: ParseCache,
): Loaded {
  const found = findCourses(paths);
  const diagnostics = [...found.diagnostics];
  const courses: Course[] = [];
  const keeps: Array<() => void> = [];
  for (const dir of found.dirs) {
    let result: LoadResult;
    if (cache) {
      const cached = loadCourseCached(dir, process.cwd(), {
        ...options,
        cacheDir: cache.dir,
        refresh: cache.refresh,
      });
      keeps.push(cached.keep);
      result = cached;
    } else {
      result = loadCourse(dir, process.cwd(), options);
    }
    diagnostics.push(...result.diagnostics);
    if (result.course) courses.push(result.course);
  }
  const keepParsed = () => {
    for (const keep of keeps) keep();
  };
  return { courses, diagnostics, keepParsed };
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
