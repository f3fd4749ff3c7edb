import { expect } from '@open-wc/testing';
import type { Scorm12Api, Scorm2004Api } from './scorm-api.ts';
import { Scorm12Tracker } from './scorm12-tracker.ts';
import { Scorm2004Tracker } from './scorm2004-tracker.ts';
import type { AnswerRecord } from './tracker.ts';

/**
 * A fake LMS runtime that records every call in order, as `Name(element=value)` strings,
 * and keeps the values set so GetValue reads them back.
 */
class FakeLms {
  readonly calls: string[] = [];
  readonly values = new Map<string, string>();
  refuse = new Set<string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  call(name: string, element?: string, value?: string): string {
    const args = element === undefined ? '' : value === undefined ? element : `${element}=${value}`;
    this.calls.push(`${name}(${args})`);
    if (this.refuse.has(name)) return 'false';
    if (value !== undefined && element !== undefined) this.values.set(element, value);
    return 'true';
  }

  get(name: string, element: string): string {
    this.calls.push(`${name}(${element})`);
    return this.values.get(element) ?? '';
  }

  /** The calls made since `from`, for checking one step at a time. */
  since(from: number): string[] {
    return this.calls.slice(from);
  }

  /** Just the elements set, in order. */
  setElements(from = 0): string[] {
    return this.since(from)
      .filter((c) => c.startsWith('LMSSetValue(') || c.startsWith('SetValue('))
      .map((c) => c.slice(c.indexOf('(') + 1, c.indexOf('=')));
  }

  scorm12(): Scorm12Api {
    return {
      LMSInitialize: () => this.call('LMSInitialize'),
      LMSFinish: () => this.call('LMSFinish'),
      LMSGetValue: (element) => this.get('LMSGetValue', element),
      LMSSetValue: (element, value) => this.call('LMSSetValue', element, value),
      LMSCommit: () => this.call('LMSCommit'),
      LMSGetLastError: () => (this.refuse.size ? '101' : '0'),
      LMSGetErrorString: () => '',
      LMSGetDiagnostic: () => '',
    };
  }

  scorm2004(): Scorm2004Api {
    return {
      Initialize: () => this.call('Initialize'),
      Terminate: () => this.call('Terminate'),
      GetValue: (element) => this.get('GetValue', element),
      SetValue: (element, value) => this.call('SetValue', element, value),
      Commit: () => this.call('Commit'),
      GetLastError: () => (this.refuse.size ? '101' : '0'),
      GetErrorString: () => '',
      GetDiagnostic: () => '',
    };
  }
}

function answer(correct: boolean): AnswerRecord {
  return {
    id: 'spot-algorithmic-management',
    type: 'choice',
    response: correct ? ['b'] : ['a', 'c'],
    correctResponse: ['b'],
    correct,
    description: 'Which of these is algorithmic management?',
    timestamp: new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 123)),
    latencyMs: 3723450,
  };
}

const value = (lms: FakeLms, element: string) => lms.values.get(element);

describe('Scorm12Tracker', () => {
  it('opens the session, marks a first attempt incomplete and returns what was saved', () => {
    const lms = new FakeLms({
      'cmi.core.lesson_status': 'not attempted',
      'cmi.suspend_data': '{"page":2}',
      'cmi.core.lesson_location': 'page-3',
    });
    const resume = new Scorm12Tracker(lms.scorm12()).start();
    expect(lms.calls[0]).to.equal('LMSInitialize()');
    expect(value(lms, 'cmi.core.lesson_status')).to.equal('incomplete');
    expect(resume).to.deep.equal({ state: '{"page":2}', location: 'page-3' });
  });

  it('leaves a returning learner’s status alone', () => {
    const lms = new FakeLms({ 'cmi.core.lesson_status': 'failed' });
    new Scorm12Tracker(lms.scorm12()).start();
    expect(lms.setElements()).to.not.include('cmi.core.lesson_status');
  });

  it('records an interaction: id and type before the responses, wrong as "wrong"', () => {
    const lms = new FakeLms({ 'cmi.interactions._count': '2' });
    const tracker = new Scorm12Tracker(lms.scorm12());
    tracker.start();
    const from = lms.calls.length;
    tracker.recordAnswer(answer(false));

    expect(lms.setElements(from)).to.deep.equal([
      'cmi.interactions.2.id',
      'cmi.interactions.2.type',
      'cmi.interactions.2.student_response',
      'cmi.interactions.2.correct_responses.0.pattern',
      'cmi.interactions.2.result',
      'cmi.interactions.2.time',
      'cmi.interactions.2.latency',
    ]);
    expect(value(lms, 'cmi.interactions.2.id')).to.equal('spot-algorithmic-management');
    expect(value(lms, 'cmi.interactions.2.type')).to.equal('choice');
    expect(value(lms, 'cmi.interactions.2.student_response')).to.equal('a,c');
    expect(value(lms, 'cmi.interactions.2.correct_responses.0.pattern')).to.equal('b');
    expect(value(lms, 'cmi.interactions.2.result')).to.equal('wrong');
    expect(value(lms, 'cmi.interactions.2.time')).to.match(/^\d\d:\d\d:\d\d$/);
    expect(value(lms, 'cmi.interactions.2.latency')).to.equal('0001:02:03.45');
    expect(lms.calls.at(-1)).to.equal('LMSCommit()');
  });

  it('records a right answer as "correct"', () => {
    const lms = new FakeLms();
    const tracker = new Scorm12Tracker(lms.scorm12());
    tracker.start();
    tracker.recordAnswer(answer(true));
    expect(value(lms, 'cmi.interactions.0.result')).to.equal('correct');
  });

  it('finishes with the score first, then the status, then LMSFinish', () => {
    const lms = new FakeLms();
    const tracker = new Scorm12Tracker(lms.scorm12());
    tracker.start();
    const from = lms.calls.length;
    tracker.finish({ scorePercent: 66.7, passed: false, completed: true });

    const set = lms.setElements(from);
    expect(set.slice(0, 4)).to.deep.equal([
      'cmi.core.score.min',
      'cmi.core.score.max',
      'cmi.core.score.raw',
      'cmi.core.lesson_status',
    ]);
    expect(value(lms, 'cmi.core.score.raw')).to.equal('67');
    expect(value(lms, 'cmi.core.lesson_status')).to.equal('failed');
    expect(value(lms, 'cmi.core.exit')).to.equal('');
    expect(value(lms, 'cmi.core.session_time')).to.match(/^\d{4}:\d\d:\d\d\.\d\d$/);
    expect(lms.calls.at(-1)).to.equal('LMSFinish()');
  });

  it('reports completed, without a score, when nothing is graded', () => {
    const lms = new FakeLms();
    const tracker = new Scorm12Tracker(lms.scorm12());
    tracker.start();
    tracker.finish({ scorePercent: null, passed: null, completed: true });
    expect(lms.setElements()).to.not.include('cmi.core.score.raw');
    expect(value(lms, 'cmi.core.lesson_status')).to.equal('completed');
  });

  it('on leaving, suspends and calls LMSFinish without LMSCommit', () => {
    const lms = new FakeLms();
    const tracker = new Scorm12Tracker(lms.scorm12());
    tracker.start();
    const from = lms.calls.length;
    tracker.leave();

    const calls = lms.since(from);
    expect(calls).to.include('LMSSetValue(cmi.core.exit=suspend)');
    expect(calls.at(-1)).to.equal('LMSFinish()');
    expect(calls).to.not.include('LMSCommit()');
  });

  it('sends nothing after the session is finished', () => {
    const lms = new FakeLms();
    const tracker = new Scorm12Tracker(lms.scorm12());
    tracker.start();
    tracker.finish({ scorePercent: 100, passed: true, completed: true });
    const from = lms.calls.length;
    tracker.setLocation('page-2');
    tracker.saveState('{}');
    tracker.recordAnswer(answer(true));
    tracker.flush();
    tracker.leave();
    tracker.finish({ scorePercent: 0, passed: false, completed: true });
    expect(lms.since(from)).to.deep.equal([]);
  });

  it('sends nothing, and says why, when LMSInitialize fails', () => {
    const lms = new FakeLms();
    lms.refuse.add('LMSInitialize');
    const logged: string[] = [];
    const tracker = new Scorm12Tracker(lms.scorm12(), (message) => logged.push(message));
    expect(tracker.start()).to.deep.equal({});
    tracker.recordAnswer(answer(true));
    tracker.saveState('{}');
    tracker.leave();
    expect(lms.calls).to.deep.equal(['LMSInitialize()']);
    expect(logged).to.deep.equal(['LMSInitialize failed: 101']);
  });

  it('saves state and commits; flush writes the session time and commits', () => {
    const lms = new FakeLms();
    const tracker = new Scorm12Tracker(lms.scorm12());
    tracker.start();
    const from = lms.calls.length;
    tracker.setLocation('page-2');
    tracker.saveState('{"page":1}');
    tracker.flush();
    expect(lms.since(from)).to.deep.equal([
      'LMSSetValue(cmi.core.lesson_location=page-2)',
      'LMSSetValue(cmi.suspend_data={"page":1})',
      'LMSCommit()',
      `LMSSetValue(cmi.core.session_time=${value(lms, 'cmi.core.session_time')})`,
      'LMSCommit()',
    ]);
  });
});

describe('Scorm2004Tracker', () => {
  it('opens the session, marks a first attempt incomplete and returns what was saved', () => {
    const lms = new FakeLms({
      'cmi.completion_status': 'unknown',
      'cmi.suspend_data': '{"page":2}',
      'cmi.location': 'page-3',
    });
    const resume = new Scorm2004Tracker(lms.scorm2004()).start();
    expect(lms.calls[0]).to.equal('Initialize()');
    expect(value(lms, 'cmi.completion_status')).to.equal('incomplete');
    expect(resume).to.deep.equal({ state: '{"page":2}', location: 'page-3' });
  });

  it('records an interaction: id and type before the responses, wrong as "incorrect"', () => {
    const lms = new FakeLms({ 'cmi.interactions._count': '1' });
    const tracker = new Scorm2004Tracker(lms.scorm2004());
    tracker.start();
    const from = lms.calls.length;
    tracker.recordAnswer(answer(false));

    const set = lms.setElements(from);
    expect(set.slice(0, 2)).to.deep.equal(['cmi.interactions.1.id', 'cmi.interactions.1.type']);
    expect(set).to.include.members([
      'cmi.interactions.1.learner_response',
      'cmi.interactions.1.correct_responses.0.pattern',
      'cmi.interactions.1.result',
      'cmi.interactions.1.timestamp',
      'cmi.interactions.1.latency',
    ]);
    expect(value(lms, 'cmi.interactions.1.type')).to.equal('choice');
    expect(value(lms, 'cmi.interactions.1.description')).to.equal(
      'Which of these is algorithmic management?',
    );
    expect(value(lms, 'cmi.interactions.1.learner_response')).to.equal('a[,]c');
    expect(value(lms, 'cmi.interactions.1.result')).to.equal('incorrect');
    expect(value(lms, 'cmi.interactions.1.timestamp')).to.equal('2024-05-06T07:08:09.12Z');
    expect(value(lms, 'cmi.interactions.1.latency')).to.equal('PT1H2M3.45S');
    expect(lms.calls.at(-1)).to.equal('Commit()');
  });

  it('records a right answer as "correct"', () => {
    const lms = new FakeLms();
    const tracker = new Scorm2004Tracker(lms.scorm2004());
    tracker.start();
    tracker.recordAnswer(answer(true));
    expect(value(lms, 'cmi.interactions.0.result')).to.equal('correct');
  });

  it('keeps the description within 250 characters', () => {
    const lms = new FakeLms();
    const tracker = new Scorm2004Tracker(lms.scorm2004());
    tracker.start();
    tracker.recordAnswer({ ...answer(true), description: 'x'.repeat(400) });
    expect(value(lms, 'cmi.interactions.0.description')).to.have.length(250);
  });

  it('finishes with the score first, then the statuses, then Terminate', () => {
    const lms = new FakeLms();
    const tracker = new Scorm2004Tracker(lms.scorm2004());
    tracker.start();
    const from = lms.calls.length;
    tracker.finish({ scorePercent: 80, passed: true, completed: true });

    expect(lms.setElements(from).slice(0, 6)).to.deep.equal([
      'cmi.score.min',
      'cmi.score.max',
      'cmi.score.raw',
      'cmi.score.scaled',
      'cmi.completion_status',
      'cmi.success_status',
    ]);
    expect(value(lms, 'cmi.score.scaled')).to.equal('0.8');
    expect(value(lms, 'cmi.completion_status')).to.equal('completed');
    expect(value(lms, 'cmi.success_status')).to.equal('passed');
    expect(value(lms, 'cmi.exit')).to.equal('normal');
    expect(value(lms, 'cmi.session_time')).to.match(/^PT/);
    expect(lms.calls.at(-1)).to.equal('Terminate()');
  });

  it('sets no success status when nothing is graded', () => {
    const lms = new FakeLms();
    const tracker = new Scorm2004Tracker(lms.scorm2004());
    tracker.start();
    tracker.finish({ scorePercent: null, passed: null, completed: false });
    expect(lms.setElements()).to.not.include('cmi.success_status');
    expect(lms.setElements()).to.not.include('cmi.score.raw');
    expect(value(lms, 'cmi.completion_status')).to.equal('incomplete');
  });

  it('on leaving, suspends and calls Terminate without Commit', () => {
    const lms = new FakeLms();
    const tracker = new Scorm2004Tracker(lms.scorm2004());
    tracker.start();
    const from = lms.calls.length;
    tracker.leave();

    const calls = lms.since(from);
    expect(calls).to.include('SetValue(cmi.exit=suspend)');
    expect(calls.at(-1)).to.equal('Terminate()');
    expect(calls).to.not.include('Commit()');
  });

  it('sends nothing after the session is finished', () => {
    const lms = new FakeLms();
    const tracker = new Scorm2004Tracker(lms.scorm2004());
    tracker.start();
    tracker.finish({ scorePercent: 100, passed: true, completed: true });
    const from = lms.calls.length;
    tracker.setLocation('page-2');
    tracker.saveState('{}');
    tracker.recordAnswer(answer(true));
    tracker.flush();
    tracker.leave();
    tracker.finish({ scorePercent: 0, passed: false, completed: true });
    expect(lms.since(from)).to.deep.equal([]);
  });

  it('logs a refused commit and carries on', () => {
    const lms = new FakeLms();
    const logged: string[] = [];
    const tracker = new Scorm2004Tracker(lms.scorm2004(), (message) => logged.push(message));
    tracker.start();
    lms.refuse.add('Commit');
    tracker.saveState('{"page":1}');
    expect(logged).to.deep.equal(['Commit failed: 101']);
    lms.refuse.clear();
    tracker.saveState('{"page":2}');
    expect(value(lms, 'cmi.suspend_data')).to.equal('{"page":2}');
  });
});
