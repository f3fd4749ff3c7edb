import { createHash } from 'node:crypto';
import type { CertificateData, Course } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema';
import { sanitize } from './sanitize.ts';

const base32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A short code derived from the course id and version, printed on the certificate so an
 * organizer can tell which edition it was for: the first 40 bits of SHA-256, in a base-32
 * alphabet without 0/O or 1/I, as XXXX-XXXX.
 */
export function verificationCode(courseId: string, version: string): string {
  const digest = createHash('sha256').update(`${courseId}@${version}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 8; i++) code = base32[Number((bits >> BigInt(i * 5)) & 31n)] + code;
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function certificateData(course: Course): CertificateData | undefined {
  if (!course.end.certificate) return undefined;
  return {
    title: course.title,
    ...(course.union ? { union: course.union.name } : {}),
    ...(course.union?.logo ? { logo: course.union.logo } : {}),
    courseId: course.id,
    version: course.version,
    code: verificationCode(course.id, course.version),
  };
}

/** The attributes and children of <ti-course> that the summary page reads. */
export function endOfCourse(course: Course): { attributes: string; children: string } {
  const certificate = certificateData(course);
  const attributes = certificate
    ? ` data-certificate="${escapeHtml(JSON.stringify(certificate))}"`
    : '';
  const children = course.end.nextHtml
    ? `<template class="ti-next-steps">${sanitize(course.end.nextHtml)}</template>`
    : '';
  return { attributes, children };
}
