import path from 'node:path';
import type { Course, Diagnostic, ExportFormat } from '@teach-in/course-schema';
import { diagnosticForFile } from '@teach-in/course-schema';
import { courseLayout, suspendDataLimits, worstCaseStateLength } from '@teach-in/lms-bridge/state';

export interface StateSize {
  format: ExportFormat;
  /** The longest saved state (SCORM: suspend_data; web: the progress code), in characters. */
  worstCase: number;
  /** What the format can store; null when there is no hard limit (the web copy). */
  limit: number | null;
}

/** The worst-case saved state of a course in each format (lms-bridge worst-case.ts). */
export function stateSizes(course: Course, formats: readonly ExportFormat[]): StateSize[] {
  const layout = courseLayout(course);
  const state = worstCaseStateLength(layout);
  const sizes = formats.map((format) => sizeIn(format, course, state));
  return sizes.filter((size): size is StateSize => size !== undefined);
}

function sizeIn(format: ExportFormat, course: Course, state: number): StateSize | undefined {
  switch (format) {
    case 'scorm12':
    case 'scorm2004':
      return { format, worstCase: state, limit: suspendDataLimits[format] };
    case 'web':
      // <course id>*<version>*<state>*<four check digits>
      return {
        format,
        worstCase: course.id.length + course.version.length + state + 3 + 4,
        limit: null,
      };
    case 'cmi5':
      // xAPI state documents have no length limit.
      return { format, worstCase: state, limit: null };
    case 'guide':
      // The facilitator guide saves no progress.
      return undefined;
  }
}

/** An error for every format whose worst case does not fit, saying by how much. */
export function stateSizeDiagnostics(
  course: Course,
  formats: readonly ExportFormat[],
  cwd = process.cwd(),
): Diagnostic[] {
  const file = path.relative(cwd, path.join(course.dir, 'course.yaml')) || 'course.yaml';
  return stateSizes(course, formats).flatMap(({ format, worstCase, limit }) => {
    if (limit === null || worstCase <= limit) return [];
    const over = worstCase - limit;
    const name = format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004';
    return [
      diagnosticForFile('state-too-large', file, {
        message: `In the worst case this course saves ${worstCase.toLocaleString('en')} characters of progress; ${name} stores ${limit.toLocaleString('en')}, so it is ${over.toLocaleString('en')} characters over. Split the course into smaller courses.`,
      }),
    ];
  });
}
