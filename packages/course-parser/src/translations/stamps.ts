import { createHash } from 'node:crypto';

/**
 * The staleness record of a translated block: `<!-- ti-source: 1a2b3c4d -->` on the line
 * just before the block, holding the hash of the source block it was translated from.
 * The tool writes it (`teach-in translations stamp`); translators never do.
 */
export const stampPattern = /^<!-- ti-source: ([0-9a-f]{8}) -->[ \t]*$/gm;

export function stampComment(hash: string): string {
  return `<!-- ti-source: ${hash} -->`;
}

/**
 * A block's hash: the first 8 hex digits of SHA-256 over its Markdown with trailing blanks
 * removed, so re-flowing the whitespace after a block does not make its translation stale.
 */
export function blockHash(raw: string): string {
  const text = raw.replace(/[ \t]+$/gm, '').replace(/\s+$/, '');
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

export interface Stamp {
  hash: string;
  /** Offset of the comment. */
  offset: number;
  /** Offset of the line after it, where its block starts. */
  blockStart: number;
}

/** The stamps in a file, by where the block each records starts. */
export function findStamps(text: string): Map<number, Stamp> {
  const found = new Map<number, Stamp>();
  for (const match of text.matchAll(stampPattern)) {
    const end = match.index + match[0].length;
    const blockStart = text[end] === '\n' ? end + 1 : end;
    found.set(blockStart, { hash: match[1] ?? '', offset: match.index, blockStart });
  }
  return found;
}

/**
 * The text with each stamp replaced by blanks of the same length: Markdown then reads a
 * blank line, so the stamp is neither content nor raw HTML, and every offset stays put.
 */
export function blankStamps(text: string): string {
  if (!text.includes('<!-- ti-source:')) return text;
  return text.replace(stampPattern, (comment) => ' '.repeat(comment.length));
}
