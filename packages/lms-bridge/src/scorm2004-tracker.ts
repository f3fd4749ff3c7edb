import type { Scorm2004Api } from './scorm-api.ts';
import { scorm2004Dialect, scorm2004Rte } from './scorm-dialect.ts';
import { ScormTracker } from './scorm-tracker.ts';

/** SCORM 2004 4th edition: values in the RTE's exact vocabularies and formats. */
export class Scorm2004Tracker extends ScormTracker {
  constructor(api: Scorm2004Api, log?: (message: string) => void) {
    super(scorm2004Rte(api), scorm2004Dialect, log);
  }
}
