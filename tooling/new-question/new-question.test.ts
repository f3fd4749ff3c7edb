import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import {
  compilerPlaces,
  nameProblem,
  namesFor,
  newQuestionFiles,
  otherPlaces,
  registrationPlaces,
  repoRoot,
} from './new-question.ts';

describe('pnpm new:question', () => {
  test('names a type for classes, variables and the tag table', () => {
    assert.deepEqual(namesFor('sketch-pad'), {
      type: 'sketch-pad',
      Name: 'SketchPad',
      name: 'sketchPad',
      tagAccess: "questionTags['sketch-pad']",
    });
    assert.equal(namesFor('sketch').tagAccess, 'questionTags.sketch');
  });

  test('refuses names that are not type names, and types that exist', () => {
    assert.match(nameProblem(undefined) ?? '', /Give the new type a name/);
    assert.match(nameProblem('Sketch') ?? '', /not a type name/);
    assert.match(nameProblem('two--hyphens') ?? '', /not a type name/);
    assert.equal(nameProblem('fill-in'), '"fill-in" is already a question type.');
    assert.equal(nameProblem('sketch'), undefined);
  });

  test('fills every placeholder of the three templates', () => {
    const files = newQuestionFiles('sketch-pad');
    assert.deepEqual(
      [...files.keys()],
      [
        'packages/quiz-elements/src/sketch-pad/sketch-pad.ts',
        'packages/quiz-elements/src/sketch-pad/sketch-pad.styles.ts',
        'packages/quiz-elements/src/sketch-pad/sketch-pad.test.ts',
      ],
    );
    for (const [file, text] of files) assert.doesNotMatch(text, /__\w+__/, file);
    const element = files.get('packages/quiz-elements/src/sketch-pad/sketch-pad.ts') ?? '';
    assert.match(element, /@customElement\(questionTags\['sketch-pad'\]\)/);
    assert.match(
      element,
      /export class SketchPadElement extends GradedQuestionElement<SketchPadQuestion>/,
    );
    assert.match(element, /import \{ sketchPadStyles \} from '\.\/sketch-pad\.styles\.ts';/);
  });

  test('every place it lists is a file of the repository', () => {
    const tracked = new Set(
      execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n'),
    );
    for (const place of [...registrationPlaces, ...compilerPlaces, ...otherPlaces]) {
      assert.ok(tracked.has(place.file), `${place.file} is not in the repository`);
    }
  });

  test('a bad name exits with 2 and says why, writing nothing', () => {
    const run = () =>
      execFileSync('pnpm', ['exec', 'tsx', 'tooling/new-question/new-question.ts', 'Bad Name'], {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    assert.throws(run, (error: { status?: number; stderr?: string }) => {
      assert.equal(error.status, 2);
      assert.match(error.stderr ?? '', /"Bad Name" is not a type name/);
      return true;
    });
  });
});
