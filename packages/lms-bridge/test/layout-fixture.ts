import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import type { Course } from '@teach-in/course-schema';
import { type CourseLayout, courseLayout } from '../src/state.ts';

const fixtures = fileURLToPath(new URL('../../course-parser/test/fixtures/', import.meta.url));

/** The parser's golden course with every question type. */
export function everyTypeCourse(): Course {
  const { course, diagnostics } = loadCourse(path.join(fixtures, 'every-question-type'));
  if (!course) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return course;
}

export function everyTypeLayout(): CourseLayout {
  return courseLayout(everyTypeCourse());
}
