/**
 * Adding a question type is caught by the compiler everywhere it matters. This test does
 * what a newcomer does, in memory (the working tree is not touched): names a throwaway
 * graded type "sketch" in course-schema (the registration places of
 * tooling/new-question/new-question.ts), adds the element, styles and test that
 * `pnpm new:question sketch` writes, and type-checks every project `pnpm typecheck`
 * checks. The files with errors must be exactly the list the script prints: a place that
 * silently accepts the new type (a `default:` branch, a table that is not a
 * `Record<QuestionType, ...>`) drops out of the errors and fails this test, and so does a
 * new place nobody listed. The generated files must compile as they are.
 *
 * Slow (about 40 s on an idle 2-core machine: it type-checks the whole repository), hence here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  compilerPlaces,
  newQuestionFiles,
  registrationPlaces,
} from '../tooling/new-question/new-question.ts';
import { repoRoot } from './support/package-imports.ts';
import { typecheckWithPatches } from './support/typecheck-with-patches.ts';

const schemaSrc = path.join(repoRoot, 'packages/course-schema/src');

function edited(file: string, edit: (text: string) => string): [string, string] {
  const absolute = path.join(repoRoot, file);
  const before = readFileSync(absolute, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} found nothing to change`);
  return [absolute, after];
}

/** The registration a newcomer writes by hand: the name, the model, the tag, the export. */
function registration(): Map<string, string> {
  const [types, model] = registrationPlaces.map((place) => place.file);
  assert.ok(types && model);
  return new Map([
    edited(types, (text) => text.replaceAll("  'dropdown',\n", "  'dropdown',\n  'sketch',\n")),
    edited(model, (text) =>
      text
        .replace(
          'export type GradedQuestion =\n',
          "export interface SketchQuestion extends GradedBase<'sketch'> {}\n\nexport type GradedQuestion =\n  | SketchQuestion\n",
        )
        .replace(
          "  dropdown: 'ti-dropdown',\n",
          "  dropdown: 'ti-dropdown',\n  sketch: 'ti-sketch',\n",
        ),
    ),
    edited(path.relative(repoRoot, path.join(schemaSrc, 'index.ts')), (text) =>
      text.replace('  DropdownQuestion,\n', '  DropdownQuestion,\n  SketchQuestion,\n'),
    ),
  ]);
}

test('a new question type: the compiler reports every place to change, and only those', () => {
  const generated = [...newQuestionFiles('sketch')].map(
    ([file, text]) => [path.join(repoRoot, file), text] as const,
  );
  const problems = typecheckWithPatches(new Map([...registration(), ...generated]));
  const files = [...new Set(problems.map((p) => p.file))].sort();
  const detail = problems.map((p) => `${p.file}:${p.line}: ${p.message.split('\n')[0]}`);
  assert.deepEqual(
    files,
    compilerPlaces.map((place) => place.file).sort(),
    `the compiler's errors:\n${detail.join('\n')}`,
  );
});
