/**
 * Golden files, like marked's spec files: each folder under golden/ is a course (course.yaml,
 * modules, media) beside the model it parses to (model.json) and the diagnostics the CLI
 * prints for it (diagnostics.txt). After a deliberate change, rewrite them with
 *
 *   UPDATE_GOLDEN=1 pnpm exec tsx --test packages/course-parser/test/golden.test.ts
 *
 * and read the diff before committing it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '@teach-in/course-schema';
import { loadCourse } from '../src/index.ts';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
/** `recheck:` dates are compared with this day, so the files do not change with the calendar. */
const today = new Date('2026-12-07T12:00:00Z');

/** Keys sorted at every depth, so the file changes only when the model does. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The case's folder as `<case>`, should any absolute path reach the output. */
const withoutMachinePaths = (text: string, dir: string) => text.split(dir).join('<case>');

function compareOrWrite(file: string, actual: string): void {
  if (update) {
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs from the parser's output`);
}

const cases = readdirSync(goldenDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

test('there are golden cases to compare', () => {
  assert.ok(cases.length >= 8, `only ${cases.length} golden cases`);
});

for (const name of cases) {
  test(`golden: ${name}`, () => {
    const dir = path.join(goldenDir, name);
    const { course, diagnostics } = loadCourse(dir, dir, { today });
    const model = `${JSON.stringify(sortedKeys(course ?? null), null, 2)}\n`;
    const report = diagnostics.map(formatDiagnostic).join('\n\n');
    compareOrWrite(path.join(dir, 'model.json'), withoutMachinePaths(model, dir));
    compareOrWrite(
      path.join(dir, 'diagnostics.txt'),
      withoutMachinePaths(report === '' ? '' : `${report}\n`, dir),
    );
  });
}
