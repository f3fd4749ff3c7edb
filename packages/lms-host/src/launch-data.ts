import type { CmiData, SavedAttempt } from './attempt-store.ts';
import type { PackageInfo } from './manifest.ts';

export interface Learner {
  id: string;
  name: string;
}

/** cmi.core.entry / cmi.entry: how this launch relates to the learner's earlier ones. */
export type Entry = 'ab-initio' | 'resume' | '';

export interface LaunchData {
  entry: Entry;
  /** Whether committed data of an earlier session was restored into this launch. */
  restored: boolean;
  /** Everything loaded into the fresh runtime before the content starts, for loadFromJSON. */
  seed: CmiData;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy without the listed keys (dotted paths), leaving the saved attempt untouched. */
function without(data: Json, paths: readonly string[]): Json {
  const copy = structuredClone(data);
  for (const dotted of paths) {
    const keys = dotted.split('.');
    const last = keys.pop()!;
    let parent: unknown = copy;
    for (const key of keys) parent = isObject(parent) ? parent[key] : undefined;
    if (isObject(parent)) delete parent[last];
  }
  return copy;
}

/** Ids the manifest declares that the saved objectives lack, appended after them. */
function withObjectives(saved: unknown, ids: readonly string[]): Json {
  const objectives: Json = isObject(saved) ? { ...saved } : {};
  const known = new Set(Object.values(objectives).map((o) => (isObject(o) ? o.id : undefined)));
  let next = Object.keys(objectives).length;
  for (const id of ids) if (!known.has(id)) objectives[String(next++)] = { id };
  return objectives;
}

// Per session, write-only or owned by the LMS: never carried from one launch to the next.
const scorm12SessionOnly = ['core.entry', 'core.exit', 'core.session_time'];
const scorm2004SessionOnly = ['entry', 'exit', 'session_time'];

/**
 * The data model an LMS hands to a launch, in scorm-again's JSON shape. An earlier session
 * that ended with exit "suspend" is resumed (entry "resume", its data restored). Otherwise
 * SCORM 2004 starts a new attempt (entry "ab-initio", no data), while SCORM 1.2, which has no
 * attempts, keeps the data with entry "" as Moodle does. The LMS's own values (learner,
 * credit, mode, the manifest's data) always come from this launch, never from saved data.
 */
export function launchData(
  info: PackageInfo,
  learner: Learner,
  saved: SavedAttempt | undefined,
): LaunchData {
  const previous = saved?.cmi;
  if (info.version === 'scorm12') {
    const core = isObject(previous?.core) ? previous.core : {};
    const suspended = core.exit === 'suspend';
    const entry: Entry = previous === undefined ? 'ab-initio' : suspended ? 'resume' : '';
    const kept = previous ? without(previous, scorm12SessionOnly) : {};
    const studentData = isObject(kept.student_data) ? kept.student_data : {};
    const seed: Json = {
      ...kept,
      core: {
        ...(isObject(kept.core) ? kept.core : {}),
        student_id: learner.id,
        student_name: learner.name,
        credit: 'credit',
        lesson_mode: 'normal',
        entry,
      },
      launch_data: info.dataFromLms ?? '',
      student_data: {
        ...studentData,
        mastery_score: info.masteryScore === undefined ? '' : String(info.masteryScore),
        max_time_allowed: info.maxTimeAllowed ?? '',
        time_limit_action: info.timeLimitAction ?? '',
      },
    };
    return { entry, restored: previous !== undefined, seed };
  }

  const suspended = previous?.exit === 'suspend';
  const entry: Entry = suspended ? 'resume' : 'ab-initio';
  const kept = suspended && previous ? without(previous, scorm2004SessionOnly) : {};
  const seed: Json = {
    ...kept,
    learner_id: learner.id,
    learner_name: learner.name,
    credit: 'credit',
    mode: 'normal',
    entry,
    launch_data: info.dataFromLms ?? '',
    scaled_passing_score:
      info.scaledPassingScore === undefined ? '' : String(info.scaledPassingScore),
    completion_threshold:
      info.completionThreshold === undefined ? '' : String(info.completionThreshold),
    max_time_allowed: info.maxTimeAllowed ?? '',
    time_limit_action: info.timeLimitAction ?? '',
    objectives: withObjectives(kept.objectives, info.objectiveIds),
  };
  return { entry, restored: suspended, seed };
}
