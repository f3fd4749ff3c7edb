import assert from 'node:assert/strict';
import { test } from 'node:test';
import { courseSchema, didYouMean, SourceText } from '../src/index.ts';

const course = {
  id: 'c',
  version: '1.0.0',
  title: 'T',
  language: 'en',
  passing_score: 80,
  modules: ['modules/a.md'],
};

test('a course title longer than the SCORM 1.2 manifest allows is refused', () => {
  assert.equal(courseSchema.safeParse({ ...course, title: 'x'.repeat(200) }).success, true);
  const result = courseSchema.safeParse({ ...course, title: 'x'.repeat(201) });
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues[0]?.path, ['title']);
});

test('passing_score must be a whole percent', () => {
  assert.equal(courseSchema.safeParse({ ...course, passing_score: 101 }).success, false);
  assert.equal(courseSchema.safeParse({ ...course, passing_score: 80.5 }).success, false);
});

test('did-you-mean suggests close names and lists the choices otherwise', () => {
  assert.equal(didYouMean('titel', ['id', 'title']), 'Did you mean "title"?');
  assert.equal(didYouMean('zzzzzz', ['id', 'title']), 'Expected one of: id, title.');
});

test('SourceText maps offsets to 1-based lines and columns', () => {
  const source = new SourceText('f.md', 'ab\ncd\n\nef');
  assert.deepEqual(source.position(0), { line: 1, column: 1 });
  assert.deepEqual(source.position(4), { line: 2, column: 2 });
  assert.deepEqual(source.position(7), { line: 4, column: 1 });
  assert.equal(source.lineText(2), 'cd');
});
