/**
 * marked parses nested blockquotes, lists and emphasis by recursion, one call per level,
 * and slows down sharply with depth: thousands of levels overflow the stack, hundreds take
 * seconds. No readable module nests that deep, so past a limit it is refused, with the
 * line, before marked sees it.
 */
export const maxNesting = 32;

/** Columns of indentation for a list item this deep: two per level, like most editors. */
const maxListIndent = maxNesting * 3;

/** The first line of `text` (from `start`) that nests past the limit, with its depth. */
export function tooDeep(
  text: string,
  start: number,
): { offset: number; depth: number } | undefined {
  let offset = start;
  for (const line of text.slice(start).split('\n')) {
    const quotes = /^[ \t]*(?:>[ \t]*)+/.exec(line)?.[0].replace(/[^>]/g, '').length ?? 0;
    if (quotes > maxNesting) return { offset, depth: quotes };
    const item = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/.exec(line);
    const indent = item ? (item[1] ?? '').replace(/\t/g, '    ').length : 0;
    if (indent > maxListIndent) return { offset, depth: Math.floor(indent / 2) };
    offset += line.length + 1;
  }
  return undefined;
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Where a module that overflowed the stack is most likely nested: the line with the longest
 * run of the characters that open a level (emphasis, brackets, quotes).
 */
export function deepestLine(text: string): number {
  let best = 0;
  let bestRun = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const run = Math.max(0, ...[...line.matchAll(/[*_[>(~`<]+/g)].map((m) => m[0].length));
    if (run > bestRun) {
      bestRun = run;
      best = offset;
    }
    offset += line.length + 1;
  }
  return best;
}
