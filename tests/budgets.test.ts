import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { firstLoad, gzippedSize } from './support/first-load.ts';

/** Byte budgets from ../shared/DESIGN.md. Bytes are deterministic, so they are tests; times are benchmarks. */
const budgets = {
  runtimeGzip: 30 * 1024,
  benchmarkZip: 60 * 1024,
  firstLoadGzip: 40 * 1024,
  firstLoadRequests: 5,
};

const out = buildToTemp(path.join(repoRoot, 'courses/sample-module'));
const dir = path.join(out, 'sample-module');
const gzipped = (file: string) => gzippedSize(path.join(dir, 'web', file));

after(() => rmSync(out, { recursive: true, force: true }));

test(`the runtime (lit, elements, bridge) is under ${budgets.runtimeGzip / 1024} KB gzip`, () => {
  const runtime = gzipped('teach-in.js') + gzipped('teach-in.css');
  assert.ok(runtime < budgets.runtimeGzip, `runtime is ${runtime} bytes gzip`);
});

test(`the benchmark module's packages are under ${budgets.benchmarkZip / 1024} KB`, () => {
  for (const name of ['sample-module.scorm12.zip', 'sample-module.scorm2004.zip']) {
    const size = statSync(path.join(dir, name)).size;
    assert.ok(size < budgets.benchmarkZip, `${name} is ${size} bytes`);
  }
});

test('the first load is under 40 KB gzip in at most 5 requests', () => {
  const { files, gzipBytes } = firstLoad(path.join(dir, 'web/index.html'));
  assert.ok(files.length <= budgets.firstLoadRequests, `${files.length} requests: ${files}`);
  assert.ok(gzipBytes < budgets.firstLoadGzip, `first load is ${gzipBytes} bytes gzip`);
});
