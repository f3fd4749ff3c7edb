import assert from 'node:assert/strict';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, type DiagnosticCode, formatDiagnostic } from '@teach-in/course-schema';
import { loadCourse } from '../src/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function load(name: string) {
  const dir = path.join(fixtures, name);
  return loadCourse(dir, dir);
}

interface Expected {
  code: DiagnosticCode;
  file: string;
  line: number;
  column: number;
  message?: string;
  hint?: string;
  /** `file:line:col` of the related location. */
  related?: string;
}

const where = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, column: d.column });

function expectIn(diagnostics: readonly Diagnostic[], expected: readonly Expected[]): void {
  assert.deepEqual(diagnostics.map(where), expected.map(where as (e: Expected) => object));
  expected.forEach((want, i) => {
    const got = diagnostics[i]!;
    if (want.message) assert.ok(got.message.includes(want.message), got.message);
    if (want.hint) assert.ok(got.hint.includes(want.hint), got.hint);
    if (want.related) {
      assert.ok(got.related, `${got.code} has a related location`);
      const { file, line, column } = got.related;
      assert.equal(`${file}:${line}:${column}`, want.related);
      assert.ok(formatDiagnostic(got).includes(`= note: `), formatDiagnostic(got));
    }
  });
}

const expectDiagnostics = (name: string, expected: readonly Expected[]) => {
  const result = load(name);
  expectIn(result.diagnostics, expected);
  return result;
};

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fixture in a temporary folder, for inputs git cannot hold (symlinks, 5 MB). */
function tempCopy(name: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'teach-in-bad-input-'));
  temps.push(root);
  const dir = path.join(root, name);
  cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

describe('duplicates are positioned at both places', () => {
  test('the same question id in two modules', () => {
    expectDiagnostics('duplicate-question-id', [
      {
        code: 'duplicate-question-id',
        file: 'modules/b.md',
        line: 11,
        column: 5,
        message: 'Question id "who-owns-data" is already used at modules/a.md:11',
        related: 'modules/a.md:11:5',
        hint: 'unique',
      },
    ]);
  });

  test('the same module id in two files, at both id fields', () => {
    expectDiagnostics('duplicate-module-id', [
      {
        code: 'duplicate-module-id',
        file: 'modules/b.md',
        line: 2,
        column: 5,
        message: 'Module id "a" is used by both modules/a.md and modules/b.md',
        related: 'modules/a.md:2:5',
      },
    ]);
  });

  test('the same module id with the same page titles gives one error, not a page-id cascade', () => {
    expectDiagnostics('duplicate-module-id-same-pages', [
      {
        code: 'duplicate-module-id',
        file: 'modules/b.md',
        line: 2,
        column: 5,
        related: 'modules/a.md:2:5',
      },
    ]);
  });

  test('one module listed twice in course.yaml is read once and reported once', () => {
    const { course } = expectDiagnostics('module-listed-twice', [
      {
        code: 'duplicate-module-entry',
        file: 'course.yaml',
        line: 9,
        column: 5,
        message: '"modules/a.md" is listed twice',
        related: 'course.yaml:7:5',
        hint: 'Remove',
      },
    ]);
    assert.deepEqual(
      course?.modules.map((m) => m.id),
      ['a', 'b'],
    );
  });
});

describe('YAML failures are positioned diagnostics', () => {
  test('an alias bomb in front matter', () => {
    expectDiagnostics('yaml-alias-bomb-front-matter', [
      { code: 'yaml-aliases', file: 'modules/a.md', line: 5, column: 8, hint: 'aliases' },
    ]);
  });

  test('an alias bomb in course.yaml, and the module errors are still reported', () => {
    const { course } = expectDiagnostics('yaml-alias-bomb-course', [
      { code: 'yaml-aliases', file: 'course.yaml', line: 9, column: 9 },
      { code: 'missing-field', file: 'modules/a.md', line: 2, column: 1 },
      { code: 'unknown-field', file: 'modules/a.md', line: 3, column: 1 },
    ]);
    assert.equal(course, undefined);
  });

  test('tabs in a quiz block: one error with a hint about spaces, not a cascade', () => {
    expectDiagnostics('quiz-tabs', [
      {
        code: 'tab-indentation',
        file: 'modules/a.md',
        line: 15,
        column: 1,
        hint: 'spaces',
      },
    ]);
  });
});

describe('check lists every problem in every file', () => {
  test('an invalid value in course.yaml does not hide module errors', () => {
    expectDiagnostics('course-error-and-module-errors', [
      { code: 'invalid-value', file: 'course.yaml', line: 5, column: 16 },
      { code: 'missing-field', file: 'modules/a.md', line: 2, column: 1 },
      { code: 'unknown-field', file: 'modules/a.md', line: 3, column: 1 },
      { code: 'undefined-citation', file: 'modules/b.md', line: 8, column: 12 },
    ]);
  });

  test('a syntax error in course.yaml does not hide module errors', () => {
    expectDiagnostics('course-syntax-and-module-errors', [
      { code: 'yaml-syntax', file: 'course.yaml', line: 5, column: 14 },
      { code: 'missing-field', file: 'modules/a.md', line: 2, column: 1 },
      { code: 'unknown-field', file: 'modules/a.md', line: 3, column: 1 },
    ]);
  });
});

describe('nothing is dropped without a word', () => {
  test('raw video, audio, iframe, style, script and event handlers are warnings at their place', () => {
    const { diagnostics, course } = expectDiagnostics('raw-html-removed', [
      {
        code: 'raw-html-removed',
        file: 'modules/a.md',
        line: 10,
        column: 1,
        message: '<video>',
        hint: 'use the media syntax in docs/authoring.md',
      },
      {
        code: 'raw-html-removed',
        file: 'modules/a.md',
        line: 12,
        column: 1,
        message: '<audio>',
        hint: 'use the media syntax in docs/authoring.md',
      },
      { code: 'raw-html-removed', file: 'modules/a.md', line: 14, column: 1, message: '<iframe>' },
      { code: 'raw-html-removed', file: 'modules/a.md', line: 16, column: 1, message: '<style>' },
      { code: 'raw-html-removed', file: 'modules/a.md', line: 18, column: 1, message: '<script>' },
      { code: 'raw-html-removed', file: 'modules/a.md', line: 20, column: 20, message: 'onclick' },
      {
        code: 'raw-html-removed',
        file: 'modules/a.md',
        line: 20,
        column: 53,
        message: 'onmouseover',
      },
    ]);
    assert.ok(diagnostics.every((d) => d.severity === 'warning'));
    assert.ok(course, 'warnings still give a course');
  });

  test('an unclosed quiz fence is an error at its opening line', () => {
    expectDiagnostics('unclosed-quiz', [
      { code: 'unclosed-quiz', file: 'modules/a.md', line: 10, column: 1, hint: '```' },
    ]);
  });

  test('invalid UTF-8 is an error at the first bad byte', () => {
    expectDiagnostics('invalid-utf8', [
      { code: 'invalid-utf8', file: 'modules/a.md', line: 10, column: 7, message: '0xEF' },
    ]);
  });

  test('a raw <img> passes the same file check as a Markdown image and is packaged', () => {
    const { diagnostics } = expectDiagnostics('raw-img', [
      {
        code: 'missing-file',
        file: 'modules/a.md',
        line: 10,
        column: 11,
        message: '"../media/chart.png"',
      },
    ]);
    assert.equal(diagnostics.length, 1);
    // Once the missing file is there, the raw image is packaged like a Markdown one.
    const dir = tempCopy('raw-img');
    copyFileSync(path.join(dir, 'media/logo.png'), path.join(dir, 'media/chart.png'));
    const fixed = loadCourse(dir, dir);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(fixed.course?.assets, ['media/chart.png', 'media/logo.png']);
    const html = JSON.stringify(fixed.course?.modules[0]?.pages[0]?.blocks);
    assert.match(html, /<img src=\\"media\/logo.png\\"/);
  });

  test('a path written from the course folder: the hint gives the path from the module', () => {
    const dir = tempCopy('raw-img');
    writeFileSync(
      path.join(dir, 'modules/a.md'),
      '---\nid: a\ntitle: A\n---\n\n## Page\n\n![Logo](media/logo.png)\n\n<img src="media/logo.png" alt="Logo">\n',
    );
    expectIn(loadCourse(dir, dir).diagnostics, [
      {
        code: 'missing-file',
        file: 'modules/a.md',
        line: 8,
        column: 1,
        hint: 'Did you mean "../media/logo.png"?',
      },
      {
        code: 'missing-file',
        file: 'modules/a.md',
        line: 10,
        column: 1,
        hint: 'Did you mean "../media/logo.png"?',
      },
    ]);
  });

  test('HTML removed from question text is a warning too, at its place', () => {
    const dir = tempCopy('raw-img');
    writeFileSync(
      path.join(dir, 'modules/a.md'),
      '---\nid: a\ntitle: A\n---\n\n## Page\n\n```quiz\nid: q\ntype: single\nprompt: "Pick <b onclick=x()>this</b>"\nchoices:\n  - text: "<script>x()</script>Right"\n    correct: true\n  - text: Wrong\n```\n',
    );
    const { diagnostics } = loadCourse(dir, dir);
    expectIn(diagnostics, [
      { code: 'raw-html-removed', file: 'modules/a.md', line: 11, column: 18, message: 'onclick' },
      { code: 'raw-html-removed', file: 'modules/a.md', line: 13, column: 12, message: '<script>' },
    ]);
    assert.ok(diagnostics.every((d) => d.severity === 'warning'));
  });

  test('a 5 MB module is an error that gives its size', () => {
    const dir = tempCopy('raw-img');
    const big = `---\nid: a\ntitle: Big\n---\n\n## Page\n\n${'Words and more words. '.repeat(240_000)}\n`;
    writeFileSync(path.join(dir, 'modules/a.md'), big);
    const { diagnostics } = loadCourse(dir, dir);
    expectIn(diagnostics, [
      { code: 'module-too-large', file: 'modules/a.md', line: 1, column: 1, message: '5.0 MB' },
    ]);
  });
});

describe('symlinks never lead out of the course folder', () => {
  function withOutsideSecret() {
    const dir = tempCopy('raw-img');
    const secret = path.join(path.dirname(dir), 'secret.txt');
    writeFileSync(secret, 'SECRET-OUTSIDE-MARKER\n');
    return { dir, secret };
  }

  test('an image that is a symlink to a file outside', () => {
    const { dir, secret } = withOutsideSecret();
    rmSync(path.join(dir, 'media/logo.png'));
    symlinkSync(secret, path.join(dir, 'media/logo.png'));
    writeFileSync(
      path.join(dir, 'modules/a.md'),
      '---\nid: a\ntitle: A\n---\n\n## Page\n\n![Logo](../media/logo.png)\n',
    );
    const { diagnostics, course } = loadCourse(dir, dir);
    expectIn(diagnostics, [
      {
        code: 'symlink-outside-course',
        file: 'modules/a.md',
        line: 8,
        column: 1,
        message: '"../media/logo.png"',
      },
    ]);
    assert.deepEqual(course?.assets, []);
  });

  test('a media folder that is a symlink to a folder outside', () => {
    const { dir, secret } = withOutsideSecret();
    rmSync(path.join(dir, 'media'), { recursive: true });
    symlinkSync(path.dirname(secret), path.join(dir, 'media'));
    writeFileSync(
      path.join(dir, 'modules/a.md'),
      '---\nid: a\ntitle: A\n---\n\n## Page\n\n[Handout](../media/secret.txt)\n',
    );
    const { diagnostics } = loadCourse(dir, dir);
    expectIn(diagnostics, [
      { code: 'symlink-outside-course', file: 'modules/a.md', line: 8, column: 1 },
    ]);
  });

  test('a module file and a workshop file that are symlinks to files outside', () => {
    const { dir, secret } = withOutsideSecret();
    const outsideModule = path.join(path.dirname(secret), 'outside.md');
    writeFileSync(outsideModule, '---\nid: z\ntitle: Z\n---\n\n## SECRET-OUTSIDE-MARKER\n\nx\n');
    symlinkSync(outsideModule, path.join(dir, 'modules/linked.md'));
    symlinkSync(outsideModule, path.join(dir, 'workshop.md'));
    writeFileSync(
      path.join(dir, 'course.yaml'),
      'id: raw-img\nversion: 1.0.0\ntitle: T\nlanguage: en\npassing_score: 80\nmodules:\n  - modules/linked.md\nworkshop: workshop.md\n',
    );
    const { diagnostics } = loadCourse(dir, dir);
    expectIn(diagnostics, [
      { code: 'symlink-outside-course', file: 'course.yaml', line: 7, column: 5 },
      { code: 'symlink-outside-course', file: 'course.yaml', line: 8, column: 11 },
    ]);
    assert.doesNotMatch(JSON.stringify(diagnostics), /SECRET-OUTSIDE-MARKER/);
  });

  test('a symlink that stays inside the course folder is fine', () => {
    const dir = tempCopy('raw-img');
    mkdirSync(path.join(dir, 'images'));
    symlinkSync(path.join(dir, 'media/logo.png'), path.join(dir, 'images/logo.png'));
    writeFileSync(
      path.join(dir, 'modules/a.md'),
      '---\nid: a\ntitle: A\n---\n\n## Page\n\n![Logo](../images/logo.png)\n',
    );
    const { diagnostics, course } = loadCourse(dir, dir);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(course?.assets, ['images/logo.png']);
  });
});

describe('hints that fit the mistake', () => {
  test('javascript: and data: links', () => {
    expectDiagnostics('unsafe-links', [
      { code: 'unsafe-link', file: 'modules/a.md', line: 8, column: 3, hint: 'run script' },
      { code: 'unsafe-link', file: 'modules/a.md', line: 8, column: 44, hint: 'media/' },
    ]);
  });

  test('a module path outside the course says "outside"; a folder says it is a folder', () => {
    expectDiagnostics('module-paths', [
      {
        code: 'module-outside-course',
        file: 'course.yaml',
        line: 7,
        column: 5,
        message: 'outside the course folder',
      },
      {
        code: 'module-not-a-file',
        file: 'course.yaml',
        line: 8,
        column: 5,
        message: 'is a folder',
        hint: 'modules/',
      },
    ]);
  });

  test('the list of question types is printed once, not in every error', () => {
    const { diagnostics } = expectDiagnostics('unknown-types', [
      { code: 'unknown-question-type', file: 'modules/a.md', line: 12, column: 7 },
      { code: 'unknown-question-type', file: 'modules/a.md', line: 18, column: 7 },
      { code: 'missing-field', file: 'modules/a.md', line: 23, column: 1 },
    ]);
    const list = /single, multiple, true-false/g;
    const all = diagnostics.map((d) => d.hint).join('\n');
    assert.equal(all.match(list)?.length, 1, all);
    assert.match(diagnostics[0]!.hint, /Did you mean "single"\?/);
  });
});
