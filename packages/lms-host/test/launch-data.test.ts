import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type Scorm12Type from 'scorm-again/scorm12';
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm2004Type from 'scorm-again/scorm2004';
import * as scorm2004 from 'scorm-again/scorm2004';
import type { CmiData, SavedAttempt } from '../src/attempt-store.ts';
import { launchData } from '../src/launch-data.ts';
import type { PackageInfo } from '../src/manifest.ts';

// The real scorm-again runtime, as the host page creates it, without a browser. Its ESM
// entries export named classes while its type declarations say default exports.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12Type };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Type };
const quiet = { logLevel: 5 as const, autocommit: false };
const learner = { id: 'member-7', name: 'Okafor, Ada' };

const scorm12Info: PackageInfo = {
  version: 'scorm12',
  identifier: 'MANIFEST-shifts',
  title: 'Shifts',
  launch: 'index.html',
  objectiveIds: [],
  masteryScore: 80,
  dataFromLms: 'group=blue',
  maxTimeAllowed: '01:00:00',
  timeLimitAction: 'continue,message',
};

const scorm2004Info: PackageInfo = {
  version: 'scorm2004',
  identifier: 'MANIFEST-shifts',
  title: 'Shifts',
  launch: 'index.html',
  objectiveIds: ['rights', 'data'],
  scaledPassingScore: 0.8,
  dataFromLms: 'group=blue',
};

function attempt(info: PackageInfo, cmi: CmiData): SavedAttempt {
  return {
    packageId: info.identifier,
    version: info.version,
    learnerId: learner.id,
    savedAt: '2026-11-22T10:00:00.000Z',
    cmi,
  };
}

/** What scorm-again posts on the terminate commit: the `cmi` object of the commit. */
const committed = (api: { renderCommitCMI(terminate: boolean): unknown }): CmiData =>
  JSON.parse(JSON.stringify((api.renderCommitCMI(true) as { cmi: CmiData }).cmi));

describe('SCORM 1.2 launch data', () => {
  test('a first launch is ab-initio with every value the LMS owns', () => {
    const launch = launchData(scorm12Info, learner, undefined);
    assert.equal(launch.entry, 'ab-initio');
    assert.equal(launch.restored, false);
    const api = new Scorm12API(quiet);
    api.loadFromJSON(launch.seed);
    assert.equal(api.LMSInitialize(''), 'true');
    assert.equal(api.LMSGetValue('cmi.core.entry'), 'ab-initio');
    assert.equal(api.LMSGetValue('cmi.core.student_id'), 'member-7');
    assert.equal(api.LMSGetValue('cmi.core.student_name'), 'Okafor, Ada');
    assert.equal(api.LMSGetValue('cmi.core.credit'), 'credit');
    assert.equal(api.LMSGetValue('cmi.core.lesson_mode'), 'normal');
    assert.equal(api.LMSGetValue('cmi.student_data.mastery_score'), '80');
    assert.equal(api.LMSGetValue('cmi.student_data.max_time_allowed'), '01:00:00');
    assert.equal(api.LMSGetValue('cmi.student_data.time_limit_action'), 'continue,message');
    assert.equal(api.LMSGetValue('cmi.launch_data'), 'group=blue');
  });

  test('a suspended session resumes with its location, suspend data, score and interactions', () => {
    const first = new Scorm12API(quiet);
    first.loadFromJSON(launchData(scorm12Info, learner, undefined).seed);
    first.LMSInitialize('');
    first.LMSSetValue('cmi.core.lesson_location', 'page-3');
    first.LMSSetValue('cmi.suspend_data', '{"answers":{"q1":["b"]}}');
    first.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    first.LMSSetValue('cmi.core.score.raw', '50');
    first.LMSSetValue('cmi.interactions.0.id', 'q1');
    first.LMSSetValue('cmi.interactions.0.type', 'choice');
    first.LMSSetValue('cmi.interactions.0.student_response', 'b');
    first.LMSSetValue('cmi.interactions.0.result', 'correct');
    first.LMSSetValue('cmi.core.session_time', '00:05:00');
    first.LMSSetValue('cmi.core.exit', 'suspend');
    const saved = committed(first);

    const launch = launchData(scorm12Info, learner, attempt(scorm12Info, saved));
    assert.equal(launch.entry, 'resume');
    const api = new Scorm12API(quiet);
    api.loadFromJSON(launch.seed);
    assert.equal(api.LMSInitialize(''), 'true');
    assert.equal(api.LMSGetValue('cmi.core.entry'), 'resume');
    assert.equal(api.LMSGetValue('cmi.core.lesson_location'), 'page-3');
    assert.equal(api.LMSGetValue('cmi.suspend_data'), '{"answers":{"q1":["b"]}}');
    assert.equal(api.LMSGetValue('cmi.core.lesson_status'), 'incomplete');
    assert.equal(api.LMSGetValue('cmi.core.score.raw'), '50');
    assert.equal(api.LMSGetValue('cmi.core.total_time'), '00:05:00');
    assert.equal(api.LMSGetValue('cmi.interactions._count'), '1');
    // The new session starts without the old one's exit.
    assert.equal(api.LMSGetValue('cmi.core.student_id'), 'member-7');
  });

  test('a session that ended without suspend keeps its data with entry ""', () => {
    const saved = { core: { exit: '', lesson_status: 'passed', lesson_location: 'end' } };
    const launch = launchData(scorm12Info, learner, attempt(scorm12Info, saved));
    assert.equal(launch.entry, '');
    const api = new Scorm12API(quiet);
    api.loadFromJSON(launch.seed);
    api.LMSInitialize('');
    assert.equal(api.LMSGetValue('cmi.core.entry'), '');
    assert.equal(api.LMSGetValue('cmi.core.lesson_status'), 'passed');
  });

  test('saved data cannot change what the LMS owns', () => {
    const saved = { core: { exit: 'suspend', student_id: 'someone-else', credit: 'no-credit' } };
    const launch = launchData(scorm12Info, learner, attempt(scorm12Info, saved));
    const api = new Scorm12API(quiet);
    api.loadFromJSON(launch.seed);
    api.LMSInitialize('');
    assert.equal(api.LMSGetValue('cmi.core.student_id'), 'member-7');
    assert.equal(api.LMSGetValue('cmi.core.credit'), 'credit');
  });
});

describe('SCORM 2004 launch data', () => {
  test('a first launch is ab-initio with the manifest objectives and passing score', () => {
    const launch = launchData({ ...scorm2004Info, completionThreshold: 0.75 }, learner, undefined);
    const api = new Scorm2004API(quiet);
    api.loadFromJSON(launch.seed);
    assert.equal(api.Initialize(''), 'true');
    assert.equal(api.GetValue('cmi.entry'), 'ab-initio');
    assert.equal(api.GetValue('cmi.learner_id'), 'member-7');
    assert.equal(api.GetValue('cmi.learner_name'), 'Okafor, Ada');
    assert.equal(api.GetValue('cmi.credit'), 'credit');
    assert.equal(api.GetValue('cmi.mode'), 'normal');
    assert.equal(api.GetValue('cmi.scaled_passing_score'), '0.8');
    assert.equal(api.GetValue('cmi.completion_threshold'), '0.75');
    assert.equal(api.GetValue('cmi.launch_data'), 'group=blue');
    assert.equal(api.GetValue('cmi.objectives._count'), '2');
    assert.equal(api.GetValue('cmi.objectives.0.id'), 'rights');
    assert.equal(api.GetValue('cmi.objectives.1.id'), 'data');
  });

  test('a suspended session resumes with everything it committed', () => {
    const first = new Scorm2004API(quiet);
    first.loadFromJSON(launchData(scorm2004Info, learner, undefined).seed);
    first.Initialize('');
    first.SetValue('cmi.location', 'page-3');
    first.SetValue('cmi.suspend_data', 'state-1');
    first.SetValue('cmi.completion_status', 'incomplete');
    first.SetValue('cmi.objectives.0.success_status', 'passed');
    first.SetValue('cmi.interactions.0.id', 'q1');
    first.SetValue('cmi.interactions.0.type', 'choice');
    first.SetValue('cmi.interactions.0.learner_response', 'a[,]b');
    first.SetValue('cmi.interactions.0.result', 'incorrect');
    first.SetValue('cmi.session_time', 'PT5M');
    first.SetValue('cmi.exit', 'suspend');
    const saved = committed(first);

    const launch = launchData(scorm2004Info, learner, attempt(scorm2004Info, saved));
    assert.equal(launch.entry, 'resume');
    const api = new Scorm2004API(quiet);
    api.loadFromJSON(launch.seed);
    assert.equal(api.Initialize(''), 'true');
    assert.equal(api.GetValue('cmi.entry'), 'resume');
    assert.equal(api.GetValue('cmi.location'), 'page-3');
    assert.equal(api.GetValue('cmi.suspend_data'), 'state-1');
    assert.equal(api.GetValue('cmi.completion_status'), 'incomplete');
    assert.equal(api.GetValue('cmi.objectives._count'), '2');
    assert.equal(api.GetValue('cmi.objectives.0.success_status'), 'passed');
    assert.equal(api.GetValue('cmi.interactions._count'), '1');
    assert.equal(api.GetValue('cmi.interactions.0.learner_response'), 'a[,]b');
    assert.equal(api.GetValue('cmi.total_time'), 'PT5M');
  });

  test('a session that ended normally starts a new attempt without the old data', () => {
    const saved = { exit: 'normal', location: 'end', suspend_data: 'old' };
    const launch = launchData(scorm2004Info, learner, attempt(scorm2004Info, saved));
    assert.equal(launch.entry, 'ab-initio');
    assert.equal(launch.restored, false);
    const api = new Scorm2004API(quiet);
    api.loadFromJSON(launch.seed);
    api.Initialize('');
    assert.equal(api.GetValue('cmi.location'), '');
    assert.equal(api.GetValue('cmi.suspend_data'), '');
  });
});
