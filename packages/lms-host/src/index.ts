export type { AttemptKey, AttemptStore, CmiData, SavedAttempt } from './attempt-store.ts';
export { fileAttemptStore, memoryAttemptStore } from './attempt-store.ts';
export type { Cmi5CourseInfo } from './cmi5-course.ts';
export { readCmi5Course } from './cmi5-course.ts';
export type {
  Cmi5HostOptions,
  Cmi5LaunchMode,
  Cmi5Learner,
  RunningCmi5Host,
} from './cmi5-host.ts';
export { cmi5StoreFile, startCmi5Host } from './cmi5-host.ts';
export type { Cmi5Change, Cmi5LaunchTarget, Cmi5Lms, Cmi5LogEntry } from './cmi5-lms.ts';
export { createCmi5Lms } from './cmi5-lms.ts';
export type { Cmi5History, Cmi5Session, Cmi5Verb, Statement } from './cmi5-rules.ts';
export {
  cmi5Category,
  cmi5Verbs,
  cmi5Violations,
  masteryScoreExtension,
  moveOnCategory,
  sessionIdExtension,
  verbOf,
} from './cmi5-rules.ts';
export type { LaunchSession, StoredStatement } from './cmi5-store.ts';
export { allowedStatementViolations, Cmi5Store } from './cmi5-store.ts';
export type { HostOptions, RunningHost } from './host-server.ts';
export { defaultLearner, startHost } from './host-server.ts';
export type { HostConfig, HostedPackage, RuntimeKind } from './hosting.ts';
export type { Entry, LaunchData, Learner } from './launch-data.ts';
export { launchData } from './launch-data.ts';
export type { PackageInfo } from './manifest.ts';
export { readManifest } from './manifest.ts';
export type { FileSource, OpenedPackage } from './package-source.ts';
export { folderSource, memorySource, openPackage } from './package-source.ts';
export type {
  ExtraRoute,
  LaunchContext,
  LmsTarget,
  LmsTargetFormat,
  PanelKind,
  PanelSend,
  PreviewServerContext,
  TargetLms,
} from './preview/lms-targets.ts';
export { lmsTargets } from './preview/lms-targets.ts';
export type {
  PreviewBuild,
  PreviewDiagnostic,
  PreviewOptions,
  RunningPreview,
} from './preview/preview-server.ts';
export { startPreview } from './preview/preview-server.ts';
export type { UnpackLimits } from './unpack.ts';
export { UnsafeZipError, unpackLimits, unpackZip } from './unpack.ts';
