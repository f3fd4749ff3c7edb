import type { Scorm12Api } from './scorm-api.ts';
import { scorm12Dialect, scorm12Rte } from './scorm-dialect.ts';
import { ScormTracker } from './scorm-tracker.ts';

/** SCORM 1.2: writes only values the strictest runtimes (Moodle's) accept. */
export class Scorm12Tracker extends ScormTracker {
  constructor(api: Scorm12Api, log?: (message: string) => void) {
    super(scorm12Rte(api), scorm12Dialect, log);
  }
}
