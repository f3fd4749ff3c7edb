// Module hooks (they run on the loader's own thread): append each resolved URL.
import { appendFileSync } from 'node:fs';

/**
 * @param {string} specifier
 * @param {object} context
 * @param {(specifier: string, context: object) => Promise<{ url: string }>} next
 */
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const file = process.env.TEACH_IN_TRACE_IMPORTS;
  if (file) appendFileSync(file, `${result.url}\n`);
  return result;
}
