import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  Cmi5Store,
  cmi5Category,
  cmi5Verbs,
  masteryScoreExtension,
  moveOnCategory,
  readCmi5Course,
  type Statement,
  sessionIdExtension,
} from '../src/index.ts';

const activityId = 'urn:teach-in:course:c:au';

function statement(
  session: { registration: string; sessionId: string },
  verb: string,
  extra: Partial<Statement> = {},
  categories = [cmi5Category],
): Statement {
  return {
    id: `${verb}-${Math.random()}`,
    verb: { id: verb },
    object: { id: activityId },
    context: {
      registration: session.registration,
      extensions: { [sessionIdExtension]: session.sessionId },
      contextActivities: { category: categories.map((id) => ({ id })) },
    },
    ...extra,
  };
}

test('a batch is stored whole or not at all; a known statement id is skipped', () => {
  const store = new Cmi5Store();
  const session = store.newSession({ registration: 'r1', activityId });
  const initialized = statement(session, cmi5Verbs.initialized);
  const answered = statement(session, 'http://adlnet.gov/expapi/verbs/answered', {}, []);
  const bad = statement(session, cmi5Verbs.completed, { result: { completion: true } }, [
    cmi5Category,
  ]);
  const refused = store.recordFromAu([initialized, answered, bad], session);
  assert.ok('problems' in refused);
  assert.match(refused.problems.join(), /statement 2: "completed" carries the moveOn category/);
  assert.equal(store.statements.length, 0);

  const ok = store.recordFromAu([initialized, answered], session);
  assert.deepEqual(ok, { ids: [initialized.id, answered.id] });
  // Resent after a lost answer, with new ones: only the new ones are stored.
  const terminated = statement(session, cmi5Verbs.terminated);
  assert.ok('ids' in store.recordFromAu([answered, terminated], session));
  assert.equal(store.statements.length, 3);
});

test('cmi5 allowed statements: no cmi5 category, the session, between initialized and terminated', () => {
  const store = new Cmi5Store();
  const session = store.newSession({ registration: 'r1', activityId });
  const answered = 'http://adlnet.gov/expapi/verbs/answered';
  const early = store.recordFromAu([statement(session, answered, {}, [])], session);
  assert.ok('problems' in early && early.problems.some((p) => p.includes('before "initialized"')));
  store.recordFromAu([statement(session, cmi5Verbs.initialized)], session);
  const categorized = store.recordFromAu([statement(session, answered)], session);
  assert.ok('problems' in categorized);
  assert.match(categorized.problems.join(), /must not carry the cmi5 category/);
  const otherSession = store.recordFromAu(
    [statement({ ...session, sessionId: 'other' }, answered, {}, [])],
    session,
  );
  assert.ok('problems' in otherSession);
  assert.ok('ids' in store.recordFromAu([statement(session, answered, {}, [])], session));
});

test('the fetch URL hands out its token once; sessions, statements and state survive a restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-cmi5-store-'));
  try {
    const file = path.join(dir, 'data', 'cmi5.json');
    const store = new Cmi5Store(file);
    const session = store.newSession({ registration: 'r1', activityId, masteryScore: 0.8 });
    const token = store.fetchToken(session.fetchPath);
    assert.ok(token);
    assert.equal(store.fetchToken(session.fetchPath), undefined);
    store.recordFromAu(
      [
        statement(session, cmi5Verbs.initialized),
        statement(
          session,
          cmi5Verbs.passed,
          {
            result: { success: true, score: { scaled: 0.9 } },
            context: {
              registration: session.registration,
              extensions: {
                [sessionIdExtension]: session.sessionId,
                [masteryScoreExtension]: 0.8,
              },
              contextActivities: { category: [{ id: cmi5Category }, { id: moveOnCategory }] },
            },
          },
          [cmi5Category, moveOnCategory],
        ),
      ],
      session,
    );
    store.setState('k', '{"state":"S"}');
    const restarted = new Cmi5Store(file);
    assert.equal(restarted.sessionForToken(token)?.sessionId, session.sessionId);
    assert.equal(restarted.fetchToken(session.fetchPath), undefined);
    assert.equal(restarted.statements.length, 2);
    assert.equal(restarted.getState('k'), '{"state":"S"}');
    assert.deepEqual(restarted.history(session).registration, ['initialized', 'passed']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cmi5.xml: the first AU, inside blocks too, with moveOn, masteryScore and launch method', () => {
  const info = readCmi5Course(`<?xml version="1.0"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="urn:c"><title><langstring lang="en">Data rights</langstring></title>
    <description><langstring lang="en">D</langstring></description></course>
  <block id="urn:b"><title><langstring lang="en">B</langstring></title>
    <description><langstring lang="en">B</langstring></description>
    <au id="urn:c:au" moveOn="CompletedAndPassed" masteryScore="0.8000" launchMethod="OwnWindow">
      <title><langstring lang="en">A</langstring></title>
      <description><langstring lang="en">A</langstring></description>
      <url>index.html</url>
    </au>
  </block>
</courseStructure>`);
  assert.deepEqual(info, {
    courseId: 'urn:c',
    title: 'Data rights',
    au: {
      id: 'urn:c:au',
      url: 'index.html',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
      launchMethod: 'OwnWindow',
    },
  });
  assert.throws(
    () => readCmi5Course('<courseStructure><course id="x"/></courseStructure>'),
    /no assignable unit/,
  );
});
