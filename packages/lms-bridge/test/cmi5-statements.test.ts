import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AnswerRecord, Outcome } from '@teach-in/course-schema';
import {
  cmi5CategoryId,
  masteryScoreExtensionId,
  moveOnCategoryId,
  sessionIdExtensionId,
  xapiVerbs,
} from '../src/cmi5-statements.ts';
import {
  answeredStatements,
  type Cmi5Launch,
  cmi5Statement,
  type LaunchData,
  type MoveOn,
  readLaunch,
  resultVerbs,
  withMasteryScore,
  type XapiStatement,
} from '../src/index.ts';

const launch: Cmi5Launch = {
  endpoint: 'https://lms.example/xapi/',
  fetch: 'https://lms.example/fetch/1',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'l1' } },
  registration: 'reg-1',
  activityId: 'urn:teach-in:course:c:au',
};
const launchData: LaunchData = {
  contextTemplate: {
    contextActivities: { grouping: [{ id: 'urn:teach-in:course:c' }] },
    extensions: { [sessionIdExtensionId]: 'session-1' },
  },
  launchMode: 'Normal',
  moveOn: 'CompletedAndPassed',
  masteryScore: 0.8,
};
let counter = 0;
const ctx = {
  launch,
  launchData,
  newId: () => `id-${++counter}`,
  now: new Date('2026-11-22T10:00:00Z'),
};
const categories = (s: XapiStatement) =>
  s.context.contextActivities?.category?.map((c) => c.id) ?? [];

const none = { completed: false, passed: false };

describe('cmi5 defined statements', () => {
  for (const verb of ['initialized', 'completed', 'passed', 'failed', 'terminated'] as const) {
    test(`${verb}: verb, object, registration, session id, template, cmi5 category`, () => {
      const s = cmi5Statement(verb, ctx, {
        outcome: { scorePercent: 85, passed: verb === 'passed', completed: true },
        durationMs: 61_500,
      });
      assert.equal(s.verb.id, xapiVerbs[verb]);
      assert.equal(s.object.id, launch.activityId);
      assert.deepEqual(s.actor, launch.actor);
      assert.equal(s.context.registration, 'reg-1');
      assert.equal(s.context.extensions?.[sessionIdExtensionId], 'session-1');
      assert.deepEqual(s.context.contextActivities?.grouping, [{ id: 'urn:teach-in:course:c' }]);
      assert.ok(categories(s).includes(cmi5CategoryId));
      const isResult = verb === 'completed' || verb === 'passed' || verb === 'failed';
      assert.equal(categories(s).includes(moveOnCategoryId), isResult);
      assert.match(s.id, /^id-\d+$/);
      assert.equal(s.timestamp, '2026-11-22T10:00:00.000Z');
      if (verb === 'initialized') assert.equal(s.result, undefined);
      else assert.equal(s.result?.duration, 'PT1M1.5S');
    });
  }

  test('completed has completion true; passed and failed carry success and the scaled score', () => {
    const outcome: Outcome = { scorePercent: 85, passed: true, completed: true };
    assert.equal(cmi5Statement('completed', ctx, { outcome }).result?.completion, true);
    const passed = cmi5Statement('passed', ctx, { outcome });
    assert.equal(passed.result?.success, true);
    assert.deepEqual(passed.result?.score, { scaled: 0.85, raw: 85, min: 0, max: 100 });
    const failed = cmi5Statement('failed', ctx, {
      outcome: { scorePercent: 40, passed: false, completed: false },
    });
    assert.equal(failed.result?.success, false);
    assert.equal(failed.result?.score?.scaled, 0.4);
  });

  test("passed and failed carry the LMS's mastery score as a context extension", () => {
    const outcome: Outcome = { scorePercent: 85, passed: true, completed: true };
    for (const verb of ['passed', 'failed'] as const) {
      const s = cmi5Statement(verb, ctx, { outcome });
      assert.equal(s.context.extensions?.[masteryScoreExtensionId], 0.8, verb);
      assert.equal(s.context.extensions?.[sessionIdExtensionId], 'session-1');
    }
    for (const verb of ['initialized', 'completed', 'terminated'] as const) {
      const s = cmi5Statement(verb, ctx, { outcome });
      assert.equal(s.context.extensions?.[masteryScoreExtensionId], undefined, verb);
    }
    const { masteryScore: _, ...noMastery } = launchData;
    const s = cmi5Statement('passed', { ...ctx, launchData: noMastery }, { outcome });
    assert.equal(s.context.extensions?.[masteryScoreExtensionId], undefined, 'none given');
    assert.equal(launchData.contextTemplate.extensions?.[masteryScoreExtensionId], undefined);
  });

  test('the template is not mutated and categories are not duplicated', () => {
    const template = structuredClone(launchData.contextTemplate);
    const s = cmi5Statement('passed', ctx, {
      outcome: { scorePercent: 90, passed: true, completed: true },
    });
    assert.deepEqual(launchData.contextTemplate, template);
    assert.equal(new Set(categories(s)).size, categories(s).length);
  });
});

describe('which result verbs: completion rule outcome x LMS moveOn x launchMode', () => {
  const outcomes = {
    'complete, passed': { scorePercent: 90, passed: true, completed: true },
    'complete, failed': { scorePercent: 40, passed: false, completed: true },
    'incomplete, failed': { scorePercent: 40, passed: false, completed: false },
    'complete, no assessment': { scorePercent: null, passed: null, completed: true },
    'incomplete, no assessment': { scorePercent: null, passed: null, completed: false },
  } satisfies Record<string, Outcome>;
  const expected: Record<MoveOn, Record<keyof typeof outcomes, string>> = {
    Passed: {
      'complete, passed': 'completed passed',
      'complete, failed': 'completed failed',
      'incomplete, failed': 'failed',
      'complete, no assessment': 'completed passed',
      'incomplete, no assessment': '',
    },
    Completed: {
      'complete, passed': 'completed passed',
      'complete, failed': 'completed failed',
      'incomplete, failed': 'failed',
      'complete, no assessment': 'completed',
      'incomplete, no assessment': '',
    },
    CompletedAndPassed: {
      'complete, passed': 'completed passed',
      'complete, failed': 'completed failed',
      'incomplete, failed': 'failed',
      'complete, no assessment': 'completed passed',
      'incomplete, no assessment': '',
    },
    CompletedOrPassed: {
      'complete, passed': 'completed passed',
      'complete, failed': 'completed failed',
      'incomplete, failed': 'failed',
      'complete, no assessment': 'completed',
      'incomplete, no assessment': '',
    },
    NotApplicable: {
      'complete, passed': 'completed passed',
      'complete, failed': 'completed failed',
      'incomplete, failed': 'failed',
      'complete, no assessment': 'completed',
      'incomplete, no assessment': '',
    },
  };
  for (const [moveOn, row] of Object.entries(expected) as [MoveOn, Record<string, string>][]) {
    for (const [name, outcome] of Object.entries(outcomes)) {
      test(`moveOn ${moveOn}, ${name}: ${row[name] || 'nothing'}`, () => {
        const verbs = resultVerbs(outcome, { launchMode: 'Normal', moveOn }, none);
        assert.equal(verbs.join(' '), row[name]);
      });
    }
  }

  for (const launchMode of ['Browse', 'Review'] as const) {
    test(`launchMode ${launchMode}: no completed, passed or failed`, () => {
      for (const outcome of Object.values(outcomes)) {
        assert.deepEqual(resultVerbs(outcome, { launchMode, moveOn: 'Passed' }, none), []);
      }
    });
  }

  test('completed once per registration; never passed or failed after passed', () => {
    const passed = outcomes['complete, passed'];
    const normal = { launchMode: 'Normal', moveOn: 'CompletedAndPassed' } as const;
    assert.deepEqual(resultVerbs(passed, normal, { completed: true, passed: false }), ['passed']);
    assert.deepEqual(resultVerbs(passed, normal, { completed: true, passed: true }), []);
    const failed = outcomes['complete, failed'];
    assert.deepEqual(resultVerbs(failed, normal, { completed: true, passed: true }), []);
    // A failed attempt may be followed by a pass in a later session.
    assert.deepEqual(resultVerbs(passed, normal, { completed: true, passed: false }), ['passed']);
  });

  test("the LMS's mastery score decides passed over the course's own passing score", () => {
    const outcome: Outcome = { scorePercent: 75, passed: true, completed: true };
    assert.equal(withMasteryScore(outcome, 0.8).passed, false);
    assert.equal(withMasteryScore(outcome, 0.7).passed, true);
    assert.equal(withMasteryScore(outcome, undefined).passed, true);
    const ungraded: Outcome = { scorePercent: null, passed: null, completed: true };
    assert.equal(withMasteryScore(ungraded, 0.8).passed, null);
  });
});

describe('answered statements (cmi5 allowed)', () => {
  const answer = (fields: Partial<AnswerRecord>): AnswerRecord => ({
    questionId: 'q-apps',
    type: 'single',
    counts: true,
    response: ['b'],
    correctResponse: ['a'],
    correct: false,
    attempt: 1,
    final: true,
    description: 'Which app?',
    latencyMs: 4200,
    private: false,
    timestamp: new Date('2026-11-22T10:01:00Z'),
    ...fields,
  });

  test('an interaction activity with type, correct pattern, response, success; no cmi5 category', () => {
    const [s, ...rest] = answeredStatements(answer({}), ctx);
    assert.ok(s);
    assert.equal(rest.length, 0);
    assert.equal(s.verb.id, xapiVerbs.answered);
    assert.equal(s.object.id, `${launch.activityId}/interaction/q-apps`);
    assert.deepEqual(s.object.definition, {
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      description: { 'en-US': 'Which app?' },
      correctResponsesPattern: ['a'],
    });
    assert.deepEqual(s.result, { response: 'b', success: false, duration: 'PT4.2S' });
    assert.deepEqual(categories(s), []);
    assert.equal(s.context.extensions?.[sessionIdExtensionId], 'session-1');
    assert.equal(s.context.registration, 'reg-1');
    assert.deepEqual(s.context.contextActivities?.parent, [
      { id: launch.activityId, objectType: 'Activity' },
    ]);
    assert.equal(s.timestamp, '2026-11-22T10:01:00.000Z');
  });

  const cases: [
    Partial<AnswerRecord>,
    string,
    string,
    string[] | undefined,
    boolean | undefined,
  ][] = [
    [
      { type: 'multiple', response: ['a', 'c'], correctResponse: ['a', 'c'], correct: true },
      'choice',
      'a[,]c',
      ['a[,]c'],
      true,
    ],
    [
      { type: 'matching', response: ['a.2', 'b.1'], correctResponse: ['a.1', 'b.2'] },
      'matching',
      'a[.]2[,]b[.]1',
      ['a[.]1[,]b[.]2'],
      false,
    ],
    [
      { type: 'ordering', response: ['c', 'a', 'b'], correctResponse: ['a', 'b', 'c'] },
      'sequencing',
      'c[,]a[,]b',
      ['a[,]b[,]c'],
      false,
    ],
    [
      {
        type: 'fill-in',
        response: ['union'],
        correctResponse: ['union', 'a union'],
        correct: true,
      },
      'fill-in',
      'union',
      ['union', 'a union'],
      true,
    ],
    [
      { type: 'dropdown', response: ['1.b'], correctResponse: ['1.b'], correct: true },
      'matching',
      '1[.]b',
      ['1[.]b'],
      true,
    ],
    [
      { type: 'likert', response: ['4'], correctResponse: [], correct: null },
      'likert',
      '4',
      undefined,
      undefined,
    ],
    [
      { type: 'scenario', response: ['b'], correctResponse: [], correct: null },
      'choice',
      'b',
      undefined,
      undefined,
    ],
    [
      { type: 'reflection', response: ['We met.'], correctResponse: [], correct: null },
      'long-fill-in',
      'We met.',
      undefined,
      undefined,
    ],
  ];
  for (const [fields, interactionType, response, pattern, success] of cases) {
    test(`${fields.type} -> ${interactionType} ${response}`, () => {
      const [s] = answeredStatements(answer(fields), ctx);
      assert.equal(s?.object.definition?.interactionType, interactionType);
      assert.equal(s?.result?.response, response);
      assert.deepEqual(s?.object.definition?.correctResponsesPattern, pattern);
      assert.equal(s?.result?.success, success);
    });
  }

  test('true-false: one statement per statement, true/false', () => {
    const list = answeredStatements(
      answer({
        type: 'true-false',
        response: ['s1.true', 's2.false'],
        correctResponse: ['s1.true', 's2.true'],
      }),
      ctx,
    );
    assert.deepEqual(
      list.map((s) => [s.object.id.split('/').pop(), s.result?.response, s.result?.success]),
      [
        ['q-apps-s1', 'true', true],
        ['q-apps-s2', 'false', false],
      ],
    );
  });

  test('a private reflection and a non-final attempt are never sent', () => {
    assert.deepEqual(
      answeredStatements(
        answer({
          type: 'reflection',
          response: ['secret'],
          correctResponse: [],
          correct: null,
          private: true,
        }),
        ctx,
      ),
      [],
    );
    assert.deepEqual(answeredStatements(answer({ final: false }), ctx), []);
  });
});

describe('launch parameters', () => {
  test('read from the query string, endpoint ending in a slash', () => {
    const query = new URLSearchParams({
      endpoint: 'https://lms.example/xapi',
      fetch: launch.fetch,
      actor: JSON.stringify(launch.actor),
      registration: 'reg-1',
      activityId: launch.activityId,
    });
    assert.deepEqual(readLaunch(`?${query}`), launch);
  });

  test('missing or broken parameters: not a cmi5 launch', () => {
    assert.equal(readLaunch(''), undefined);
    const query = new URLSearchParams({
      endpoint: 'https://lms.example/xapi/',
      fetch: launch.fetch,
      actor: '{not json',
      registration: 'reg-1',
      activityId: launch.activityId,
    });
    assert.equal(readLaunch(`?${query}`), undefined);
  });
});
