/**
 * The differences between SCORM 1.2 and 2004 that the tracker cares about: method names,
 * element names and vocabularies. Everything else is one implementation (scorm-tracker.ts).
 */
import type { ScormVersion } from '@teach-in/course-schema';
import type { Scorm12Api, Scorm2004Api } from './scorm-api.ts';
import {
  scorm12Time,
  scorm12Timespan,
  scorm2004Duration,
  scorm2004Timestamp,
} from './time-format.ts';

export interface Rte {
  initialize(): string;
  terminate(): string;
  get(element: string): string;
  set(element: string, value: string): string;
  commit(): string;
  lastError(): string;
}

export interface Dialect {
  version: ScormVersion;
  /** Element names. */
  location: string;
  locationMax: number;
  /** The learner's name as the LMS keeps it ("Last, First"), for the certificate. */
  learnerName: string;
  sessionTime: string;
  exit: string;
  /** The exit value for a finished course: 1.2 has no `normal` (scorm-again blanks it). */
  exitFinished: string;
  scoreBase: string;
  /** Statuses that mean "first launch": mark these incomplete. */
  statusElement: string;
  freshStatuses: readonly string[];
  learnerResponse: string;
  timestamp: string;
  hasDescription: boolean;
  hasScaledScore: boolean;
  timespan(ms: number): string;
  time(date: Date): string;
}

export const scorm12Dialect: Dialect = {
  version: 'scorm12',
  location: 'cmi.core.lesson_location',
  locationMax: 255,
  learnerName: 'cmi.core.student_name',
  sessionTime: 'cmi.core.session_time',
  exit: 'cmi.core.exit',
  exitFinished: '',
  scoreBase: 'cmi.core.score',
  statusElement: 'cmi.core.lesson_status',
  freshStatuses: ['not attempted', ''],
  learnerResponse: 'student_response',
  timestamp: 'time',
  hasDescription: false,
  hasScaledScore: false,
  timespan: scorm12Timespan,
  time: scorm12Time,
};

export const scorm2004Dialect: Dialect = {
  version: 'scorm2004',
  location: 'cmi.location',
  locationMax: 1000,
  learnerName: 'cmi.learner_name',
  sessionTime: 'cmi.session_time',
  exit: 'cmi.exit',
  exitFinished: 'normal',
  scoreBase: 'cmi.score',
  statusElement: 'cmi.completion_status',
  freshStatuses: ['not attempted', 'unknown', ''],
  learnerResponse: 'learner_response',
  timestamp: 'timestamp',
  hasDescription: true,
  hasScaledScore: true,
  timespan: scorm2004Duration,
  time: scorm2004Timestamp,
};

export function scorm12Rte(api: Scorm12Api): Rte {
  return {
    initialize: () => api.LMSInitialize(''),
    terminate: () => api.LMSFinish(''),
    get: (element) => api.LMSGetValue(element),
    set: (element, value) => api.LMSSetValue(element, value),
    commit: () => api.LMSCommit(''),
    lastError: () => api.LMSGetLastError(),
  };
}

export function scorm2004Rte(api: Scorm2004Api): Rte {
  return {
    initialize: () => api.Initialize(''),
    terminate: () => api.Terminate(''),
    get: (element) => api.GetValue(element),
    set: (element, value) => api.SetValue(element, value),
    commit: () => api.Commit(''),
    lastError: () => api.GetLastError(),
  };
}
