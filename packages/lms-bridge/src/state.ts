/**
 * The pure part of lms-bridge: no DOM, no LMS. The Node builder imports this subpath
 * (`@teach-in/lms-bridge/state`) to prove the worst-case state fits.
 */
export {
  type Decoded,
  decodeState,
  encodeState,
  stateFormatPrefix,
  unreadableState,
} from './state/codec.ts';
export {
  type CourseLayout,
  courseLayout,
  type LayoutQuestion,
  type ResponseDomain,
  storedTextMaxLength,
} from './state/layout.ts';
export { type ProgressCodeResult, progressCode, readProgressCode } from './state/progress-code.ts';
export { emptyState } from './state/saved-state.ts';
export { suspendDataLimits, worstCaseState, worstCaseStateLength } from './state/worst-case.ts';
