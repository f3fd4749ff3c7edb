import { htmlToText, mapHtmlFields } from '@teach-in/course-schema';
import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';

/** A `[^key]` citation; `number` and `anchor` are filled in once the page's sources are known. */
export interface CitationToken extends Tokens.Generic {
  type: 'citation';
  raw: string;
  key: string;
  number?: number;
  anchor?: string;
}

const citation: TokenizerAndRendererExtension = {
  name: 'citation',
  level: 'inline',
  start(src) {
    const at = src.indexOf('[^');
    return at < 0 ? undefined : at;
  },
  tokenizer(src) {
    const match = /^\[\^([^\]\s]+)\]/.exec(src);
    if (!match) return undefined;
    return { type: 'citation', raw: match[0], key: match[1] ?? '' } satisfies CitationToken;
  },
  renderer(token) {
    const { number, anchor, key } = token as CitationToken;
    // Unresolved here means inline text (a question): the module parser resolves it later.
    if (number === undefined || anchor === undefined) return `[^${key}]`;
    return citationHtml(number, anchor);
  },
};

export function citationHtml(number: number, anchor: string): string {
  return `<sup class="ti-cite"><a href="#${anchor}" aria-label="Source ${number}">[${number}]</a></sup>`;
}

/**
 * Resolves the `[^key]` citations left in a question's HTML fields with `resolve`, which
 * returns the citation's HTML or undefined for an unknown key (reported by the caller; the
 * literal text stays).
 */
export function citeInQuestion<T>(
  value: T,
  resolve: (key: string, raw: string) => string | undefined,
): T {
  return mapHtmlFields(value, (html) =>
    html.replace(/\[\^([^\]\s]+)\]/g, (raw, key: string) => resolve(key, raw) ?? raw),
  );
}

/** One Marked instance for the whole toolchain; never global marked options. */
export const markdown = new Marked({ gfm: true, extensions: [citation] });

export function lex(text: string): Token[] {
  return markdown.lexer(text);
}

export function renderBlocks(tokens: Token[]): string {
  return markdown.parser(tokens);
}

export function renderInline(text: string): string {
  return markdown.parseInline(text) as string;
}

/** Plain text of inline Markdown, for LMS reports and accessible names. */
export function plainText(text: string): string {
  return htmlToText(renderInline(text));
}

function childrenOf(token: Token): Token[] | undefined {
  if (token.type === 'list') return (token as Tokens.List).items;
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
  }
  return 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : undefined;
}

/**
 * Visits every token with its offset in `text`. marked tokens carry no positions, so
 * children are found by searching their `raw` inside the parent's span; when a child's raw
 * was rewritten (inside a blockquote, say), the parent's offset is used.
 */
export function walkWithOffsets(
  tokens: Token[],
  text: string,
  start: number,
  end: number,
  visit: (token: Token, offset: number) => void,
): void {
  let cursor = start;
  for (const token of tokens) {
    const found = token.raw ? text.indexOf(token.raw, cursor) : -1;
    const offset = found >= 0 && found < end ? found : cursor;
    visit(token, offset);
    const children = childrenOf(token);
    if (children) {
      const childEnd = found >= 0 ? offset + token.raw.length : end;
      walkWithOffsets(children, text, offset, childEnd, visit);
    }
    if (found >= 0 && found < end) cursor = offset + token.raw.length;
  }
}
