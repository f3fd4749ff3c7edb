import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import type { LmsKind } from '@teach-in/course-schema';
import { referenceAnchor } from '@teach-in/course-schema';
import { renderCoursePage } from '../src/render-page.ts';

const sample = fileURLToPath(new URL('../../../tooling/bench/sample-module/', import.meta.url));

function policyFor(lms: LmsKind): string {
  const course = loadCourse(sample).course!;
  const page = renderCoursePage(course, { lms, anchor: referenceAnchor });
  return /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
}

test('only a page served by the workshop server may connect, and only to its own origin', () => {
  assert.match(policyFor('workshop'), /connect-src 'self'/);
  for (const lms of ['scorm12', 'scorm2004', 'standalone'] as const) {
    const policy = policyFor(lms);
    assert.match(policy, /connect-src 'none'/, lms);
    assert.doesNotMatch(policy, /connect-src 'self'/, lms);
  }
});

test("cmi5: the page's own policy leaves connections to the launch, and governs the rest", () => {
  const policy = policyFor('cmi5');
  // The runtime adds `connect-src <the launch's origins>` (lms-bridge cmi5-connections.ts);
  // a default-src here would stand in for connect-src and block the LRS.
  assert.doesNotMatch(policy, /connect-src|default-src/);
  for (const directive of [
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    "font-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    assert.ok(policy.includes(directive), directive);
  }
});
