/**
 * The translation commands as an author runs them, on a copy of the translated fixture:
 * status, stamp, check with and without --strict-translations, export and import of XLIFF
 * (byte-identical round trip, refusal of a stale file), and readability in Spanish.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { repoRoot, runCli } from './support/build-fixture.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ti-translations-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));
const course = path.join(work, 'translated-course');
cpSync(path.join(repoRoot, 'tests/fixtures/translated-course'), course, { recursive: true });
const spanish = path.join(course, 'modules/es/your-data-rights.md');
const english = path.join(course, 'modules/your-data-rights.md');
const cli = (...args: string[]) => runCli(args, work);
// The CLI compiles itself on its first run after a change, and esbuild's metafile paths are
// relative to that run's folder, which tests/cli-loading.test.ts reads from the repository:
// so the first run here is from the repository, never from the temporary folder.
runCli(['--help']);

test('status, stamp, then check: from unstamped to 100% up to date', () => {
  const before = cli('translations', 'status', 'translated-course');
  assert.equal(before.status, 0, before.stderr);
  assert.match(
    before.stdout,
    /translated-course \(es, awaiting-native-review\)\n\s+0% up to date\s+0\/13 blocks {2}modules\/your-data-rights\.md {2}\(13 unstamped\)/,
  );
  const stamped = cli('translations', 'stamp', 'translated-course', '--lang', 'es');
  assert.equal(stamped.status, 0, stamped.stderr);
  assert.match(stamped.stdout, /1 module file\(s\) stamped/);
  assert.equal((readFileSync(spanish, 'utf8').match(/<!-- ti-source: /g) ?? []).length, 13);
  const after = cli('translations', 'status', 'translated-course');
  assert.match(after.stdout, /100% up to date\s+13\/13 blocks/);
  const check = cli('check', 'translated-course', '--strict-translations');
  assert.equal(check.status, 0, check.stderr);
  assert.equal(check.stderr, '');
  assert.match(check.stdout, /ok translated-course \(es\): awaiting-native-review/);
});

test('a changed source paragraph: a warning, an error with --strict-translations, and no build', () => {
  const original = readFileSync(english, 'utf8');
  writeFileSync(
    english,
    original.replace('records keystrokes, location', 'records keystrokes, places'),
  );
  try {
    const check = cli('check', 'translated-course');
    assert.equal(check.status, 0);
    assert.match(check.stderr, /warning\[translation-stale\]/);
    assert.match(check.stderr, /--> translated-course\/modules\/es\/your-data-rights\.md:\d+:1/);
    assert.match(
      check.stderr,
      /note: the source block, as it is now at translated-course\/modules\/your-data-rights\.md:16:1/,
    );
    const strict = cli('check', 'translated-course', '--strict-translations');
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /error\[translation-stale\]/);
    const out = path.join(work, 'dist-strict');
    const build = cli('build', 'translated-course', '--strict-translations', '--out', out);
    assert.equal(build.status, 1);
    assert.ok(!existsSync(path.join(out, 'translated-course')), 'nothing was written');
    assert.match(
      cli('translations', 'status', 'translated-course').stdout,
      /92% up to date\s+12\/13 blocks.*\(1 stale\)/,
    );
  } finally {
    writeFileSync(english, original);
  }
});

test('export, import unchanged: byte-identical modules; a stale file is refused', () => {
  const xlf = path.join(work, 'es.xlf');
  const exported = cli('translations', 'export', 'translated-course', '--lang', 'es', '--out', xlf);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /1 module\(s\), 14 units/);
  const bytes = readFileSync(spanish);
  const imported = cli('translations', 'import', 'translated-course', '--lang', 'es', '--in', xlf);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /0 module\(s\) changed/);
  assert.ok(readFileSync(spanish).equals(bytes), 'byte-identical');

  const original = readFileSync(english, 'utf8');
  writeFileSync(english, original.replace('Employers use software', 'Employers buy software'));
  writeFileSync(xlf, readFileSync(xlf, 'utf8').replace('Tus derechos</target>', 'Otros</target>'));
  try {
    const refused = cli('translations', 'import', 'translated-course', '--lang', 'es', '--in', xlf);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /error\[xliff-source-changed\]/);
    assert.match(refused.stderr, /Nothing was written/);
    assert.ok(readFileSync(spanish).equals(bytes), 'nothing written');
  } finally {
    writeFileSync(english, original);
  }
});

test('readability gives the Spanish module its Fernández-Huerta reading ease', () => {
  const result = cli('readability', 'translated-course');
  assert.equal(result.status, 0, result.stderr);
  assert.match(
    result.stdout,
    /translated-course \(es\)\n {2}ok {6} {2}ease +\d+\.\d +\d+ words .* modules\/es\/your-data-rights\.md/,
  );
  const strict = cli('readability', 'translated-course', '--min-ease', '99');
  assert.equal(strict.status, 1);
  assert.match(strict.stdout, /TOO HARD {2}ease/);
});

test('bad command lines are usage errors', () => {
  assert.equal(cli('translations', 'stamp', 'translated-course').status, 2);
  assert.equal(cli('translations', 'frobnicate').status, 2);
  assert.equal(cli('translations', 'stamp', 'translated-course', '--lang', 'fr').status, 2);
});
