import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, diagnosticInfo } from '@teach-in/course-schema';
import fc from 'fast-check';
import { loadCourse, type ParsedModule, parseModule } from '../src/index.ts';

/**
 * Property tests: whatever an author (or a broken editor, or a disk) puts in a course,
 * the loader and parser never throw; they end in a model, diagnostics, or both, and every
 * diagnostic is a real, positioned one. Fixed seed and bounded runs, so CI is repeatable
 * and fast; a failure prints the seed and the shrunk input to replay.
 */
const seed = 20_261_207;
const coursesDir = fileURLToPath(new URL('../../../courses/', import.meta.url));

const realModules = readdirSync(coursesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const dir = path.join(coursesDir, entry.name, 'modules');
    return readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(path.join(dir, name), 'utf8'));
  });
const realCourseYaml = readdirSync(coursesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => readFileSync(path.join(coursesDir, entry.name, 'course.yaml'), 'utf8'));

/** Pieces that mean something to the parsers: fences, YAML syntax, HTML, citations. */
const tricky = fc.constantFrom(
  '```quiz\n',
  '```\n',
  '---\n',
  '\n',
  '\t',
  ': ',
  '- ',
  '&a [1,2]',
  '*a',
  '"',
  "'",
  '#',
  '## ',
  '> [!NOTE]\n',
  '> [!FACILITATOR]\n',
  '[^',
  ']',
  '](',
  '![x](../media/none.png)',
  '[[a|(b)|c]]',
  '<video src=x>',
  '<img src="../../etc/passwd">',
  '<b onclick=x>',
  '<script>',
  'id: ',
  'type: ',
  'choices:\n  - text: ',
  'correct: true\n',
  '\uFEFF',
  '\r\n',
  '\uFFFD',
  '\u0000',
  '😀',
  // A small alias bomb: nine times nine times nine... values from a few lines.
  'z: &z [1,1,1,1,1,1,1,1,1]\nz2: &z2 [*z,*z,*z,*z,*z,*z,*z,*z,*z]\nz3: &z3 [*z2,*z2,*z2,*z2,*z2,*z2,*z2,*z2,*z2]\nz4: [*z3,*z3,*z3,*z3,*z3,*z3,*z3,*z3,*z3]\n',
);

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      tricky,
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(200) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat(300) }),
);

function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const change of edits) {
    const at = result.length === 0 ? 0 : change.at % (result.length + 1);
    if (change.kind === 'insert') result = result.slice(0, at) + change.text + result.slice(at);
    else if (change.kind === 'delete')
      result = result.slice(0, at) + result.slice(at + change.length);
    else
      result =
        result.slice(0, at) + result.slice(at, at + change.length).repeat(2) + result.slice(at);
  }
  return result;
}

const mutatedModule = fc
  .tuple(fc.constantFrom(...realModules), fc.array(edit, { minLength: 1, maxLength: 8 }))
  .map(([text, edits]) => applyEdits(text, edits));

function assertWellFormed(diagnostics: readonly Diagnostic[], lines: number): void {
  for (const d of diagnostics) {
    assert.ok(d.code in diagnosticInfo, `unknown code ${d.code}`);
    assert.ok(d.line >= 1 && d.line <= lines + 1, `${d.code} at line ${d.line} of ${lines}`);
    assert.ok(d.column >= 1 && d.length >= 1, `${d.code} at column ${d.column}`);
    assert.ok(d.message.length > 0 && d.hint.length > 0, `${d.code} has a message and a hint`);
  }
}

/** A model, or at least one error saying why there is none. */
function assertEnds(result: { diagnostics: Diagnostic[] }, model: unknown): void {
  assert.ok(
    model !== undefined || result.diagnostics.some((d) => d.severity === 'error'),
    'no model and no error',
  );
}

const root = mkdtempSync(path.join(tmpdir(), 'teach-in-fuzz-'));
after(() => rmSync(root, { recursive: true, force: true }));

let courseCount = 0;
/** A course folder on disk with these bytes as course.yaml and its one module. */
function writeCourse(courseYaml: Uint8Array | string, module: Uint8Array | string): string {
  const dir = path.join(root, `c${courseCount++}`);
  mkdirSync(path.join(dir, 'modules'), { recursive: true });
  writeFileSync(path.join(dir, 'course.yaml'), courseYaml);
  writeFileSync(path.join(dir, 'modules/a.md'), module);
  return dir;
}

const validCourseYaml =
  'id: fuzz\nversion: 1.0.0\ntitle: Fuzz\nlanguage: en\npassing_score: 80\nmodules:\n  - modules/a.md\n';

describe('fuzz: the parser and loader never throw', () => {
  test('mutated real modules end in a model or diagnostics', () => {
    fc.assert(
      fc.property(mutatedModule, (text) => {
        const result: ParsedModule = parseModule(text, {
          file: path.join(root, 'modules/a.md'),
          displayPath: 'modules/a.md',
          relativePath: 'modules/a.md',
          courseDir: root,
          courseSources: {},
        });
        assertEnds(result, result.module);
        assertWellFormed(result.diagnostics, text.split('\n').length);
      }),
      { seed, numRuns: 400 },
    );
  });

  test('random bytes as a module or as course.yaml end in diagnostics', () => {
    const bytes = fc.uint8Array({ maxLength: 2048 });
    fc.assert(
      fc.property(bytes, fc.boolean(), (random, asModule) => {
        const dir = asModule
          ? writeCourse(validCourseYaml, random)
          : writeCourse(random, '---\nid: a\ntitle: A\n---\n\n## Page\n\nText.\n');
        const result = loadCourse(dir, dir);
        assertEnds(result, result.course);
        assertWellFormed(result.diagnostics, Number.MAX_SAFE_INTEGER);
        // Bytes that are not UTF-8 are never read silently as U+FFFD.
        if (!isUtf8(random)) {
          assert.ok(
            result.diagnostics.some((d) => d.code === 'invalid-utf8'),
            'invalid-utf8',
          );
        }
      }),
      { seed, numRuns: 150 },
    );
  });

  test('a mutated real course.yaml with a mutated real module, loaded from disk', () => {
    const courseYaml = fc
      .tuple(fc.constantFrom(...realCourseYaml), fc.array(edit, { maxLength: 6 }))
      .map(([text, edits]) =>
        // Point the course at the one module written beside it, then mutate.
        applyEdits(
          text.replace(/^modules:\n(?:\s+- .*\n)+/m, 'modules:\n  - modules/a.md\n'),
          edits,
        ),
      );
    fc.assert(
      fc.property(courseYaml, mutatedModule, (yaml, module) => {
        const dir = writeCourse(yaml, module);
        const result = loadCourse(dir, dir);
        assertEnds(result, result.course);
        assertWellFormed(result.diagnostics, Number.MAX_SAFE_INTEGER);
      }),
      { seed, numRuns: 150 },
    );
  });
});
