/** Time values in the exact formats each SCORM version's strictest runtimes accept. */

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** SCORM 1.2 CMITimespan: `HHHH:MM:SS.SS` (Moodle accepts 2 to 4 hour digits). */
export function scorm12Timespan(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  return `${pad(hours, 4)}:${pad(minutes)}:${pad(seconds)}.${pad(centis % 100)}`;
}

/** SCORM 1.2 CMITime (a time of day): `HH:MM:SS`. */
export function scorm12Time(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), to the hundredth of a second: `PT1H2M3.45S`. */
export function scorm2004Duration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

/**
 * SCORM 2004 time (second)(10,0): ISO 8601 in UTC, to the hundredth of a second. The
 * fraction is not optional in practice: scorm-again (like the RTE's grammar) only accepts
 * a zone designator after fractional seconds.
 */
export function scorm2004Timestamp(date: Date): string {
  return date.toISOString().replace(/(\.\d{2})\d*Z$/, '$1Z');
}
