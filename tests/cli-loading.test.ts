/**
 * What the compiled `teach-in` loads: each command's code only when it runs, and no bundler
 * once the runtime bundles are cached. Each run is traced by a module hook that records
 * every module the process resolves (support/trace-imports.js).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './support/build-fixture.ts';

const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');
const tracer = path.join(repoRoot, 'tests/support/trace-imports.js');
const work = mkdtempSync(path.join(tmpdir(), 'teach-in-loading-'));
const sample = path.join(repoRoot, 'tooling/bench/sample-module');

let runs = 0;
/** Runs the repository's `teach-in` and returns the files of every module it loaded. */
function tracedRun(args: readonly string[], env: Record<string, string> = {}): string[] {
  const trace = path.join(work, `trace-${++runs}.txt`);
  execFileSync(process.execPath, ['--import', tracer, cli, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env, TEACH_IN_TRACE_IMPORTS: trace },
    stdio: 'pipe',
  });
  return [
    ...new Set(
      readFileSync(trace, 'utf8')
        .split('\n')
        .filter((url) => url.startsWith('file:'))
        .map((url) => fileURLToPath(url)),
    ),
  ];
}

/** The source files compiled into the chunks a run loaded (from esbuild's metafile). */
function sourcesLoaded(files: readonly string[]): string[] {
  const chunks = files.filter((f) => /[/\\]packages[/\\]cli[/\\]dist[/\\]build-/.test(f));
  assert.ok(chunks.length > 0, 'the compiled CLI ran, not the TypeScript sources');
  const buildDir = path.dirname(chunks[0]!);
  const meta = JSON.parse(readFileSync(path.join(buildDir, 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const byFile = new Map(
    Object.entries(meta.outputs).map(([out, { inputs }]) => [
      path.resolve(repoRoot, out),
      Object.keys(inputs),
    ]),
  );
  return chunks.flatMap((chunk) => byFile.get(chunk) ?? []);
}

const bundler = /[/\\]node_modules[/\\](\.pnpm[/\\])?(vite|rolldown|@rolldown)/;

describe('what the compiled CLI loads', () => {
  after(() => rmSync(work, { recursive: true, force: true }));

  test('--help loads no command: no servers, no builder, no bundler', () => {
    const loaded = tracedRun(['--help']);
    const sources = sourcesLoaded(loaded);
    assert.ok(sources.some((s) => s.endsWith('packages/cli/src/help.ts')));
    for (const heavy of [
      'lms-host',
      'workshop-server',
      'http-kit',
      'lti-tool',
      'course-builder',
      'course-parser',
    ]) {
      assert.deepEqual(
        sources.filter((s) => s.includes(`packages/${heavy}/`)),
        [],
        `${heavy} is not loaded`,
      );
    }
    assert.ok(!sources.some((s) => s.includes('cli/src/commands/')), 'no command code');
    assert.ok(!sources.some((s) => /node_modules[/\\](@hono[/\\])?hono|@hono/.test(s)), 'no Hono');
    assert.deepEqual(
      loaded.filter((f) => bundler.test(f)),
      [],
    );
  });

  test('check loads the parser but not the servers or the bundler', () => {
    const sources = sourcesLoaded(tracedRun(['check', sample]));
    assert.ok(sources.some((s) => s.includes('packages/course-parser/')));
    assert.ok(!sources.some((s) => /packages\/(lms-host|workshop-server|lti-tool)\//.test(s)));
  });

  test('a cold build bundles the runtime; a warm one loads no bundler and writes the same bytes', () => {
    const cache = path.join(work, 'runtime-cache');
    const env = { TEACH_IN_RUNTIME_CACHE: cache };
    const cold = path.join(work, 'cold');
    const warm = path.join(work, 'warm');
    const args = ['build', sample, '--format', 'scorm12,cmi5,web'];
    const coldLoaded = tracedRun([...args, '--out', cold], env);
    assert.ok(
      coldLoaded.some((f) => bundler.test(f)),
      'with no cache, Vite bundles the runtime (and the trace sees it)',
    );
    const entries = readdirSync(cache);
    // One bundle and one index for each of scorm12, cmi5 and standalone (web).
    assert.equal(entries.filter((e) => e.endsWith('.inputs.json')).length, 3, entries.join());
    assert.equal(entries.filter((e) => /^[0-9a-f]{32}\.json$/.test(e)).length, 3, entries.join());

    const warmLoaded = tracedRun([...args, '--out', warm], env);
    assert.deepEqual(
      warmLoaded.filter((f) => bundler.test(f)),
      [],
      'a warm build loads neither Vite nor rolldown',
    );
    for (const file of ['sample-module.scorm12.zip', 'sample-module.cmi5.zip']) {
      assert.ok(
        readFileSync(path.join(cold, 'sample-module', file)).equals(
          readFileSync(path.join(warm, 'sample-module', file)),
        ),
        file,
      );
    }
  });
});
