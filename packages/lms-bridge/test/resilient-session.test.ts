import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isComplete,
  type LocalCopy,
  newerState,
  ResilientSession,
  type SaveStatus,
  Scorm12Tracker,
  type Timers,
} from '../src/index.ts';
import { FakeLms } from './fake-lms.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

/** Timers the test runs by hand: no waiting, no timing. */
class ManualTimers implements Timers {
  readonly queue: { run: () => void; ms: number }[] = [];
  setTimeout(run: () => void, ms: number) {
    const entry = { run, ms };
    this.queue.push(entry);
    return entry;
  }
  clearTimeout(handle: unknown) {
    const i = this.queue.indexOf(handle as (typeof this.queue)[number]);
    if (i >= 0) this.queue.splice(i, 1);
  }
  runNext(): number {
    const next = this.queue.shift();
    next?.run();
    return next?.ms ?? -1;
  }
}

async function session() {
  const lms = new FakeLms();
  const tracker = new Scorm12Tracker(lms.scorm12());
  await tracker.start();
  const storage = new MemoryStorage();
  const timers = new ManualTimers();
  const statuses: SaveStatus[] = [];
  const resilient = new ResilientSession(
    tracker,
    storage as unknown as Storage,
    'teach-in:c:progress',
    (s) => statuses.push(s),
    timers,
  );
  return { lms, storage, timers, statuses, resilient };
}

describe('ResilientSession', () => {
  test('keeps a local copy, says so calmly when the LMS refuses, retries with backoff', async () => {
    const { lms, storage, timers, statuses, resilient } = await session();
    resilient.save('t1~one', 1000);
    assert.equal(lms.value('cmi.suspend_data'), 't1~one');
    assert.deepEqual(statuses, [], 'no message while all is well');

    lms.fault = 'refuse-commit';
    resilient.save('t1~two', 2000);
    const copy = JSON.parse(storage.getItem('teach-in:c:progress') ?? '') as LocalCopy;
    assert.deepEqual(copy, { state: 't1~two', savedAt: 2000, synced: false });
    assert.deepEqual(statuses, ['retrying']);
    assert.equal(timers.runNext(), 1000);
    assert.equal(timers.runNext(), 2000, 'the delay doubles');
    assert.equal(timers.queue[0]?.ms, 4000);

    lms.fault = 'none';
    timers.runNext();
    assert.deepEqual(statuses, ['retrying', 'saved']);
    assert.equal(timers.queue.length, 0);
    assert.equal(JSON.parse(storage.getItem('teach-in:c:progress') ?? '').synced, true);
  });

  test('an answer the LMS did not take is sent again, once', async () => {
    const { lms, timers, resilient } = await session();
    lms.fault = 'throw';
    resilient.answer({
      questionId: 'q',
      type: 'single',
      counts: true,
      response: ['a'],
      correctResponse: ['a'],
      correct: true,
      attempt: 1,
      final: true,
      description: 'Q?',
      latencyMs: 10,
      private: false,
      timestamp: new Date(0),
    });
    assert.equal(lms.value('cmi.interactions.0.id'), undefined);
    lms.fault = 'none';
    timers.runNext();
    assert.equal(lms.value('cmi.interactions.0.id'), 'q');
    assert.equal(lms.value('cmi.interactions._count'), '1');
  });

  test('a result the LMS did not take is sent again', async () => {
    const { lms, timers, statuses, resilient } = await session();
    lms.fault = 'refuse-all';
    resilient.finish({ scorePercent: 50, passed: false, completed: true });
    assert.deepEqual(statuses, ['retrying']);
    lms.fault = 'none';
    timers.runNext();
    assert.equal(lms.value('cmi.core.lesson_status'), 'failed');
    assert.equal(lms.value('cmi.core.score.raw'), '50');
    assert.deepEqual(statuses, ['retrying', 'saved']);
  });

  test('an answer the LMS never took survives a closed tab and is sent on the next visit', async () => {
    const first = await session();
    first.lms.fault = 'throw';
    first.resilient.save('t1~one', 1000);
    first.resilient.answer({
      questionId: 'q',
      type: 'single',
      counts: true,
      response: ['a'],
      correctResponse: ['a'],
      correct: true,
      attempt: 1,
      final: true,
      description: 'Q?',
      latencyMs: 10,
      private: false,
      timestamp: new Date(60_000),
    });
    const kept = first.resilient.readLocal();
    assert.equal(kept?.unsent?.[0]?.questionId, 'q', 'kept on the device with the state');

    // The tab is gone; the next visit has only what storage kept.
    const second = await session();
    second.storage.items.set('teach-in:c:progress', JSON.stringify(kept));
    second.resilient.resend(second.resilient.readLocal());
    assert.equal(second.lms.value('cmi.interactions.0.id'), 'q');
    assert.equal(second.lms.value('cmi.interactions.0.result'), 'correct');
    assert.equal(second.resilient.readLocal()?.unsent, undefined, 'sent, so no longer kept');
    assert.equal(second.resilient.readLocal()?.state, 't1~one', 'the state copy stays');
    second.resilient.resend(second.resilient.readLocal());
    assert.equal(second.lms.value('cmi.interactions._count'), '1', 'never sent twice');
  });

  test('reads back the copy an earlier visit left', async () => {
    const { storage, resilient } = await session();
    assert.equal(resilient.readLocal(), undefined);
    storage.setItem('teach-in:c:progress', '{broken');
    assert.equal(resilient.readLocal(), undefined);
    resilient.save('t1~x', 5);
    assert.equal(resilient.readLocal()?.state, 't1~x');
  });
});

describe('reconciling on the next launch', () => {
  const copy = (savedAt: number, synced = false): LocalCopy => ({ state: 'x', savedAt, synced });
  test('an unsent device copy wins unless the LMS copy is from a later second', () => {
    assert.equal(newerState({ state: 'a', savedAt: 10_000 }, copy(20_000)), 'local');
    assert.equal(newerState({ state: 'a', savedAt: 20_000 }, copy(20_999)), 'local');
    assert.equal(newerState({ state: 'a', savedAt: 21_000 }, copy(20_999)), 'lms');
  });
  test('a device copy the LMS already took gives way to the LMS', () => {
    assert.equal(newerState({ state: 'a', savedAt: 10_000 }, copy(20_000, true)), 'lms');
  });
  test('whichever exists is used', () => {
    assert.equal(newerState(undefined, copy(1)), 'local');
    assert.equal(newerState({ state: 'a', savedAt: 0 }, undefined), 'lms');
    assert.equal(newerState(undefined, undefined), 'none');
  });
});

describe('completion rules', () => {
  const cases = [
    ['all-pages', true, false, true],
    ['all-pages', false, true, false],
    ['assessment-passed', false, true, true],
    ['assessment-passed', true, false, false],
    ['assessment-passed', true, null, true],
    ['both', true, true, true],
    ['both', false, true, false],
    ['both', true, false, false],
    ['both', true, null, true],
  ] as const;
  for (const [rule, allPagesSeen, passed, expected] of cases) {
    test(`${rule}: pages ${allPagesSeen ? 'all' : 'not all'} seen, passed ${passed} -> ${expected}`, () => {
      assert.equal(isComplete(rule, { allPagesSeen, passed }), expected);
    });
  }
});
