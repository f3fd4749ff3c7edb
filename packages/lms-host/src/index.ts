export type { AttemptKey, AttemptStore, CmiData, SavedAttempt } from './attempt-store.ts';
export { fileAttemptStore, memoryAttemptStore } from './attempt-store.ts';
export type { Cmi5History, Cmi5Session, Cmi5Verb, Statement } from './cmi5-rules.ts';
export {
  cmi5Category,
  cmi5Verbs,
  cmi5Violations,
  moveOnCategory,
  sessionIdExtension,
  verbOf,
} from './cmi5-rules.ts';
export type { HostOptions, RunningHost } from './host-server.ts';
export { defaultLearner, startHost } from './host-server.ts';
export type { HostConfig, HostedPackage, RuntimeKind } from './hosting.ts';
export type { Entry, LaunchData, Learner } from './launch-data.ts';
export { launchData } from './launch-data.ts';
export type { PackageInfo, ScormVersion } from './manifest.ts';
export { readManifest } from './manifest.ts';
export type { FileSource, OpenedPackage } from './package-source.ts';
export { folderSource, memorySource, openPackage } from './package-source.ts';
export type {
  ExtraRoute,
  LaunchContext,
  LmsTarget,
  LmsTargetFormat,
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
