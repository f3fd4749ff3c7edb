import { type Block, diagnosticAt, type Page, referenceAnchor } from '@teach-in/course-schema';
import { citationHtml, citeInQuestion, renderBlocks, walkWithOffsets } from '../markdown.ts';
import { inlineChecker, type PlacedMedia } from './check-inline.ts';
import { splitAtMedia } from './media-blocks.ts';
import type { DraftPage, ModuleRun } from './module-run.ts';
import { pageCitations } from './resolve-citations.ts';

/**
 * Stage 5: a drafted page made final. Citations are numbered (in questions too), links,
 * images and media checked, prose and callouts rendered, placed media taken out as their
 * own blocks; a page with nothing under its heading, or media inside text, is reported.
 */
export function resolvePage(
  run: ModuleRun,
  draft: DraftPage,
  moduleId: string,
  sources: Record<string, string>,
): Page {
  const pageId = `${moduleId}/${draft.slug}`;
  const { cite, references } = pageCitations(run, sources);
  const placed: PlacedMedia = new Map();
  const checkInline = inlineChecker(run, pageId, cite, placed);
  const blocks: Block[] = [];
  for (const block of draft.blocks) {
    if (block.kind === 'question') {
      const question = citeInQuestion(block.block.question, (key, raw) => {
        const at = run.text.indexOf(raw, block.offset);
        const reference = cite(key, at >= 0 ? at : block.offset, raw.length);
        return reference && citationHtml(reference.number, referenceAnchor(pageId, key));
      });
      blocks.push({ kind: 'question', question });
      continue;
    }
    walkWithOffsets(block.tokens, run.text, block.offset, block.end, checkInline);
    if (block.kind === 'tokens') {
      blocks.push(...splitAtMedia(block.tokens, placed));
      continue;
    }
    const html = renderBlocks(block.tokens);
    if (block.variant === 'facilitator') blocks.push({ kind: 'facilitator', html });
    else blocks.push({ kind: 'callout', variant: block.variant, html });
  }
  for (const left of placed.values()) {
    run.diagnostics.push(
      diagnosticAt('media-not-alone', run.source, left.offset, { length: left.length }),
    );
  }
  if (!draft.written) {
    run.diagnostics.push(
      diagnosticAt('empty-page', run.source, draft.headingOffset, {
        message: `Page "${draft.title}" has no content`,
      }),
    );
  }
  return { id: pageId, title: draft.title, blocks, references };
}
