import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SavedState } from '@teach-in/course-schema';
import {
  type CourseLayout,
  decodeState,
  emptyState,
  encodeState,
  progressCode,
  readProgressCode,
  suspendDataLimits,
  worstCaseState,
  worstCaseStateLength,
} from '../src/state.ts';
import { everyTypeLayout } from './layout-fixture.ts';

const layout = everyTypeLayout();
const savedAt = Date.UTC(2026, 10, 22, 10, 0, 0);

function everyTypeAnswered(): SavedState {
  return {
    page: 2,
    seen: [0, 1, 2],
    pools: { 'a/check': ['q-multiple'] },
    seed: 123456789,
    finished: false,
    answers: {
      'q-single': { response: ['b'], attempts: 1, done: true },
      'q-multiple': { response: ['a', 'c'], attempts: 2, done: false },
      'q-true-false': { response: ['a.true', 'b.false'], attempts: 1, done: true },
      'q-matching': { response: ['a.2', 'b.1'], attempts: 1, done: true },
      'q-ordering': { response: ['c', 'a', 'b'], attempts: 2, done: true },
      'q-fill-in': { response: ['Données, 😀 & [,] ~.*'], attempts: 1, done: true },
      'q-dropdown': { response: ['1.b'], attempts: 1, done: true },
      'q-likert': { response: ['4'], attempts: 1, done: true },
      'q-scenario': { response: ['a'], attempts: 1, done: true },
      'q-reflection-shared': { response: ['my thoughts'], attempts: 1, done: true },
    },
  };
}

describe('state codec', () => {
  test('a layout with a duplicated id (a course with errors, being checked) does not throw', () => {
    const twice: CourseLayout = {
      ...layout,
      questions: [...layout.questions, layout.questions[0]!],
      pages: [...layout.pages, layout.pages[0]!],
    };
    assert.doesNotThrow(() => worstCaseStateLength(twice));
    assert.ok(encodeState(everyTypeAnswered(), twice, savedAt).startsWith('t1~'));
  });

  test('round-trips every question type, the position, pools and seed', () => {
    const state = everyTypeAnswered();
    const text = encodeState(state, layout, savedAt);
    assert.match(text, /^t1~[A-Za-z0-9_~.*-]+$/);
    const decoded = decodeState(text, layout);
    assert.equal(decoded.savedAt, savedAt);
    assert.deepEqual(decoded.dropped, []);
    const expected = structuredClone(state);
    // Reflection text is never stored: only that it was submitted.
    expected.answers['q-reflection-shared'] = { response: [], attempts: 1, done: true };
    assert.deepEqual(decoded.state.answers, expected.answers);
    assert.deepEqual({ ...decoded.state, answers: {} }, { ...expected, answers: {} });
  });

  test('never stores wording or ids', () => {
    const text = encodeState(everyTypeAnswered(), layout, savedAt);
    for (const word of ['q-single', 'my thoughts', 'every-question-type', 'a/check']) {
      assert.ok(!text.includes(word), word);
    }
  });

  test('keeps answers whose ids still exist when the course version changes', () => {
    const text = encodeState(everyTypeAnswered(), layout, savedAt);
    const next: CourseLayout = structuredClone(layout);
    next.version = '1.1.0';
    next.questions = next.questions.filter((q) => q.id !== 'q-matching');
    next.pages.splice(1, 0, { id: 'a/a-new-page', moduleId: 'a' });
    const decoded = decodeState(text, next);
    assert.equal(decoded.migrated, true);
    // The question is gone, so only its hash is left to name it.
    assert.deepEqual(decoded.dropped.length, 2, decoded.dropped.join());
    assert.ok(decoded.dropped.includes('seen pages'));
    assert.equal(decoded.state.answers['q-matching'], undefined);
    assert.deepEqual(decoded.state.answers['q-single'], {
      response: ['b'],
      attempts: 1,
      done: true,
    });
    // The page the learner was on moved one place down; the position follows its id.
    assert.equal(next.pages[decoded.state.page]?.id, layout.pages[2]?.id);
    assert.deepEqual(decoded.state.seen, [], 'the page list changed: pages are viewed again');
  });

  test('reads the JSON the first runtime saved', () => {
    const old = JSON.stringify({
      page: 1,
      seen: [1, 0],
      answers: { 'q-single': { response: ['b'], checked: true }, gone: { response: ['a'] } },
      finished: false,
    });
    const decoded = decodeState(old, layout);
    assert.equal(decoded.state.page, 1);
    assert.deepEqual(decoded.state.seen, [0, 1]);
    assert.deepEqual(decoded.state.answers['q-single'], {
      response: ['b'],
      attempts: 1,
      done: true,
    });
    assert.deepEqual(decoded.dropped, ['gone']);
  });

  test('returns an empty state for text it cannot read, without throwing', () => {
    for (const text of ['', 'garbage', 't1~x', '{not json', 't9~~~~~~~~']) {
      const decoded = decodeState(text, layout);
      assert.deepEqual(decoded.state, emptyState(), text);
    }
  });

  test('the worst case is longer than any state this course makes and round-trips', () => {
    const worst = worstCaseState(layout);
    const length = worstCaseStateLength(layout);
    assert.ok(length >= encodeState(everyTypeAnswered(), layout, savedAt).length);
    assert.equal(length, encodeState(worst, layout, 64 ** 6 * 1000 - 1000).length);
    assert.ok(length < suspendDataLimits.scorm12, `${length} fits SCORM 1.2`);
    const typed = decodeState(encodeState(worst, layout), layout).state.answers['q-fill-in'];
    assert.equal(typed?.response[0]?.length, 100);
  });

  test('fill-in text longer than the stored maximum is cut, never overflowing the bound', () => {
    const state = emptyState();
    state.answers['q-fill-in'] = { response: ['😀'.repeat(300)], attempts: 1, done: true };
    const decoded = decodeState(encodeState(state, layout), layout);
    assert.equal(decoded.state.answers['q-fill-in']?.response[0], '😀'.repeat(50));
  });
});

describe('progress code', () => {
  test('carries the state to another device', () => {
    const code = progressCode(everyTypeAnswered(), layout, savedAt);
    assert.ok(code.startsWith('every-question-type*1.0.0*t1~'));
    const read = readProgressCode(` ${code.slice(0, 20)}\n${code.slice(20)} `, layout);
    assert.equal(read.ok, true);
    if (read.ok) assert.deepEqual(read.decoded.state.answers['q-single']?.response, ['b']);
  });

  test('refuses a mistyped code, a cut code and another course’s code', () => {
    const code = progressCode(everyTypeAnswered(), layout, savedAt);
    const flipped = code.replace('t1~', 't1~A').replace(/^(.*~)(.)/, '$1$2');
    assert.deepEqual(readProgressCode(flipped, layout), { ok: false, reason: 'checksum' });
    assert.deepEqual(readProgressCode(code.slice(0, 40) + code.slice(46), layout), {
      ok: false,
      reason: 'checksum',
    });
    assert.deepEqual(readProgressCode('hello', layout), { ok: false, reason: 'malformed' });
    const other = { ...layout, courseId: 'another-course' };
    const theirs = progressCode(emptyState(), other, savedAt);
    assert.deepEqual(readProgressCode(theirs, layout), { ok: false, reason: 'other-course' });
  });
});
