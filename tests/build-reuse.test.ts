/**
 * A build whose inputs did not change parses nothing (course-parser's load-cache.ts) and
 * rewrites nothing (build-stamp.ts), and any change that matters (a module, an asset, a
 * damaged output, --force) writes the formats it touches again, with the same bytes a
 * fresh build gives.
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { buildToTemp, repoRoot, runCli } from './support/build-fixture.ts';

const work = mkdtempSync(path.join(tmpdir(), 'teach-in-reuse-'));
after(() => rmSync(work, { recursive: true, force: true }));

const course = path.join(work, 'course');
cpSync(path.join(repoRoot, 'tooling/bench/sample-module'), course, { recursive: true });
const out = path.join(work, 'out');
const formats = 'scorm12,cmi5,web,guide';
const files = [
  'sample-module.scorm12.zip',
  'sample-module.cmi5.zip',
  'web/index.html',
  'sample-module.guide.html',
];
const built = (file: string) => path.join(out, 'sample-module', file);
const mtimes = () => Object.fromEntries(files.map((f) => [f, statSync(built(f)).mtimeMs]));
const build = (...extra: string[]) => {
  const result = runCli(['build', course, '--format', formats, '--out', out, ...extra]);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
};

/** The output of a build into an empty folder, to compare the reused output with. */
function assertSameAsFreshBuild(): void {
  const fresh = buildToTemp(course, formats);
  try {
    for (const file of files) {
      const a = readFileSync(built(file));
      const b = readFileSync(path.join(fresh, 'sample-module', file));
      assert.ok(a.equals(b), `${file} differs from a fresh build`);
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

describe('a build where nothing changed', () => {
  test('the first build writes everything; the second rewrites nothing and says so', () => {
    assert.doesNotMatch(build(), /unchanged/);
    const before = mtimes();
    assert.match(
      build(),
      /built sample-module: .*\(\d+ files, [\d.]+ KB, unchanged since the last build\)/,
    );
    assert.deepEqual(mtimes(), before, 'no output file was written again');
    assert.ok(existsSync(path.join(out, '.teach-in-parsed')), 'the parsed course is kept');
  });

  test('a changed module writes every format again, the same as a fresh build', () => {
    const module = path.join(course, 'modules', 'your-data-rights.md');
    const text = readFileSync(module, 'utf8');
    writeFileSync(module, text.replace(/\n\n/, '\n\nA sentence added for the test.\n\n'));
    const before = mtimes();
    assert.doesNotMatch(build(), /unchanged/);
    for (const file of files)
      assert.notEqual(mtimes()[file], before[file], `${file} was rewritten`);
    assert.ok(
      readFileSync(built('web/index.html'), 'utf8').includes('A sentence added for the test.'),
    );
    assertSameAsFreshBuild();
  });

  test('a damaged output is written again; the others are left alone', () => {
    build();
    writeFileSync(built('sample-module.cmi5.zip'), 'not a zip');
    const before = mtimes();
    assert.match(build(), /3 of 4 formats unchanged/);
    const after = mtimes();
    assert.notEqual(after['sample-module.cmi5.zip'], before['sample-module.cmi5.zip']);
    assert.equal(after['sample-module.scorm12.zip'], before['sample-module.scorm12.zip']);
    assertSameAsFreshBuild();
  });

  test('warnings are reported again by a build that reuses the parsed course', () => {
    const module = path.join(course, 'modules', 'your-data-rights.md');
    const text = readFileSync(module, 'utf8');
    writeFileSync(module, `${text.trimEnd()}\n\n## A page left empty\n`);
    try {
      const runs = [1, 2].map(() => runCli(['build', course, '--format', formats, '--out', out]));
      for (const run of runs) {
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stderr, /empty-page/);
      }
      assert.equal(runs[1]!.stderr, runs[0]!.stderr, 'the same diagnostics, word for word');
      assert.match(runs[1]!.stdout, /unchanged since the last build/);
    } finally {
      writeFileSync(module, text);
    }
  });

  test('--force writes everything again', () => {
    build();
    const before = mtimes();
    assert.doesNotMatch(build('--force'), /unchanged/);
    for (const file of files)
      assert.notEqual(mtimes()[file], before[file], `${file} was rewritten`);
  });
});
