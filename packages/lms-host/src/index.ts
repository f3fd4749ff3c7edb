export type { Cmi5CourseInfo } from './cmi5-course.ts';
export { readCmi5Course } from './cmi5-course.ts';
export type {
  Cmi5HostOptions,
  Cmi5LaunchMode,
  Cmi5Learner,
  RunningCmi5Host,
} from './cmi5-host.ts';
export { startCmi5Host } from './cmi5-host.ts';
export type { Cmi5History, Cmi5Session, Cmi5Verb, Statement } from './cmi5-rules.ts';
export {
  cmi5Category,
  cmi5Verbs,
  cmi5Violations,
  moveOnCategory,
  sessionIdExtension,
  verbOf,
} from './cmi5-rules.ts';
export type { LaunchSession, StoredStatement } from './cmi5-store.ts';
export { allowedStatementViolations, Cmi5Store } from './cmi5-store.ts';
export type { HostOptions, Learner, RunningHost } from './host-server.ts';
export { startHost } from './host-server.ts';
export type { PackageInfo } from './manifest.ts';
export { readManifest } from './manifest.ts';
export { unpackLimits, unpackZip } from './unpack.ts';
