/**
 * Old saved states still load, through the one migration path: `decodeState`. The
 * fixtures are the real shapes earlier runtimes wrote (fixtures/saved-states/README.md);
 * what comes out is the SavedState contract of course-schema, which the shell restores.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SavedState } from '@teach-in/course-schema';
import { isQuestionProgress } from '@teach-in/course-schema';
import { decodeState, encodeState, unreadableState } from '../src/state.ts';
import { everyTypeLayout } from './layout-fixture.ts';

const layout = everyTypeLayout();
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/saved-states/${name}`, import.meta.url), 'utf8');

function assertContract(state: SavedState): void {
  for (const [id, progress] of Object.entries(state.answers)) {
    assert.ok(isQuestionProgress(progress), `${id}: ${JSON.stringify(progress)}`);
    assert.deepEqual(Object.keys(progress).sort(), ['attempts', 'done', 'response']);
  }
}

test("the first runtime's JSON ({response, checked}) loads as the current contract", () => {
  const decoded = decodeState(fixture('first-runtime.txt'), layout);
  assert.deepEqual(decoded.dropped, []);
  assert.deepEqual(decoded.state, {
    page: 1,
    seen: [0, 1],
    answers: {
      'q-single': { response: ['b'], attempts: 1, done: true },
      'q-multiple': { response: ['a', 'c'], attempts: 0, done: false },
    },
    pools: {},
    seed: 0,
    finished: false,
  });
  assertContract(decoded.state);
});

test('the JSON with pools and seeds loads with its draws, seed and finish', () => {
  const decoded = decodeState(fixture('pools-and-seeds.txt'), layout);
  assert.deepEqual(decoded.dropped, []);
  assert.equal(decoded.state.seed, 123456789);
  assert.equal(decoded.state.finished, true);
  assert.deepEqual(decoded.state.seen, [0, 1, 2]);
  assert.deepEqual(decoded.state.answers, {
    'q-single': { response: ['b'], attempts: 1, done: true },
    'q-ordering': { response: ['c', 'a', 'b'], attempts: 2, done: true },
    'q-likert': { response: ['4'], attempts: 1, done: true },
  });
  assertContract(decoded.state);
});

test('the compact text of the first codec loads every question type, unchanged', () => {
  const text = fixture('t1-first-codec.txt');
  const decoded = decodeState(text, layout);
  assert.ok(!decoded.dropped.includes(unreadableState));
  assert.deepEqual(decoded.dropped, []);
  assert.equal(decoded.savedAt, Date.UTC(2026, 10, 22, 10, 0, 0));
  assert.equal(decoded.state.page, 2);
  assert.deepEqual(decoded.state.pools, { 'a/check': ['q-multiple'] });
  assert.deepEqual(decoded.state.answers['q-fill-in'], {
    response: ['Données, 😀 & [,] ~.*'],
    attempts: 1,
    done: true,
  });
  assert.equal(Object.keys(decoded.state.answers).length, 10);
  assertContract(decoded.state);
  // Today's codec writes the same text for it: the format has not moved.
  assert.equal(encodeState(decoded.state, layout, decoded.savedAt), text);
});
