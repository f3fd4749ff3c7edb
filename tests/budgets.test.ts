import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';

/** Byte budgets from ../shared/DESIGN.md. Bytes are deterministic, so they are tests; times are benchmarks. */
const budgets = {
  runtimeGzip: 30 * 1024,
  benchmarkZip: 60 * 1024,
  firstLoadGzip: 40 * 1024,
  firstLoadRequests: 5,
};

const out = buildToTemp(path.join(repoRoot, 'courses/sample-module'));
const dir = path.join(out, 'sample-module');
const gzipped = (file: string) =>
  gzipSync(readFileSync(path.join(dir, 'web', file)), { level: 9 }).length;

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
  const page = readFileSync(path.join(dir, 'web/index.html'), 'utf8');
  const referenced = [...page.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const requests = ['index.html', ...referenced];
  assert.ok(
    requests.length <= budgets.firstLoadRequests,
    `${requests.length} requests: ${requests}`,
  );
  const bytes = requests.reduce((sum, file) => sum + gzipped(file), 0);
  assert.ok(bytes < budgets.firstLoadGzip, `first load is ${bytes} bytes gzip`);
});
