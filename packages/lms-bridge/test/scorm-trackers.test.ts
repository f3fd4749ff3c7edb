import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AnswerRecord, Question } from '@teach-in/course-schema';
import { correctResponse, isCorrect, isGraded } from '@teach-in/course-schema/scoring';
import { strictViolations } from '../../../tests/support/strict-values.ts';
import {
  interactionsFor,
  Scorm12Tracker,
  Scorm2004Tracker,
  type ScormTracker,
} from '../src/index.ts';
import { FakeLms } from './fake-lms.ts';
import { everyTypeCourse } from './layout-fixture.ts';

const questions: Question[] = everyTypeCourse().modules.flatMap((m) =>
  m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : []))),
);
const byId = (id: string) => {
  const question = questions.find((q) => q.id === id);
  if (!question) throw new Error(id);
  return question;
};

/** A learner's response for each type; `rightly` gives the right answer where there is one. */
function responseFor(question: Question, rightly: boolean): string[] {
  if (isGraded(question)) {
    const right = correctResponse(question);
    if (rightly) return question.type === 'fill-in' ? [right[0] ?? ''] : right;
    switch (question.type) {
      case 'fill-in':
        return ['Perhaps {lang=xx} a [,] b, with "quotes" and spaces'];
      case 'ordering':
        return [...right].reverse();
      case 'true-false':
        return right.map((t) => t.replace(/\.(true|false)$/, (_, v) => `.${v !== 'true'}`));
      case 'single':
      case 'multiple':
        return question.choices
          .filter((c) => !c.correct)
          .map((c) => c.id)
          .slice(0, 1);
      case 'matching':
      case 'dropdown':
        return right.slice(0, 1);
    }
  }
  switch (question.type) {
    case 'likert':
      return ['4'];
    case 'scenario':
      return ['b'];
    case 'reflection':
      return ['I would ask the union rep first. '.repeat(20)];
  }
}

function answerTo(id: string, rightly: boolean, final = true): AnswerRecord {
  const question = byId(id);
  const response = responseFor(question, rightly);
  const graded = isGraded(question);
  return {
    questionId: id,
    type: question.type,
    counts: graded && question.graded,
    response,
    correctResponse: graded ? correctResponse(question) : [],
    correct: graded ? isCorrect(question, response) : null,
    attempt: 1,
    final,
    description: question.promptText,
    latencyMs: 3723450,
    private: question.type === 'reflection' && !question.share,
    timestamp: new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 123)),
  };
}

async function opened(version: 'scorm12' | 'scorm2004', initial: Record<string, string> = {}) {
  const lms = new FakeLms(initial);
  const tracker: ScormTracker =
    version === 'scorm12'
      ? new Scorm12Tracker(lms.scorm12())
      : new Scorm2004Tracker(lms.scorm2004());
  const resume = await tracker.start();
  return { lms, tracker, resume };
}

describe('interactions for every question type', () => {
  for (const version of ['scorm12', 'scorm2004'] as const) {
    for (const rightly of [true, false]) {
      test(`${version}, answered ${rightly ? 'rightly' : 'wrongly'}: every value passes the strict rules`, async () => {
        const { lms, tracker } = await opened(version);
        for (const question of questions) {
          assert.equal(tracker.recordAnswer(answerTo(question.id, rightly)), true, question.id);
        }
        assert.deepEqual(strictViolations(version, lms.calls), []);
        const ids = [...lms.values.entries()]
          .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
          .map(([, v]) => v);
        assert.equal(new Set(ids).size, ids.length, 'interaction ids are unique');
        assert.ok(!ids.includes('q-reflection'), 'a private reflection is never sent');
        assert.ok(ids.includes('q-reflection-shared'));
      });
    }
  }

  test('the token mapping of each type, in both versions', () => {
    const map = (id: string, version: 'scorm12' | 'scorm2004', rightly = true) =>
      interactionsFor(answerTo(id, rightly), version).map((i) => [
        i.id,
        i.type,
        i.response,
        i.patterns.join('|'),
        i.result,
      ]);
    assert.deepEqual(map('q-multiple', 'scorm2004'), [
      ['q-multiple', 'choice', 'a[,]b', 'a[,]b', 'correct'],
    ]);
    assert.deepEqual(map('q-true-false', 'scorm12', false), [
      ['q-true-false-a', 'true-false', 'f', 't', 'wrong'],
      ['q-true-false-b', 'true-false', 't', 'f', 'wrong'],
    ]);
    assert.deepEqual(map('q-true-false', 'scorm2004'), [
      ['q-true-false-a', 'true-false', 'true', 'true', 'correct'],
      ['q-true-false-b', 'true-false', 'false', 'false', 'correct'],
    ]);
    assert.deepEqual(map('q-matching', 'scorm12'), [
      ['q-matching', 'matching', 'a.1,b.2', 'a.1,b.2', 'correct'],
    ]);
    assert.deepEqual(map('q-matching', 'scorm2004'), [
      ['q-matching', 'matching', 'a[.]1[,]b[.]2', 'a[.]1[,]b[.]2', 'correct'],
    ]);
    assert.deepEqual(map('q-ordering', 'scorm2004', false)[0]?.slice(1), [
      'sequencing',
      'c[,]b[,]a',
      'a[,]b[,]c',
      'incorrect',
    ]);
    assert.deepEqual(map('q-dropdown', 'scorm2004')[0]?.slice(1, 3), ['matching', '1[.]b[,]2[.]a']);
    assert.deepEqual(map('q-likert', 'scorm12'), [['q-likert', 'likert', '4', '', 'neutral']]);
    assert.deepEqual(map('q-scenario', 'scorm2004'), [
      ['q-scenario', 'choice', 'b', '', 'neutral'],
    ]);
    const typed = map('q-fill-in', 'scorm2004', false)[0];
    assert.equal(typed?.[1], 'fill-in');
    assert.equal(typed?.[2], 'Perhaps {lang=xx} a , b, with "quotes" and spaces');
    assert.equal(typed?.[4], 'incorrect');
    const shared12 = interactionsFor(answerTo('q-reflection-shared', true), 'scorm12')[0];
    assert.equal(shared12?.type, 'fill-in');
    assert.equal(shared12?.response.length, 255);
    const shared2004 = interactionsFor(answerTo('q-reflection-shared', true), 'scorm2004')[0];
    assert.equal(shared2004?.type, 'long-fill-in');
    assert.equal(shared2004?.result, 'neutral');
    assert.deepEqual(interactionsFor(answerTo('q-reflection', true), 'scorm2004'), []);
  });
});

describe('ScormTracker', () => {
  test('opens the session, marks a first attempt incomplete and returns what was saved', async () => {
    const { lms, resume } = await opened('scorm12', {
      'cmi.core.lesson_status': 'not attempted',
      'cmi.suspend_data': 't1~saved',
      'cmi.core.lesson_location': 'm/page-3',
    });
    assert.equal(lms.calls[0]?.method, 'LMSInitialize');
    assert.equal(lms.value('cmi.core.lesson_status'), 'incomplete');
    assert.deepEqual(resume, { state: 't1~saved', location: 'm/page-3' });
  });

  test('leaves a returning learner’s status alone', async () => {
    const { lms } = await opened('scorm2004', { 'cmi.completion_status': 'incomplete' });
    assert.ok(!lms.setElements().includes('cmi.completion_status'));
  });

  test('reports an answer once, when it is final, id and type first', async () => {
    const { lms, tracker } = await opened('scorm2004');
    const from = lms.calls.length;
    assert.equal(tracker.recordAnswer(answerTo('q-single', false, false)), true);
    assert.deepEqual(lms.setElements(from), [], 'a try with attempts left is not reported');
    tracker.recordAnswer(answerTo('q-single', true));
    assert.deepEqual(lms.setElements(from).slice(0, 2), [
      'cmi.interactions.0.id',
      'cmi.interactions.0.type',
    ]);
    assert.equal(lms.value('cmi.interactions.0.latency'), 'PT1H2M3.45S');
    assert.equal(lms.value('cmi.interactions.0.timestamp'), '2024-05-06T07:08:09.12Z');
    assert.equal(lms.value('cmi.interactions.0.description'), byId('q-single').promptText);
    assert.equal(lms.calls.at(-1)?.method, 'Commit');
  });

  for (const [version, statusOf] of [
    ['scorm12', (l: FakeLms) => l.value('cmi.core.lesson_status')],
    ['scorm2004', (l: FakeLms) => l.value('cmi.success_status')],
  ] as const) {
    test(`${version}: a failed assessment is reported as failed, score first`, async () => {
      const { lms, tracker } = await opened(version);
      const from = lms.calls.length;
      assert.equal(tracker.finish({ scorePercent: 66.7, passed: false, completed: true }), true);
      const set = lms.setElements(from);
      const score = version === 'scorm12' ? 'cmi.core.score' : 'cmi.score';
      assert.equal(set[0], `${score}.min`);
      assert.equal(lms.value(`${score}.raw`), '67');
      assert.equal(statusOf(lms), 'failed');
      assert.deepEqual(strictViolations(version, lms.calls), []);
    });
  }

  test('2004 writes the scaled score and completion separately from success', async () => {
    const { lms, tracker } = await opened('scorm2004');
    tracker.finish({ scorePercent: 100, passed: true, completed: false });
    assert.equal(lms.value('cmi.score.scaled'), '1');
    assert.equal(lms.value('cmi.success_status'), 'passed');
    assert.equal(lms.value('cmi.completion_status'), 'incomplete');
    assert.equal(lms.value('cmi.exit'), 'normal');
  });

  test('1.2 passed but not complete under the rule stays incomplete', async () => {
    const { lms, tracker } = await opened('scorm12');
    tracker.finish({ scorePercent: 100, passed: true, completed: false });
    assert.equal(lms.value('cmi.core.lesson_status'), 'incomplete');
  });

  test('leaving unfinished suspends; leaving finished exits normally', async () => {
    const first = await opened('scorm12');
    first.tracker.leave();
    assert.equal(first.lms.value('cmi.core.exit'), 'suspend');
    assert.equal(first.lms.calls.at(-1)?.method, 'LMSFinish');
    const second = await opened('scorm2004');
    second.tracker.finish({ scorePercent: null, passed: null, completed: true });
    second.tracker.leave();
    assert.equal(second.lms.value('cmi.exit'), 'normal');
    assert.match(second.lms.value('cmi.session_time') ?? '', /^PT/);
    assert.deepEqual(strictViolations('scorm2004', second.lms.calls), []);
  });

  test('module objectives reuse the ids the LMS seeded from the manifest', async () => {
    const { lms, tracker } = await opened('scorm2004', {
      'cmi.objectives._count': '2',
      'cmi.objectives.0.id': 'intro',
      'cmi.objectives.1.id': 'rights',
    });
    tracker.recordObjective({
      moduleId: 'rights',
      scorePercent: 50,
      passed: false,
      completed: true,
    });
    tracker.recordObjective({
      moduleId: 'extra',
      scorePercent: null,
      passed: null,
      completed: false,
    });
    assert.equal(lms.value('cmi.objectives.1.success_status'), 'failed');
    assert.equal(lms.value('cmi.objectives.1.score.scaled'), '0.5');
    assert.equal(lms.value('cmi.objectives.2.id'), 'extra');
    assert.equal(lms.value('cmi.objectives.2.completion_status'), 'incomplete');
    assert.deepEqual(strictViolations('scorm2004', lms.calls), []);
    const v12 = await opened('scorm12');
    v12.tracker.recordObjective({ moduleId: 'a', scorePercent: 80, passed: true, completed: true });
    assert.equal(v12.lms.value('cmi.objectives.0.status'), 'passed');
    assert.deepEqual(strictViolations('scorm12', v12.lms.calls), []);
  });

  for (const fault of ['refuse-commit', 'refuse-all', 'throw'] as const) {
    test(`an LMS that ${fault === 'throw' ? 'throws' : fault}: methods return false, never throw`, async () => {
      const { lms, tracker } = await opened('scorm2004');
      lms.fault = fault;
      assert.equal(tracker.saveState('t1~x'), false);
      assert.equal(tracker.recordAnswer(answerTo('q-single', true)), false);
      assert.equal(tracker.flush(), false);
      assert.doesNotThrow(() => tracker.leave());
    });
  }

  test('after a refused commit, a retry commits without reporting the answer twice', async () => {
    const { lms, tracker } = await opened('scorm12');
    lms.fault = 'refuse-commit';
    assert.equal(tracker.recordAnswer(answerTo('q-single', true)), false);
    lms.fault = 'none';
    assert.equal(tracker.recordAnswer(answerTo('q-single', true)), true);
    assert.equal(lms.value('cmi.interactions._count'), '1');
  });
});
