export type { ServiceError } from './grade-service.ts';
export { retryDelayMs, scoresUrl } from './grade-service.ts';
export type { ManualRegistration } from './registration.ts';
export { manualRegistration, registerPlatform } from './registration.ts';
export type { LtiToolOptions, RunningLtiTool } from './server.ts';
export {
  defaultRetentionDays,
  deleteLtiData,
  forgetLearner,
  sqliteFileName,
  startLtiTool,
} from './server.ts';
export type { Registration } from './storage/store.ts';
export { LtiStore } from './storage/store.ts';
