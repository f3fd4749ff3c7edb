export {
  deepLinkWithoutBrowser,
  formOf,
  launchWithoutBrowser,
  postForm,
} from './browserless.ts';
export type { GradebookScore, LaunchMessage, TestPlatform } from './platform.ts';
export { roles, startTestPlatform } from './platform.ts';
export { startPostgres, type TestPostgres } from './postgres.ts';
