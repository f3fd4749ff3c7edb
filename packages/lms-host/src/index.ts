export type { HostOptions, Learner, RunningHost } from './host-server.ts';
export { startHost } from './host-server.ts';
export type { PackageInfo } from './manifest.ts';
export { readManifest } from './manifest.ts';
export { unpackLimits, unpackZip } from './unpack.ts';
