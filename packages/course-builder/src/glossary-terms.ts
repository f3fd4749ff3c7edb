/**
 * Marks the first occurrence of each glossary term on a page, in learner prose only, as a
 * button that shows the term's definition in place (the course shell adds the behaviour).
 * Works on sanitized HTML, which sanitize-html re-serializes with `<` and `>` escaped in
 * text and attribute values, so splitting on tags is exact.
 */
import type { GlossaryEntry } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema';

/** Never inside these: headings, links, code, citations and other interactive content. */
const skippedElements = new Set([
  'a',
  'button',
  'code',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'kbd',
  'label',
  'pre',
  'samp',
  'summary',
  'sup',
]);
const voidElements = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'wbr']);

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': '\u00a0',
};
const decode = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39|#x27|nbsp);/g, (e) => entities[e]!);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The terms still to mark on one page, and how the marks get unique ids. */
export class PageGlossary {
  readonly #remaining: GlossaryEntry[];
  /** The pattern for `#remaining`, made again only when a term has been marked. */
  #pattern: RegExp | undefined;
  #count = 0;

  constructor(
    entries: readonly GlossaryEntry[],
    private readonly idPrefix: string,
  ) {
    // Longest first, so "algorithmic management" wins over "management".
    this.#remaining = [...entries].sort((a, b) => b.term.length - a.term.length);
  }

  /** `html` with the first occurrence of every not-yet-marked term made a term button. */
  mark(html: string): string {
    if (this.#remaining.length === 0) return html;
    const open: string[] = [];
    return html
      .split(/(<[^>]*>)/)
      .map((part) => {
        if (part.startsWith('<')) {
          trackElement(part, open);
          return part;
        }
        if (!part || open.some((name) => skippedElements.has(name))) return part;
        return this.#markText(decode(part));
      })
      .join('');
  }

  #markText(text: string): string {
    let out = '';
    let rest = text;
    for (;;) {
      const found = this.#firstMatch(rest);
      if (!found) break;
      const { entry, index, length } = found;
      out +=
        escapeHtml(rest.slice(0, index)) + this.#termHtml(entry, rest.slice(index, index + length));
      rest = rest.slice(index + length);
      this.#remaining.splice(this.#remaining.indexOf(entry), 1);
      this.#pattern = undefined;
    }
    return out + escapeHtml(rest);
  }

  #firstMatch(text: string): { entry: GlossaryEntry; index: number; length: number } | undefined {
    if (this.#remaining.length === 0) return undefined;
    const lower = text.toLowerCase();
    // Lower-casing can change the length of a few characters (such as "İ"); then the
    // indexes would not line up, so those rare texts take the slower pattern.
    if (lower.length !== text.length) return this.#firstMatchByPattern(text);
    let best: { entry: GlossaryEntry; index: number; length: number } | undefined;
    // Longest terms come first, so on the same index the longer term wins.
    for (const entry of this.#remaining) {
      const index = wholeWordIndex(lower, entry.term.toLowerCase());
      if (index >= 0 && (!best || index < best.index)) {
        best = { entry, index, length: entry.term.length };
      }
    }
    return best;
  }

  #firstMatchByPattern(
    text: string,
  ): { entry: GlossaryEntry; index: number; length: number } | undefined {
    this.#pattern ??= termPattern(this.#remaining);
    const match = this.#pattern.exec(text);
    if (!match) return undefined;
    const entry = this.#remaining.find((e) => e.term.toLowerCase() === match[0].toLowerCase());
    return entry ? { entry, index: match.index, length: match[0].length } : undefined;
  }

  #termHtml(entry: GlossaryEntry, shown: string): string {
    const id = `${this.idPrefix}-${++this.#count}`;
    return (
      `<button type="button" class="ti-term" aria-expanded="false" aria-controls="${id}" aria-describedby="${id}">${escapeHtml(shown)}</button>` +
      `<span class="ti-term-definition" id="${id}" hidden>${entry.definitionHtml}</span>`
    );
  }
}

/**
 * One pattern per set of remaining terms. Compiling a Unicode-aware alternation is costly and
 * every page (and every format) starts from the same full set, so the patterns are kept.
 */
const termPatterns = new Map<string, RegExp>();

function termPattern(entries: readonly GlossaryEntry[]): RegExp {
  const alternatives = entries.map((e) => escapeRegExp(e.term)).join('|');
  let pattern = termPatterns.get(alternatives);
  if (!pattern) {
    // A long preview or watch session meets new term sets; keep the cache bounded.
    if (termPatterns.size > 1000) termPatterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'iu');
    termPatterns.set(alternatives, pattern);
  }
  return pattern;
}

const wordCharacter = /[\p{L}\p{N}_]/u;

/** The first index of `term` in `text` not touching a letter, digit or `_` on either side. */
function wholeWordIndex(text: string, term: string): number {
  for (let from = 0; ; from++) {
    const index = text.indexOf(term, from);
    if (index < 0) return -1;
    const before = characterBefore(text, index);
    const after = characterAt(text, index + term.length);
    if (!wordCharacter.test(before) && !wordCharacter.test(after)) return index;
    from = index;
  }
}

/** The whole character (a surrogate pair counts as one) that ends just before `index`. */
function characterBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const isPair = index >= 2 && low >= 0xdc00 && low <= 0xdfff;
  return text.slice(isPair ? index - 2 : index - 1, index);
}

function characterAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function trackElement(tag: string, open: string[]): void {
  const match = /^<(\/?)([a-zA-Z][\w-]*)/.exec(tag);
  if (!match) return;
  const name = match[2]!.toLowerCase();
  if (match[1]) {
    const at = open.lastIndexOf(name);
    if (at >= 0) open.length = at;
  } else if (!voidElements.has(name) && !tag.endsWith('/>')) {
    open.push(name);
  }
}
