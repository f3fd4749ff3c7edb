/**
 * cmi5.xml (cmi5 spec §13, CourseStructure.xsd): the whole course is one assignable unit
 * launched at index.html by a relative URL, so the package works from any LMS folder.
 */

import type { CompletionRule, Course } from '@teach-in/course-schema';
import { packageId } from '../editions.ts';
import { runtimeFiles } from '../render-page.ts';
import { checkPassingScore, escapeXml, uriPath } from './xml.ts';

const namespace = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** The course's completion rule as cmi5's moveOn criterion. */
export const moveOnFor = {
  'all-pages': 'Completed',
  'assessment-passed': 'Passed',
  both: 'CompletedAndPassed',
} as const satisfies Record<CompletionRule, string>;

/**
 * Stable IRIs for the course and its AU. An LMS keys registrations and statements on
 * them, so they derive from the course id only, never from the version or the title.
 */
export function cmi5Ids(course: Course): { course: string; au: string } {
  const base = `urn:teach-in:course:${packageId(course)}`;
  return { course: base, au: `${base}:au` };
}

export function cmi5Manifest(course: Course): string {
  const masteryScore = (checkPassingScore(course.passingScore) / 100).toFixed(4);
  const ids = cmi5Ids(course);
  const lang = escapeXml(course.language);
  const langstring = (text: string) => `<langstring lang="${lang}">${escapeXml(text)}</langstring>`;
  const description = course.description ?? course.title;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<courseStructure xmlns="${namespace}">`,
    `  <course id="${escapeXml(ids.course)}">`,
    `    <title>${langstring(course.title)}</title>`,
    `    <description>${langstring(description)}</description>`,
    '  </course>',
    `  <au id="${escapeXml(ids.au)}" moveOn="${moveOnFor[course.completion]}" masteryScore="${masteryScore}" launchMethod="AnyWindow">`,
    `    <title>${langstring(course.title)}</title>`,
    `    <description>${langstring(description)}</description>`,
    `    <url>${uriPath(runtimeFiles.page)}</url>`,
    '  </au>',
    '</courseStructure>',
    '',
  ].join('\n');
}
