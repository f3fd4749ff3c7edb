import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import { referenceAnchor } from '@teach-in/course-schema';
import { coursePageTemplate, renderCoursePage } from '../src/render-page.ts';

const sample = fileURLToPath(new URL('../../../tooling/bench/sample-module/', import.meta.url));

test('a server fills the page slots: right after <body> and right before </body>', () => {
  const course = loadCourse(sample).course!;
  const options = { lms: 'workshop', anchor: referenceAnchor } as const;
  const template = coursePageTemplate(course, options);
  assert.equal(template(), renderCoursePage(course, options), 'no slots: the package page');
  const filled = template({
    bodyStart: '<nav id="start"></nav>',
    bodyEnd: '<script id="end"></script>',
  });
  assert.ok(filled.includes('<body>\n<nav id="start"></nav>\n<header'), filled.slice(0, 800));
  assert.ok(filled.endsWith('</main>\n<script id="end"></script>\n</body>\n</html>\n'));
  // Filled again for the next request: the template keeps no state of the last one.
  assert.equal(template({ bodyEnd: 'x' }).includes('id="start"'), false);
});
