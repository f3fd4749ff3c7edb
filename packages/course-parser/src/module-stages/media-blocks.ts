import type { Block, Media } from '@teach-in/course-schema';
import type { Token, Tokens } from 'marked';
import { renderBlocks } from '../markdown.ts';

/**
 * Prose with each paragraph that holds only a placed video or audio taken out as a media
 * block. The media found this way leave `placed`; any left over stood inside text, a list or
 * a callout, where a player cannot go.
 */
export function splitAtMedia(tokens: Token[], placed: Map<Token, { media?: Media }>): Block[] {
  const blocks: Block[] = [];
  let prose: Token[] = [];
  const flush = () => {
    if (prose.length > 0) blocks.push({ kind: 'prose', html: renderBlocks(prose) });
    prose = [];
  };
  for (const token of tokens) {
    const inline =
      token.type === 'paragraph'
        ? (token as Tokens.Paragraph).tokens.filter((t) => !(t.type === 'text' && !t.raw.trim()))
        : [];
    const only = inline.length === 1 ? inline[0] : undefined;
    const entry = only && placed.get(only);
    if (!only || !entry) {
      prose.push(token);
      continue;
    }
    placed.delete(only);
    flush();
    if (entry.media) blocks.push({ kind: 'media', media: entry.media });
  }
  if (prose.length > 0 || blocks.length === 0)
    blocks.push({ kind: 'prose', html: renderBlocks(prose) });
  return blocks;
}
