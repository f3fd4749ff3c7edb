import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { runtimeBundle } from '@teach-in/course-builder';
import { builtInTheme, lmsKinds, themeCss, themeNames } from '@teach-in/course-schema';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { firstLoad, gzippedSize } from './support/first-load.ts';

/**
 * Byte budgets from the design targets (docs/conformance-notes.md §4). Bytes are deterministic,
 * so they are tests; times are benchmarks. The benchmark module's zips were held to 60 KB; with
 * themes (issue 18) they must stay under 40 KB, media aside (the module has none).
 */
const budgets = {
  // 30 KB until December 2026. Then themes (light and dark), media, the summary page, the
  // certificate and the print link (about 2 KB gzip), the unreadable-progress notice and the
  // cmi5 connection policy (about 1 KB) and page addresses made the largest, cmi5 in Hindi,
  // 33,140 bytes. The first load below stays under DESIGN.md's 40 KB.
  runtimeGzip: 34 * 1024,
  benchmarkZip: 40 * 1024,
  firstLoadGzip: 40 * 1024,
  firstLoadRequests: 5,
};

const out = buildToTemp(
  path.join(repoRoot, 'tooling/bench/sample-module'),
  'scorm12,scorm2004,cmi5,web',
);
const dir = path.join(out, 'sample-module');
const gzipped = (file: string) => gzippedSize(path.join(dir, 'web', file));

after(() => rmSync(out, { recursive: true, force: true }));

test(`the runtime (lit, elements, bridge) is under ${budgets.runtimeGzip / 1024} KB gzip`, () => {
  const runtime = gzipped('teach-in.js') + gzipped('teach-in.css');
  assert.ok(runtime < budgets.runtimeGzip, `runtime is ${runtime} bytes gzip`);
});

test('every format and interface language keeps the runtime within the budget', async () => {
  // Each package carries its own LMS's tracker and its course language's strings.
  for (const lms of lmsKinds) {
    for (const language of ['en', 'es', 'fr', 'hi', 'sw']) {
      const { js, css } = await runtimeBundle({ language, lms });
      const size = gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
      assert.ok(size < budgets.runtimeGzip, `${lms}/${language}: ${size} bytes gzip`);
    }
  }
});

test('a package ships only its own tracker and language', async () => {
  const scorm = await runtimeBundle({ language: 'en', lms: 'scorm12' });
  const cmi5 = await runtimeBundle({ language: 'es', lms: 'cmi5' });
  assert.ok(!scorm.js.includes('LMS.LaunchData'), 'a SCORM runtime carries the cmi5 tracker');
  assert.ok(cmi5.js.includes('LMS.LaunchData'));
  assert.ok(!scorm.js.includes('Comprobar respuesta'), 'an English runtime carries Spanish');
  assert.ok(cmi5.js.includes('Comprobar respuesta'));
});

test(`the benchmark module's packages are under ${budgets.benchmarkZip / 1024} KB`, () => {
  for (const name of [
    'sample-module.scorm12.zip',
    'sample-module.scorm2004.zip',
    'sample-module.cmi5.zip',
  ]) {
    const size = statSync(path.join(dir, name)).size;
    assert.ok(size < budgets.benchmarkZip, `${name} is ${size} bytes`);
  }
});

test('every built-in theme, light and dark, costs under 1 KB gzip in the stylesheet', () => {
  for (const name of themeNames) {
    const size = gzipSync(themeCss(builtInTheme(name)), { level: 9 }).length;
    assert.ok(size < 1024, `${name}: ${size} bytes gzip`);
  }
});

test('the first load is under 40 KB gzip in at most 5 requests', () => {
  const { files, gzipBytes } = firstLoad(path.join(dir, 'web/index.html'));
  assert.ok(files.length <= budgets.firstLoadRequests, `${files.length} requests: ${files}`);
  assert.ok(gzipBytes < budgets.firstLoadGzip, `first load is ${gzipBytes} bytes gzip`);
});
