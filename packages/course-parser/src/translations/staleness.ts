import { type Diagnostic, diagnosticAt, relatedAt } from '@teach-in/course-schema';
import { alignBlocks } from './align.ts';
import { lineStart, moduleBlocks } from './blocks.ts';
import type { ModuleSide } from './parity.ts';
import { stampComment } from './stamps.ts';

/** How much of a translated module is up to date with its source. */
export interface Freshness {
  /** Blocks of the source. */
  total: number;
  current: number;
  stale: number;
  unstamped: number;
  untranslated: number;
}

export interface StalenessResult {
  freshness: Freshness;
  diagnostics: Diagnostic[];
}

/**
 * Which translated blocks were made from the source block they now stand for. Pages align
 * by position (the parity check reports a missing one); inside a page the blocks align by
 * their stamps (alignBlocks), so one inserted source block does not make later ones stale.
 * `strict` makes stale, unstamped and untranslated blocks errors, for release builds.
 */
export function staleness(
  source: ModuleSide,
  translated: ModuleSide,
  strict: boolean,
  /** The stamp command for this course and language, for the hints. */
  stampCommand = 'teach-in translations stamp <course> --lang <lang>',
): StalenessResult {
  const freshness: Freshness = { total: 0, current: 0, stale: 0, unstamped: 0, untranslated: 0 };
  const diagnostics: Diagnostic[] = [];
  let firstUnstamped: number | undefined;
  const sp = source.blocks.pages;
  const tp = translated.blocks.pages;
  sp.forEach((page, index) => {
    freshness.total += page.blocks.length;
    const other = tp[index];
    if (!other) {
      freshness.untranslated += page.blocks.length;
      return;
    }
    const alignment = alignBlocks(
      page.blocks.map((b) => b.hash),
      other.blocks.map((b) => b.stamp?.hash),
    );
    alignment.translated.forEach((entry, i) => {
      const block = other.blocks[i];
      const from = entry.source === undefined ? undefined : page.blocks[entry.source];
      if (!block || !from) return;
      if (entry.state === 'current') freshness.current++;
      if (entry.state === 'unstamped') {
        freshness.unstamped++;
        firstUnstamped ??= block.offset;
      }
      if (entry.state !== 'stale') return;
      freshness.stale++;
      const where = source.source.position(from.offset);
      diagnostics.push(
        diagnosticAt('translation-stale', translated.source, block.offset, {
          message: `This ${block.kind} was translated from a version of its source block that has since changed (source: ${source.source.file}:${where.line}:${where.column})`,
          length: firstLineLength(block.raw),
          related: relatedAt(source.source, from.offset, 'the source block, as it is now'),
          hint: `Update the translation to match the source block; once every stale block is updated, run "${stampCommand} --all" to record that they are up to date again.`,
        }),
      );
    });
    for (const missing of alignment.untranslated) {
      const from = page.blocks[missing];
      if (!from) continue;
      freshness.untranslated++;
      const where = source.source.position(from.offset);
      const before = other.blocks.find((_, i) => (alignment.translated[i]?.source ?? -1) > missing);
      diagnostics.push(
        diagnosticAt(
          'translation-untranslated',
          translated.source,
          before?.offset ?? other.blocks.at(-1)?.offset ?? translated.blocks.bodyStart,
          {
            message: `The source's ${from.kind} at ${source.source.file}:${where.line}:${where.column} has no translation here`,
            related: relatedAt(source.source, from.offset, 'the untranslated source block'),
            hint: `Translate the block and place it at the same position, then run "${stampCommand}".`,
          },
        ),
      );
    }
  });
  if (firstUnstamped !== undefined) {
    diagnostics.push(
      diagnosticAt('translation-unstamped', translated.source, firstUnstamped, {
        message: `${freshness.unstamped} of ${freshness.total} blocks have no record of the source block they were translated from, so a later change of the source cannot be found`,
        hint: `Run "${stampCommand}" once the translation matches its source: it writes the source's hash before each block, so later changes are found.`,
      }),
    );
  }
  return {
    freshness,
    diagnostics: strict
      ? diagnostics.map((d) => ({ ...d, severity: 'error' as const }))
      : diagnostics,
  };
}

function firstLineLength(raw: string): number {
  const newline = raw.indexOf('\n');
  return newline < 0 ? raw.length : newline;
}

/**
 * The translated module's text with a stamp before each block that is aligned with a
 * source block: where it has none, or (`all`) everywhere, recording that the block now
 * matches the source as it is. Blocks with no source block keep what they have.
 */
export function stampModule(sourceText: string, translatedText: string, all: boolean): string {
  const source = moduleBlocks(sourceText);
  const translated = moduleBlocks(translatedText);
  const edits: { at: number; remove: number; insert: string }[] = [];
  translated.pages.forEach((page, index) => {
    const from = source.pages[index];
    if (!from) return;
    const alignment = alignBlocks(
      from.blocks.map((b) => b.hash),
      page.blocks.map((b) => b.stamp?.hash),
    );
    alignment.translated.forEach((entry, i) => {
      const block = page.blocks[i];
      const partner = entry.source === undefined ? undefined : from.blocks[entry.source];
      if (!block || !partner) return;
      if (block.stamp) {
        if (!all || block.stamp.hash === partner.hash) return;
        const comment = stampComment(block.stamp.hash);
        edits.push({
          at: block.stamp.offset,
          remove: comment.length,
          insert: stampComment(partner.hash),
        });
        return;
      }
      edits.push({
        at: lineStart(translatedText, block.offset),
        remove: 0,
        insert: `${stampComment(partner.hash)}\n`,
      });
    });
  });
  let text = translatedText;
  for (const edit of edits.sort((a, b) => b.at - a.at)) {
    text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
  }
  return text;
}
