import { diagnosticAt, type Media, referenceAnchor } from '@teach-in/course-schema';
import type { Token, Tokens } from 'marked';
import { checkLink } from '../links.ts';
import type { CitationToken } from '../markdown.ts';
import { checkMedia, isExternalMedia, isMediaFile } from '../media.ts';
import { rawImages } from '../raw-html.ts';
import type { ModuleRun } from './module-run.ts';
import { removedHtmlDiagnostics } from './removed-html.ts';
import type { Cite } from './resolve-citations.ts';

/** Media placed on a page, by their image token, until they find their paragraph. */
export type PlacedMedia = Map<Token, { media?: Media; offset: number; length: number }>;

/**
 * Stage 5b: one inline token of prose or a callout, in place: a citation gets its number
 * and anchor, a link or image its checked href (the file is packaged), a video or audio
 * its media (and is noted in `placed`), raw HTML its warnings and checked images.
 */
export function inlineChecker(
  run: ModuleRun,
  pageId: string,
  cite: Cite,
  placed: PlacedMedia,
): (token: Token, offset: number) => void {
  const { context, source, diagnostics } = run;
  /** Packages a linked file; warns when its name would trouble some LMSs. */
  const useAsset = (asset: string, offset: number, length: number): void => {
    run.assets.add(asset);
    if (/^[A-Za-z0-9._/()-]+$/.test(asset)) return;
    diagnostics.push(
      diagnosticAt('unsafe-file-name', source, offset, {
        message: `File name "${asset}" has characters some LMSs reject`,
        length,
      }),
    );
  };
  /** Warns about what the sanitizer will remove; checks and packages raw images. */
  const checkRawHtml = (token: Tokens.HTML | Tokens.Tag, offset: number): void => {
    diagnostics.push(...removedHtmlDiagnostics(source, token.raw, offset, 'the package'));
    for (const image of rawImages(token.raw)) {
      const result = checkLink(image.src, 'image', context.file, context.courseDir);
      if (!result.ok) {
        diagnostics.push(
          diagnosticAt(result.code, source, offset + image.index, {
            message: result.message,
            length: image.tag.length,
            ...(result.hint ? { hint: result.hint } : {}),
          }),
        );
        continue;
      }
      token.text = token.text.split(image.tag).join(image.withSrc(result.href));
      if (result.asset) useAsset(result.asset, offset + image.index, image.tag.length);
    }
  };
  const checkMediaLink = (token: Tokens.Image, asset: string, offset: number): void => {
    const checked = checkMedia(asset, token.text, context.courseDir);
    for (const problem of checked.problems) {
      diagnostics.push(
        diagnosticAt(problem.code, source, offset, {
          message: problem.message,
          length: token.raw.length,
        }),
      );
    }
    for (const file of checked.assets) run.assets.add(file);
    placed.set(token, {
      ...(checked.media ? { media: checked.media } : {}),
      offset,
      length: token.raw.length,
    });
  };
  return (token, offset) => {
    if (token.type === 'citation') {
      const citation = token as CitationToken;
      const reference = cite(citation.key, offset, citation.raw.length);
      if (!reference) return;
      citation.number = reference.number;
      citation.anchor = referenceAnchor(pageId, citation.key);
    } else if (token.type === 'html') {
      checkRawHtml(token as Tokens.HTML | Tokens.Tag, offset);
    } else if (token.type === 'image' && isExternalMedia((token as Tokens.Image).href)) {
      const image = token as Tokens.Image;
      diagnostics.push(
        diagnosticAt('external-video', source, offset, {
          message: `"${image.href}" is video or audio from another site`,
          length: image.raw.length,
        }),
      );
    } else if (token.type === 'link' || token.type === 'image') {
      const link = token as Tokens.Link | Tokens.Image;
      const result = checkLink(link.href, token.type, context.file, context.courseDir);
      if (!result.ok) {
        diagnostics.push(
          diagnosticAt(result.code, source, offset, {
            message: result.message,
            length: link.raw.length,
            ...(result.hint ? { hint: result.hint } : {}),
          }),
        );
        return;
      }
      link.href = result.href;
      if (result.asset && token.type === 'image' && isMediaFile(result.asset)) {
        checkMediaLink(token as Tokens.Image, result.asset, offset);
      }
      if (result.asset) useAsset(result.asset, offset, link.raw.length);
    }
  };
}
