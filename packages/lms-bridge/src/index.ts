export {
  answeredStatements,
  type Cmi5Launch,
  cmi5Statement,
  type LaunchData,
  type LaunchMode,
  type MoveOn,
  readLaunch,
  resultVerbs,
  withMasteryScore,
  type XapiStatement,
} from './cmi5-statements.ts';
export { type Cmi5Environment, Cmi5Tracker, courseStateId } from './cmi5-tracker.ts';
export { completionRule, isComplete, type Progress } from './completion.ts';
export type { TrackerKind } from './connect.ts';
export { connectTracker } from './connect.ts';
export { type Interaction, interactionsFor } from './interactions.ts';
export {
  type LocalCopy,
  newerState,
  ResilientSession,
  type SaveStatus,
  type StoredAnswer,
  type Timers,
} from './resilient-session.ts';
export type { ApiByName, Scorm12Api, Scorm2004Api } from './scorm-api.ts';
export { findApi } from './scorm-api.ts';
export { ScormTracker } from './scorm-tracker.ts';
export { Scorm12Tracker } from './scorm12-tracker.ts';
export { Scorm2004Tracker } from './scorm2004-tracker.ts';
export { StandaloneTracker } from './standalone-tracker.ts';
export {
  scorm12Time,
  scorm12Timespan,
  scorm2004Duration,
  scorm2004Timestamp,
} from './time-format.ts';
export type { ObjectiveRecord, ResumeData, Tracker } from './tracker.ts';
export type { WorkshopAnswer, WorkshopConfig, WorkshopProgress } from './workshop-protocol.ts';
export type { WorkshopTrackerDeps } from './workshop-tracker.ts';
export {
  readWorkshopConfig,
  WorkshopTracker,
  workshopConfigElementId,
} from './workshop-tracker.ts';
