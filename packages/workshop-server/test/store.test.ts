import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { schemaVersion } from '../src/schema.ts';
import { databaseFileName, deleteWorkshopData, WorkshopStore } from '../src/store.ts';

const day = 24 * 60 * 60 * 1000;
let dir: string;
let clock: number;
let store: WorkshopStore;

const open = () => WorkshopStore.open(dir, () => clock);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'teach-in-store-'));
  clock = Date.UTC(2026, 10, 22, 9, 0);
  store = open();
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const answer = (questionId: string, response: string[], seq: number, writer = 'page-one') => ({
  courseId: 'sample-module',
  questionId,
  response,
  correct: response.join() === 'b',
  writer,
  seq,
});

describe('WorkshopStore', () => {
  it('creates the schema at the current version, in WAL mode', () => {
    const db = new Sqlite(path.join(dir, databaseFileName), { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(db.prepare('SELECT version FROM schema_version').all(), [
      { version: schemaVersion },
    ]);
    db.close();
  });

  it('refuses a database written by a newer teach-in', () => {
    store.close();
    const db = new Sqlite(path.join(dir, databaseFileName));
    db.prepare('UPDATE schema_version SET version = ?').run(schemaVersion + 1);
    db.close();
    assert.throws(open, /newer teach-in/);
    const again = new Sqlite(path.join(dir, databaseFileName));
    again.prepare('UPDATE schema_version SET version = ?').run(schemaVersion);
    again.close();
    store = open();
  });

  it('finds a participant by session hash only', () => {
    const sam = store.join('Sam', 'hash-sam');
    assert.deepEqual(store.participantBySession('hash-sam'), sam);
    assert.equal(store.participantBySession('hash-other'), undefined);
    assert.throws(() => store.join('Sam again', 'hash-sam'), /UNIQUE/);
  });

  it('keeps the latest progress and drops a stale save from the same page', () => {
    const sam = store.join('Sam', 'hash-sam');
    assert.equal(store.saveProgress(sam.id, 'c', { writer: 'p1', seq: 2, state: 'two' }), true);
    assert.equal(store.saveProgress(sam.id, 'c', { writer: 'p1', seq: 1, state: 'one' }), false);
    assert.deepEqual(store.progressOf(sam.id, 'c'), { state: 'two' });
    // A new page load (another writer) starts its own count.
    assert.equal(
      store.saveProgress(sam.id, 'c', { writer: 'p2', seq: 1, state: 'three', location: 'm/p' }),
      true,
    );
    assert.deepEqual(store.progressOf(sam.id, 'c'), { state: 'three', location: 'm/p' });
    assert.deepEqual(store.progressOf(sam.id, 'other-course'), {});
  });

  it('counts each participant once per question, with their latest answer', () => {
    const sam = store.join('Sam', 'hash-sam');
    const ana = store.join('Ana', 'hash-ana');
    store.saveAnswer(sam.id, answer('q1', ['a'], 1));
    store.saveAnswer(sam.id, answer('q1', ['b'], 2));
    store.saveAnswer(sam.id, answer('q1', ['a'], 1)); // a reordered retry of the first
    store.saveAnswer(ana.id, answer('q1', ['b'], 1));
    store.saveAnswer(ana.id, answer('q2', ['a', 'c'], 2));
    assert.deepEqual(store.choiceCounts(), [
      { courseId: 'sample-module', questionId: 'q1', choiceId: 'b', count: 2 },
      { courseId: 'sample-module', questionId: 'q2', choiceId: 'a', count: 1 },
      { courseId: 'sample-module', questionId: 'q2', choiceId: 'c', count: 1 },
    ]);
    assert.deepEqual(store.questionTotals(), [
      { courseId: 'sample-module', questionId: 'q1', answered: 2, correct: 2 },
      { courseId: 'sample-module', questionId: 'q2', answered: 1, correct: 0 },
    ]);
  });

  it('runs one poll at a time, one vote per participant', () => {
    const sam = store.join('Sam', 'hash-sam');
    const ana = store.join('Ana', 'hash-ana');
    const choices = [
      { id: 'a', text: 'Agree' },
      { id: 'b', text: 'Disagree' },
    ];
    const first = store.openPoll('c', 'q1', 'AI helps?', choices);
    store.vote(first.id, sam.id, 'a');
    store.vote(first.id, sam.id, 'b');
    store.vote(first.id, ana.id, 'b');
    assert.deepEqual([...store.pollCounts(first.id)], [['b', 2]]);
    assert.equal(store.voteOf(first.id, sam.id), 'b');

    const second = store.openPoll('c', 'q2', 'Second?', choices);
    assert.equal(store.currentPoll()?.id, second.id);
    assert.notEqual(store.polls()[0]?.closedAt, null, 'opening a poll closes the one before');
    store.closePoll();
    assert.equal(store.currentPoll(), undefined);
    assert.deepEqual(
      store.polls().map((poll) => poll.prompt),
      ['AI helps?', 'Second?'],
    );
  });

  it('keeps everything across a close and reopen', () => {
    const sam = store.join('Sam', 'hash-sam');
    store.saveProgress(sam.id, 'c', { writer: 'p1', seq: 1, state: '{"page":2}' });
    store.saveAnswer(sam.id, answer('q1', ['b'], 2));
    const poll = store.openPoll('c', 'q1', 'Agree?', [{ id: 'a', text: 'Yes' }]);
    store.vote(poll.id, sam.id, 'a');
    store.close();
    store = open();
    assert.deepEqual(store.participantBySession('hash-sam'), sam);
    assert.deepEqual(store.progressOf(sam.id, 'c'), { state: '{"page":2}' });
    assert.equal(store.choiceCounts().length, 1);
    assert.equal(store.currentPoll()?.id, poll.id);
    assert.deepEqual([...store.pollCounts(poll.id)], [['a', 1]]);
  });

  it('removes participants not seen within the retention period, with all they left', () => {
    const old = store.join('Old', 'hash-old');
    store.saveAnswer(old.id, answer('q1', ['a'], 1));
    const oldPoll = store.openPoll('c', 'q1', 'Old poll', [{ id: 'a', text: 'Yes' }]);
    store.vote(oldPoll.id, old.id, 'a');
    clock += 31 * day;
    const recent = store.join('Recent', 'hash-recent');
    store.saveAnswer(recent.id, answer('q1', ['b'], 1));

    assert.equal(store.purgeOlderThan(clock - 30 * day), 1);
    assert.equal(store.participantBySession('hash-old'), undefined);
    assert.deepEqual(store.participantBySession('hash-recent'), recent);
    assert.equal(store.participantCount(), 1);
    assert.deepEqual(
      store.choiceCounts().map((row) => row.choiceId),
      ['b'],
    );
    assert.deepEqual(store.polls(), []);
  });

  it('lets a participant delete their own data', () => {
    const sam = store.join('Sam', 'hash-sam');
    store.saveAnswer(sam.id, answer('q1', ['a'], 1));
    store.saveProgress(sam.id, 'c', { writer: 'p1', seq: 1, state: 'x' });
    store.forget(sam.id);
    assert.equal(store.participantCount(), 0);
    assert.deepEqual(store.choiceCounts(), []);
    assert.deepEqual(store.progressOf(sam.id, 'c'), {});
  });
});

describe('deleteWorkshopData', () => {
  it('removes the database with its -wal and -shm files, and the emptied folder', () => {
    store.join('Sam', 'hash-sam');
    const names = readdirSync(dir).sort();
    assert.deepEqual(names, [
      databaseFileName,
      `${databaseFileName}-shm`,
      `${databaseFileName}-wal`,
    ]);
    store.close();
    // Closing checkpoints; recreate the side files to prove they are removed too.
    writeFileSync(path.join(dir, `${databaseFileName}-wal`), '');
    writeFileSync(path.join(dir, `${databaseFileName}-shm`), '');
    assert.equal(deleteWorkshopData(dir).length, 3);
    assert.equal(existsSync(dir), false);
    mkdirSync(dir); // let afterEach open and close a store as usual
    store = open();
  });

  it('leaves a folder that holds other files', () => {
    store.close();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    deleteWorkshopData(dir);
    assert.deepEqual(readdirSync(dir), ['notes.txt']);
    store = open();
  });
});
