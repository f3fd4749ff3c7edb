import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type Diagnostic,
  type DiagnosticCode,
  diagnosticInfo,
  formatDiagnostic,
} from '@teach-in/course-schema';
import { findCourses, loadCourse, parseModule } from '../src/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Loads a fixture with cwd = the fixture, so files show as `course.yaml`, `modules/a.md`. */
function load(name: string) {
  const dir = path.join(fixtures, name);
  return loadCourse(dir, dir);
}

interface Expected {
  code: DiagnosticCode;
  file: string;
  line: number;
  column: number;
  /** Substrings the message and hint must contain. */
  message?: string;
  hint?: string;
}

function positions(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map(({ code, file, line, column }) => ({ code, file, line, column }));
}

/** Asserts the exact list of positioned diagnostics, then the wording where it matters. */
function expectDiagnostics(name: string, expected: readonly Expected[]): Diagnostic[] {
  const { diagnostics } = load(name);
  assert.deepEqual(
    positions(diagnostics),
    expected.map(({ code, file, line, column }) => ({ code, file, line, column })),
  );
  expected.forEach((want, i) => {
    const got = diagnostics[i]!;
    if (want.message) assert.ok(got.message.includes(want.message), got.message);
    if (want.hint) assert.ok(got.hint.includes(want.hint), got.hint);
  });
  return diagnostics;
}

const didYouMean = (word: string) => `Did you mean "${word}"?`;

describe('YAML syntax errors', () => {
  test('in course.yaml', () => {
    const [d] = expectDiagnostics('yaml-syntax-course', [
      { code: 'yaml-syntax', file: 'course.yaml', line: 5, column: 14 },
    ]);
    assert.equal(d!.lineText, 'description: Data at work: who owns it');
    assert.match(d!.hint, /quote any value that contains a colon/);
    assert.equal(load('yaml-syntax-course').course, undefined);
  });

  test('in front matter, at the file position rather than the front-matter position', () => {
    const [d] = expectDiagnostics('yaml-syntax-front-matter', [
      { code: 'yaml-syntax', file: 'modules/a.md', line: 3, column: 8 },
    ]);
    assert.doesNotMatch(d!.message, /at line \d+/);
  });

  test('in a quiz block', () => {
    const [d] = expectDiagnostics('yaml-syntax-quiz', [
      { code: 'yaml-syntax', file: 'modules/a.md', line: 13, column: 9 },
    ]);
    assert.equal(d!.lineText, 'prompt: Pick one: who owns your data?');
    assert.doesNotMatch(d!.message, /at line \d+/);
  });
});

describe('fields', () => {
  test('missing required field in front matter', () => {
    expectDiagnostics('missing-field', [
      {
        code: 'missing-field',
        file: 'modules/a.md',
        line: 2,
        column: 1,
        message: 'Missing required field "title" in front matter',
      },
    ]);
  });

  test('missing required field in course.yaml', () => {
    expectDiagnostics('missing-field-course', [
      {
        code: 'missing-field',
        file: 'course.yaml',
        line: 1,
        column: 1,
        message: 'Missing required field "version" in course.yaml',
      },
    ]);
  });

  test('unknown field with a did-you-mean hint', () => {
    const diagnostics = expectDiagnostics('unknown-field', [
      { code: 'missing-field', file: 'modules/a.md', line: 2, column: 1, message: '"title"' },
      {
        code: 'unknown-field',
        file: 'modules/a.md',
        line: 3,
        column: 1,
        message: 'Unknown field "titel" in front matter',
        hint: didYouMean('title'),
      },
    ]);
    assert.equal(diagnostics[1]!.length, 'titel'.length);
  });

  test('unknown nested field in course.yaml', () => {
    expectDiagnostics('unknown-field-course', [
      {
        code: 'unknown-field',
        file: 'course.yaml',
        line: 9,
        column: 3,
        message: 'Unknown field "acent" in course.yaml (under "theme")',
        hint: didYouMean('accent'),
      },
    ]);
  });

  test('invalid values are all reported, each at its value', () => {
    expectDiagnostics('invalid-value', [
      { code: 'invalid-value', file: 'course.yaml', line: 5, column: 16, message: 'passing_score' },
      { code: 'invalid-value', file: 'course.yaml', line: 9, column: 11, message: 'theme.accent' },
      {
        code: 'invalid-value',
        file: 'course.yaml',
        line: 11,
        column: 15,
        message: 'tracking.completion',
      },
    ]);
  });
});

describe('questions', () => {
  test('duplicate question id across two modules', () => {
    expectDiagnostics('duplicate-question-id', [
      {
        code: 'duplicate-question-id',
        file: 'modules/b.md',
        line: 11,
        column: 5,
        message: 'Question id "who-owns-data" is already used at modules/a.md:11',
      },
    ]);
  });

  test('choice question with no correct answer, and no empty-page warning for its page', () => {
    expectDiagnostics('no-correct-choice', [
      { code: 'no-correct-choice', file: 'modules/a.md', line: 12, column: 1 },
    ]);
  });

  test('single choice with two correct answers points at the second one', () => {
    expectDiagnostics('too-many-correct', [
      {
        code: 'too-many-correct',
        file: 'modules/a.md',
        line: 16,
        column: 14,
        message: 'has 2 correct choices',
      },
    ]);
  });

  test('dropdown blanks: one right option in parentheses, two options or more, at least one blank', () => {
    expectDiagnostics('bad-blank', [
      {
        code: 'bad-blank',
        file: 'modules/a.md',
        line: 11,
        column: 20,
        message: 'exactly one option',
      },
      { code: 'bad-blank', file: 'modules/a.md', line: 11, column: 55, message: 'two or more' },
      { code: 'bad-blank', file: 'modules/a.md', line: 17, column: 7, message: 'has no blank' },
    ]);
  });

  test('two answers with the same text', () => {
    expectDiagnostics('duplicate-choice', [
      {
        code: 'duplicate-choice',
        file: 'modules/a.md',
        line: 18,
        column: 5,
        message: '"Get a copy of your data" appears twice',
      },
    ]);
  });

  test('pools: undefined pool with did-you-mean, and a pool too small for its draw', () => {
    expectDiagnostics('pool-errors', [
      { code: 'pool-too-small', file: 'modules/a.md', line: 6, column: 11, message: 'draws 3' },
      {
        code: 'unknown-pool',
        file: 'modules/a.md',
        line: 25,
        column: 7,
        hint: didYouMean('final-check'),
      },
    ]);
  });

  test('unknown question type with a did-you-mean hint', () => {
    expectDiagnostics('unknown-question-type', [
      {
        code: 'unknown-question-type',
        file: 'modules/a.md',
        line: 10,
        column: 7,
        message: 'Unknown question type "singel"',
        hint: didYouMean('single'),
      },
    ]);
  });
});

describe('citations, links and images', () => {
  test('citation to an undefined source', () => {
    expectDiagnostics('undefined-citation', [
      {
        code: 'undefined-citation',
        file: 'modules/a.md',
        line: 10,
        column: 45,
        message: '"[^gdrp]"',
        hint: didYouMean('gdpr'),
      },
      {
        code: 'undefined-citation',
        file: 'modules/a.md',
        line: 21,
        column: 53,
        message: '"[^gpdr]"',
        hint: didYouMean('gdpr'),
      },
    ]);
  });

  test('link pointing outside the course', () => {
    expectDiagnostics('link-outside-course', [
      {
        code: 'link-outside-course',
        file: 'modules/a.md',
        line: 8,
        column: 6,
        message: '"../../x.md" points outside the course folder',
      },
    ]);
  });

  test('absolute path link, including Windows paths (not a remote image or a "c:" scheme)', () => {
    expectDiagnostics('absolute-link', [
      {
        code: 'link-outside-course',
        file: 'modules/a.md',
        line: 8,
        column: 5,
        message: '"/home/alex/handout.pdf" is an absolute path',
      },
      {
        code: 'link-outside-course',
        file: 'modules/a.md',
        line: 10,
        column: 1,
        message: '"C:/Users/alex/logo.png" is an absolute path',
      },
      {
        code: 'link-outside-course',
        file: 'modules/a.md',
        line: 10,
        column: 37,
        message: 'is an absolute path',
      },
    ]);
  });

  test('image pointing to a missing file', () => {
    expectDiagnostics('missing-image', [
      {
        code: 'missing-file',
        file: 'modules/a.md',
        line: 8,
        column: 11,
        message: '"../media/logo.png" points to a file that does not exist',
      },
    ]);
  });

  test('remote image', () => {
    expectDiagnostics('remote-image', [
      {
        code: 'remote-image',
        file: 'modules/a.md',
        line: 8,
        column: 1,
        message: 'https://example.org/chart.png',
      },
    ]);
  });

  test('file name with a space is a warning, and the file is still packaged', () => {
    const { diagnostics, course } = load('unsafe-file-name');
    assert.deepEqual(positions(diagnostics), [
      { code: 'unsafe-file-name', file: 'modules/a.md', line: 8, column: 1 },
    ]);
    assert.equal(diagnostics[0]!.severity, 'warning');
    assert.deepEqual(course?.assets, ['media/union logo.png']);
  });
});

describe('module structure', () => {
  test('empty module (front matter only) points at the closing ---', () => {
    const [d] = expectDiagnostics('empty-module', [
      { code: 'empty-module', file: 'modules/a.md', line: 4, column: 1, message: '"a"' },
    ]);
    assert.equal(d!.lineText, '---');
  });

  test('missing front matter', () => {
    expectDiagnostics('missing-front-matter', [
      { code: 'missing-front-matter', file: 'modules/a.md', line: 1, column: 1 },
    ]);
  });

  test('unknown callout, with a did-you-mean hint when close', () => {
    const [foo] = expectDiagnostics('unknown-callout', [
      {
        code: 'unknown-callout',
        file: 'modules/a.md',
        line: 10,
        column: 3,
        message: '"[!FOO]"',
        hint: '[!FACILITATOR]',
      },
      {
        code: 'unknown-callout',
        file: 'modules/a.md',
        line: 13,
        column: 3,
        message: '"[!WARNNG]"',
        hint: didYouMean('WARNING'),
      },
    ]);
    assert.equal(foo!.hint, 'Callouts: [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!FACILITATOR].');
  });

  test('a heading with nothing under it is a warning', () => {
    const { diagnostics } = load('empty-page');
    assert.deepEqual(positions(diagnostics), [
      { code: 'empty-page', file: 'modules/a.md', line: 10, column: 1 },
    ]);
    assert.equal(diagnostics[0]!.severity, 'warning');
  });

  test('a recheck date that has passed is a warning at recheck:, naming the legal modules', () => {
    const dir = path.join(fixtures, 'recheck-due');
    const onTheDay = loadCourse(dir, dir, { today: new Date('2027-04-01T23:00:00Z') });
    assert.deepEqual(onTheDay.diagnostics, []);
    assert.equal(onTheDay.course?.checked, '2026-10-31');
    assert.equal(onTheDay.course?.recheck, '2027-04-01');
    const { diagnostics } = loadCourse(dir, dir, { today: new Date('2027-04-02T00:00:00Z') });
    assert.deepEqual(positions(diagnostics), [
      { code: 'recheck-due', file: 'course.yaml', line: 7, column: 1 },
    ]);
    assert.equal(diagnostics[0]!.severity, 'warning');
    assert.match(diagnostics[0]!.message, /due to be checked again on 2027-04-01/);
    assert.match(diagnostics[0]!.message, /recheck modules\/law\.md$/);
    assert.match(formatDiagnostic(diagnostics[0]!), /recheck: 2027-04-01\n {2}\| \^{7}/);
  });

  test('a recheck date before the checked date is an error', () => {
    expectDiagnostics('recheck-before-checked', [
      {
        code: 'recheck-before-checked',
        file: 'course.yaml',
        line: 7,
        column: 1,
        message: 'recheck: 2026-10-01 is not after checked: 2026-10-31',
      },
    ]);
  });

  test('a checked or recheck date that is not a real day is an invalid value', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-dates-'));
    cpSync(path.join(fixtures, 'recheck-due'), dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'course.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'course.yaml'),
      yaml
        .replace('checked: 2026-10-31', 'checked: 2026-02-30')
        .replace('2027-04-01', 'April 2027'),
    );
    const { diagnostics } = loadCourse(dir, dir);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} ${d.line}`),
      ['invalid-value 6', 'invalid-value 7'],
    );
  });

  test('missing module file listed in course.yaml', () => {
    expectDiagnostics('missing-module-file', [
      {
        code: 'missing-module-file',
        file: 'course.yaml',
        line: 8,
        column: 5,
        message: '"modules/b.md"',
      },
    ]);
  });

  test('two modules with the same id, at the second id (bad-input.test.ts checks the first)', () => {
    expectDiagnostics('duplicate-module-id', [
      {
        code: 'duplicate-module-id',
        file: 'modules/b.md',
        line: 2,
        column: 5,
        message: 'Module id "a" is used by both modules/a.md and modules/b.md',
      },
    ]);
  });

  test('a course with no modules', () => {
    expectDiagnostics('no-modules', [
      { code: 'no-modules', file: 'course.yaml', line: 6, column: 1 },
    ]);
  });
});

test('every error of a run is reported together, in reading order within each file', () => {
  expectDiagnostics('many-errors', [
    { code: 'missing-field', file: 'modules/a.md', line: 2, column: 1 },
    { code: 'unknown-field', file: 'modules/a.md', line: 3, column: 1 },
    { code: 'undefined-citation', file: 'modules/a.md', line: 8, column: 9 },
    { code: 'remote-image', file: 'modules/a.md', line: 8, column: 34 },
    { code: 'unknown-question-type', file: 'modules/a.md', line: 22, column: 7 },
    { code: 'unknown-callout', file: 'modules/a.md', line: 30, column: 3 },
    { code: 'no-correct-choice', file: 'modules/b.md', line: 22, column: 1 },
    { code: 'link-outside-course', file: 'modules/b.md', line: 27, column: 6 },
    { code: 'missing-module-file', file: 'course.yaml', line: 9, column: 5 },
    { code: 'duplicate-question-id', file: 'modules/b.md', line: 9, column: 5 },
  ]);
});

describe('formatDiagnostic', () => {
  test('prints the code, position, offending line and a ^ marker under the column', () => {
    const [, unknown] = load('unknown-field').diagnostics;
    assert.equal(
      formatDiagnostic(unknown!),
      [
        'error[unknown-field]: Unknown field "titel" in front matter',
        ' --> modules/a.md:3:1',
        '  |',
        '3 | titel: Module A',
        '  | ^^^^^',
        '  = hint: Did you mean "title"? docs/authoring.md lists the fields.',
      ].join('\n'),
    );
  });

  test('widens the gutter for two-digit lines and indents the marker to the column', () => {
    const [citation] = load('undefined-citation').diagnostics;
    assert.equal(
      formatDiagnostic(citation!),
      [
        'error[undefined-citation]: Citation "[^gdrp]" names a source that is not defined',
        '  --> modules/a.md:10:45',
        '   |',
        '10 | Workers have rights [^gdpr] and more rights [^gdrp].',
        `   | ${' '.repeat(44)}^^^^^^^`,
        '   = hint: Did you mean "gdpr"? ' +
          'Define it under "sources:" in the front matter or course.yaml.',
      ].join('\n'),
    );
  });
});

describe('parseModule', () => {
  const context = {
    file: path.join(fixtures, 'valid/modules/inline.md'),
    displayPath: 'modules/inline.md',
    relativePath: 'modules/inline.md',
    courseDir: path.join(fixtures, 'valid'),
    courseSources: {},
  };

  test('a byte-order mark and Windows line endings do not hide the front matter', () => {
    const text = '\uFEFF---\r\nid: a\r\ntitle: A\r\n---\r\n\r\n## Page\r\n\r\nText [^nope].\r\n';
    const result = parseModule(text, context);
    assert.deepEqual(positions(result.diagnostics), [
      { code: 'undefined-citation', file: 'modules/inline.md', line: 8, column: 6 },
    ]);
    assert.equal(result.diagnostics[0]!.hint.startsWith('Define it'), true);
    assert.equal(result.module?.pages[0]?.id, 'a/page');
  });

  test('positions inside callouts, lists, tables and plain quotes', () => {
    const text = [
      '---',
      'id: a',
      'title: A',
      '---',
      '',
      '## Page',
      '',
      'Twice [^x] and again [^x].',
      '',
      '> [!NOTE]',
      '> First line of the note.',
      '> Second line [^y] with ![img](nope.png).',
      '',
      '- item one',
      '- item two [^z]',
      '',
      '| a | b |',
      '|---|---|',
      '| cell | [^w] |',
      '',
      '> A plain quote [^q]',
      '> and [^q2].',
      '',
    ].join('\n');
    assert.deepEqual(
      parseModule(text, context).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`),
      [
        'undefined-citation 8:7',
        'undefined-citation 8:22',
        'undefined-citation 12:15',
        'missing-file 12:25',
        'undefined-citation 15:12',
        'undefined-citation 19:10',
        'undefined-citation 21:17',
        'undefined-citation 22:7',
      ],
    );
  });
});

test('findCourses lists every fixture course, sorted, and reports a folder without one', () => {
  const { dirs, diagnostics } = findCourses([fixtures], fixtures);
  const names = readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  assert.deepEqual(
    dirs.map((dir) => path.basename(dir)),
    names,
  );
  assert.deepEqual(diagnostics, []);
  const missing = findCourses(['valid/modules'], fixtures);
  assert.deepEqual(missing.dirs, []);
  assert.deepEqual(positions(missing.diagnostics), [
    { code: 'no-course', file: 'valid/modules', line: 1, column: 1 },
  ]);
});

test('docs/authoring.md explains every diagnostic code', () => {
  const doc = readFileSync(path.join(repoRoot, 'docs/authoring.md'), 'utf8');
  const missing = Object.keys(diagnosticInfo).filter((code) => !doc.includes(`| \`${code}\` |`));
  assert.deepEqual(missing, []);
});
