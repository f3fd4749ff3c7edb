import { allowOnlyLaunchOrigins } from './cmi5-connections.ts';
import { readLaunch } from './cmi5-statements.ts';
import { Cmi5Tracker } from './cmi5-tracker.ts';
import { findApi } from './scorm-api.ts';
import { Scorm12Tracker } from './scorm12-tracker.ts';
import { Scorm2004Tracker } from './scorm2004-tracker.ts';
import { StandaloneTracker } from './standalone-tracker.ts';
import type { Tracker } from './tracker.ts';
import { readWorkshopConfig, WorkshopTracker } from './workshop-tracker.ts';

export type TrackerKind = Tracker['kind'];

/**
 * The runtime bundle sets this to the package's LMS kind (Vite `define`), so the minifier
 * drops every other tracker; undefined in tests and development, where all are there. Each
 * test below is written out in full so that it folds to a constant in the bundle.
 */
declare const __TEACH_IN_LMS__: string | undefined;

function localStorageOf(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

function sessionStorageOf(win: Window): Storage | undefined {
  try {
    return win.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The tracker for the standard this package was built for. When the LMS API cannot be
 * found (the package opened outside an LMS), progress is kept on the device instead.
 */
export function connectTracker(
  win: Window,
  kind: TrackerKind,
  courseKey: string,
  log: (message: string) => void = (message) => console.warn(`[teach-in] ${message}`),
): Tracker {
  if (
    (typeof __TEACH_IN_LMS__ !== 'string' || __TEACH_IN_LMS__ === 'scorm12') &&
    kind === 'scorm12'
  ) {
    const api = findApi(win, 'API');
    if (api) return new Scorm12Tracker(api, log);
    log('No SCORM 1.2 API found; keeping progress on this device.');
  } else if (
    (typeof __TEACH_IN_LMS__ !== 'string' || __TEACH_IN_LMS__ === 'scorm2004') &&
    kind === 'scorm2004'
  ) {
    const api = findApi(win, 'API_1484_11');
    if (api) return new Scorm2004Tracker(api, log);
    log('No SCORM 2004 API found; keeping progress on this device.');
  } else if (
    (typeof __TEACH_IN_LMS__ !== 'string' || __TEACH_IN_LMS__ === 'workshop') &&
    kind === 'workshop'
  ) {
    // Served by `teach-in workshop`: the server put its endpoint and the resume data in the page.
    const config = readWorkshopConfig(win.document);
    if (config) {
      return new WorkshopTracker(config, {
        fetch: win.fetch.bind(win),
        setTimeout: win.setTimeout.bind(win),
        log,
      });
    }
    log('No workshop server config found; keeping progress on this device.');
  } else if (
    (typeof __TEACH_IN_LMS__ !== 'string' || __TEACH_IN_LMS__ === 'cmi5') &&
    kind === 'cmi5'
  ) {
    const launch = readLaunch(win.location.search);
    // Before any request: connections only to the origins the launch names.
    allowOnlyLaunchOrigins(win.document, launch);
    if (launch) {
      return new Cmi5Tracker(launch, {
        fetch: win.fetch.bind(win),
        storage: sessionStorageOf(win),
        log,
      });
    }
    log('No cmi5 launch parameters; keeping progress on this device.');
  }
  return new StandaloneTracker(localStorageOf(win), courseKey);
}
