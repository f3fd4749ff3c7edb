import type { Tokens } from 'marked';
import { splitFrontMatter } from '../front-matter.ts';
import { lex } from '../markdown.ts';
import { blankStamps, blockHash, findStamps, type Stamp } from './stamps.ts';

/** What a top-level block is, as the parity check names it. */
export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'callout' | 'quiz' | 'other';

/** One top-level block of a module, with where it is and what it was translated from. */
export interface ModuleBlock {
  kind: BlockKind;
  /** Offset of the block's first character in the file. */
  offset: number;
  raw: string;
  hash: string;
  /** The staleness record before it, in a translation. */
  stamp?: Stamp;
  /** A quiz block: where its YAML starts and the YAML itself. */
  yaml?: { start: number; text: string };
}

/**
 * The blocks of one page. Page 0 holds what comes before the first `#`/`##` heading (the
 * module's `#` title, an introduction); every later page starts with its heading block,
 * as the module parser splits pages.
 */
export interface BlockPage {
  headingDepth?: number;
  blocks: ModuleBlock[];
}

export interface ModuleBlocks {
  /** Where the body starts (after the front matter). */
  bodyStart: number;
  yaml?: { start: number; text: string };
  pages: BlockPage[];
}

const calloutMarker = /^ {0,3}>[ \t]*\[![A-Za-z]+\]/;

function kindOf(token: Tokens.Generic): BlockKind {
  if (token.type === 'heading') return 'heading';
  if (token.type === 'paragraph') return 'paragraph';
  if (token.type === 'list') return 'list';
  if (token.type === 'table') return 'table';
  if (token.type === 'blockquote') return calloutMarker.test(token.raw) ? 'callout' : 'other';
  if (token.type === 'code' && (token as Tokens.Code).lang === 'quiz') return 'quiz';
  return 'other';
}

/**
 * Splits a module into pages of top-level blocks, with offsets in `text` (normalized) and
 * each block's hash. Unlike the module parser, consecutive paragraphs stay separate blocks:
 * this is the unit a translator translates and the staleness check compares.
 */
export function moduleBlocks(text: string): ModuleBlocks {
  const split = splitFrontMatter(text);
  const bodyStart = split?.bodyStart ?? 0;
  const stamps = findStamps(text);
  const blanked = blankStamps(text);
  const pages: BlockPage[] = [{ blocks: [] }];
  let cursor = bodyStart;
  for (const token of lex(blanked.slice(bodyStart))) {
    const found = blanked.indexOf(token.raw, cursor);
    const offset = found >= 0 ? found : cursor;
    cursor = offset + token.raw.length;
    if (token.type === 'space') continue;
    const raw = token.raw.replace(/\n+$/, '');
    const kind = kindOf(token);
    const block: ModuleBlock = { kind, offset, raw, hash: blockHash(raw) };
    const stamp = stamps.get(lineStart(text, offset));
    if (stamp) block.stamp = stamp;
    if (kind === 'quiz') {
      const newline = token.raw.indexOf('\n');
      block.yaml = { start: offset + newline + 1, text: (token as Tokens.Code).text };
    }
    const depth = kind === 'heading' ? (token as Tokens.Heading).depth : 99;
    // The module parser skips a `#` title before any content: it is not a page of its own.
    const title = depth === 1 && pages.length === 1 && pages[0]?.blocks.length === 0;
    const startsPage = depth <= 2 && !title;
    if (startsPage) pages.push({ headingDepth: depth, blocks: [block] });
    else pages.at(-1)?.blocks.push(block);
  }
  return {
    bodyStart,
    ...(split ? { yaml: { start: split.yamlStart, text: split.yamlText } } : {}),
    pages,
  };
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
