import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { repoRoot, runCli } from './support/build-fixture.ts';

const parserFixtures = path.join(repoRoot, 'packages/course-parser/test/fixtures');
const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** No stack trace, no raw exception name: what an author sees must be a diagnostic. */
function assertNoCrash(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
  assert.doesNotMatch(stderr, /No salt|ReferenceError|TypeError|Excessive alias/);
}

describe('bad author input never crashes check or build', () => {
  // Each run of the CLI takes seconds on a shared machine: build runs where check alone
  // would not show the crash's path through the builder.
  for (const [fixture, code, alsoBuild] of [
    ['duplicate-question-id', 'duplicate-question-id', false],
    ['duplicate-module-id-same-pages', 'duplicate-module-id', false],
    ['module-listed-twice', 'duplicate-module-entry', true],
    ['yaml-alias-bomb-front-matter', 'yaml-aliases', false],
    ['yaml-alias-bomb-course', 'yaml-aliases', true],
  ] as const) {
    test(`${fixture}: exit 1 with ${code}, positioned, with a note for the other place`, () => {
      const dir = path.join(parserFixtures, fixture);
      const check = runCli(['check', dir], dir);
      assert.equal(check.status, 1, check.stderr);
      assert.match(check.stderr, new RegExp(`error\\[${code}\\]`));
      assert.match(check.stderr, /--> [\w/.-]+:\d+:\d+/);
      if (code.startsWith('duplicate'))
        assert.match(check.stderr, /= note: first (used|listed) here at /);
      assertNoCrash(check.stderr);
      if (!alsoBuild) return;
      const out = mkdtempSync(path.join(tmpdir(), 'teach-in-bad-input-'));
      temps.push(out);
      const build = runCli(['build', dir, '--out', out], dir);
      assert.equal(build.status, 1, build.stderr);
      assertNoCrash(build.stderr);
      assert.deepEqual(readdirSync(out), [], 'nothing was written');
    });
  }

  test('an error in course.yaml does not hide the errors in the modules', () => {
    const dir = path.join(parserFixtures, 'course-error-and-module-errors');
    const check = runCli(['check', dir], dir);
    assert.equal(check.status, 1);
    for (const expected of [
      'course.yaml:5:16',
      'modules/a.md:2:1',
      'modules/a.md:3:1',
      'modules/b.md:8:12',
    ]) {
      assert.ok(check.stderr.includes(expected), `missing ${expected} in:\n${check.stderr}`);
    }
    assert.match(check.stderr, /4 errors, 0 warnings/);
  });
});

describe('a crash is a bug, not a course error', () => {
  test('exit 4, a one-line apology and the file where the details are', () => {
    const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');
    const fault = path.join(repoRoot, 'tests/support/inject-fault.mjs');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        ['--import', fault, cli, 'check', 'tooling/bench/sample-module'],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    assert.equal(status, 4, stderr);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line:\n${stderr}`);
    assert.match(
      lines[0]!,
      /^teach-in: sorry, this is a bug in Teach-in, not a problem in your course\./,
    );
    const file = /written to (\S+?)\.?$/.exec(lines[0]!)?.[1];
    assert.ok(file && existsSync(file), `the details file exists: ${file}`);
    temps.push(file);
    const details = readFileSync(file, 'utf8');
    assert.match(details, /TypeError: injected fault for the crash test/);
    assert.match(details, /^\s+at /m, 'the stack is in the file');
    assert.match(details, /teach-in check tooling\/bench\/sample-module/);
  });

  test('a course with errors still exits 1, not 4', () => {
    const dir = path.join(parserFixtures, 'unclosed-quiz');
    assert.equal(runCli(['check', dir], dir).status, 1);
  });
});
