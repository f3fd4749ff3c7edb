/** Small XML helpers shared by the manifest writers. */

// XML 1.0 cannot carry these characters at all, not even as character references.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Attribute-value normalization would turn raw tabs and newlines into spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes a string for use as element text or as a quoted attribute value. */
export function escapeXml(value: string): string {
  return value.replace(invalidXmlChars, '').replace(/[&<>"'\t\n\r]/g, (c) => entities[c] ?? c);
}

/** An xs:ID (an NCName): a letter-led prefix, then the id with any other character as `_`. */
export function xmlId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** A package path as a relative URI reference: each segment percent-encoded, `/` kept. */
export function uriPath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The files in a stable order, checked to include the launch file. */
export function packageFiles(files: readonly string[], launch: string): string[] {
  if (!files.includes(launch)) {
    throw new Error(`the package files must include the launch file ${launch}`);
  }
  // Sorted again so the manifest stays byte-identical whatever order the caller used.
  return [...new Set(files)].sort();
}

/** Throws unless the passing score is a whole percent (1.2 masteryscore is an integer). */
export function checkPassingScore(score: number): number {
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new RangeError(`passingScore must be an integer from 0 to 100, got ${score}`);
  }
  return score;
}
