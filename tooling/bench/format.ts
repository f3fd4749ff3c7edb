/** Units for the terminal table. The JSON keeps raw bytes and milliseconds. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1)} MB`;
export const ms = (millis: number) =>
  millis < 1000 ? `${Math.round(millis)} ms` : `${(millis / 1000).toFixed(2)} s`;
/** Kilobytes up to three quarters of a megabyte, megabytes above, as issue 7 quotes sizes. */
export const size = (bytes: number) => (bytes < 768 * 1024 ? kb(bytes) : mb(bytes));
/** A figure against its limit: "ok" or "OVER", so a regression stands out in the table. */
export const verdict = (value: number, limit: number) => (value <= limit ? 'ok' : 'OVER');

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
