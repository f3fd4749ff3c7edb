export type { LoginSlowdown } from './login-guard.ts';
export { defaultLoginSlowdown } from './login-guard.ts';
export type { RateLimits, RateRule } from './security.ts';
export { defaultRateLimits } from './security.ts';
export type { RunningWorkshop, WorkshopServerOptions } from './server.ts';
export { defaultRetentionDays, startWorkshopServer } from './server.ts';
export type { Participant, Poll, PollChoice } from './store.ts';
export { databaseFileName, deleteWorkshopData, WorkshopStore } from './store.ts';
