import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Cmi5Session,
  type Cmi5Verb,
  cmi5Category,
  cmi5Verbs,
  cmi5Violations,
  masteryScoreExtension,
  moveOnCategory,
  type Statement,
  sessionIdExtension,
} from '../src/cmi5-rules.ts';

const session: Cmi5Session = {
  registration: 'reg-1',
  sessionId: 'sess-1',
  activityId: 'urn:teach-in:course:x:au',
  masteryScore: 0.8,
};

function statement(verb: Cmi5Verb, result?: Statement['result'], moveOn = true): Statement {
  return {
    verb: { id: cmi5Verbs[verb] },
    object: { id: session.activityId },
    ...(result ? { result } : {}),
    context: {
      registration: session.registration,
      extensions: {
        [sessionIdExtension]: session.sessionId,
        // passed and failed carry the LMS's mastery score (cmi5 spec §9.6.3).
        ...(verb === 'passed' || verb === 'failed'
          ? { [masteryScoreExtension]: session.masteryScore }
          : {}),
      },
      contextActivities: {
        category: [{ id: cmi5Category }, ...(moveOn ? [{ id: moveOnCategory }] : [])],
      },
    },
  };
}

const none = { session: [], registration: [] };

test('a well-formed session passes every rule', () => {
  const history = { session: [] as Cmi5Verb[], registration: [] as Cmi5Verb[] };
  const sequence: [Cmi5Verb, Statement['result']?][] = [
    ['initialized'],
    ['completed', { completion: true }],
    ['passed', { success: true, score: { scaled: 0.9 } }],
    ['terminated'],
  ];
  for (const [verb, result] of sequence) {
    assert.deepEqual(
      cmi5Violations(
        statement(verb, result, verb !== 'initialized' && verb !== 'terminated'),
        session,
        history,
      ),
      [],
    );
    history.session.push(verb);
    history.registration.push(verb);
  }
});

test('the first statement is initialized; nothing follows terminated', () => {
  assert.match(
    cmi5Violations(statement('completed', { completion: true }), session, none).join(),
    /first statement must be "initialized"/,
  );
  const ended = {
    session: ['initialized', 'terminated'] as Cmi5Verb[],
    registration: [] as Cmi5Verb[],
  };
  assert.match(
    cmi5Violations(statement('terminated', undefined, false), session, ended).join(),
    /nothing may follow/,
  );
});

test('no failed after passed; completed and passed once per registration', () => {
  const passed = { session: ['initialized'] as Cmi5Verb[], registration: ['passed'] as Cmi5Verb[] };
  assert.match(
    cmi5Violations(
      statement('failed', { success: false, score: { scaled: 0.1 } }),
      session,
      passed,
    ).join(),
    /no "failed" after "passed"/,
  );
  const completed = {
    session: ['initialized'] as Cmi5Verb[],
    registration: ['completed'] as Cmi5Verb[],
  };
  assert.match(
    cmi5Violations(statement('completed', { completion: true }), session, completed).join(),
    /once per registration/,
  );
});

test('scores are checked against the mastery score; success must match the verb', () => {
  const started = { session: ['initialized'] as Cmi5Verb[], registration: [] as Cmi5Verb[] };
  assert.match(
    cmi5Violations(
      statement('passed', { success: true, score: { scaled: 0.5 } }),
      session,
      started,
    ).join(),
    /below the mastery score/,
  );
  assert.match(
    cmi5Violations(
      statement('failed', { success: false, score: { scaled: 0.9 } }),
      session,
      started,
    ).join(),
    /at or above/,
  );
  assert.match(
    cmi5Violations(statement('passed', { success: false }), session, started).join(),
    /needs result.success true/,
  );
});

test('session id, registration, object, categories and LMS-only verbs', () => {
  const started = { session: ['initialized'] as Cmi5Verb[], registration: [] as Cmi5Verb[] };
  const wrong = statement('completed', { completion: true }, false);
  wrong.context = { ...wrong.context, registration: 'other', extensions: {} };
  wrong.object = { id: 'urn:other' };
  const problems = cmi5Violations(wrong, session, started).join('\n');
  for (const expected of ['registration', 'session id', 'object id', 'moveOn category']) {
    assert.ok(problems.includes(expected), expected);
  }
  assert.match(
    cmi5Violations(statement('launched', undefined, false), session, started).join(),
    /only the LMS/,
  );
  assert.match(
    cmi5Violations({ verb: { id: 'http://example.org/verbs/liked' } }, session, started).join(),
    /not a cmi5 defined verb/,
  );
});

test('passed and failed carry the launch data mastery score as a context extension', () => {
  const started = { session: ['initialized'] as Cmi5Verb[], registration: [] as Cmi5Verb[] };
  for (const verb of ['passed', 'failed'] as const) {
    const result = { success: verb === 'passed', score: { scaled: verb === 'passed' ? 0.9 : 0.5 } };
    const bare = statement(verb, result);
    bare.context = { ...bare.context, extensions: { [sessionIdExtension]: session.sessionId } };
    assert.match(
      cmi5Violations(bare, session, started).join(),
      /masteryscore extension 0.8/,
      `${verb} without it`,
    );
    const other = statement(verb, result);
    other.context = {
      ...other.context,
      extensions: { [sessionIdExtension]: session.sessionId, [masteryScoreExtension]: 0.5 },
    };
    assert.match(cmi5Violations(other, session, started).join(), /masteryscore extension 0.8/);
    assert.deepEqual(cmi5Violations(statement(verb, result), session, started), []);
    // No mastery score at launch: nothing to carry.
    const { masteryScore: _, ...withoutMastery } = session;
    assert.deepEqual(cmi5Violations(bare, withoutMastery, started), []);
  }
  // completed does not carry it.
  assert.deepEqual(
    cmi5Violations(statement('completed', { completion: true }), session, started),
    [],
  );
});
