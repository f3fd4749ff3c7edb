import type { Token, Tokens } from 'marked';
import { lex, plainText } from '../markdown.ts';
import type { DraftPage, ModuleRun } from './module-run.ts';
import { parseBlock } from './parse-blocks.ts';

/**
 * Stage 3: the body cut into pages at each level-1 or level-2 heading (a level-1 heading
 * before the first page is the module's title), every other top-level token handed to
 * `parseBlock` for the page it falls on. Text before the first heading is an
 * "Introduction" page titled like the module.
 */
export function splitPages(
  run: ModuleRun,
  bodyStart: number,
  module: { id: string; title: string },
): DraftPage[] {
  const tokens = lex(run.text.slice(bodyStart));
  const pages: DraftPage[] = [];
  const slugs = new Set<string>();
  const currentPage = (offset: number): DraftPage => {
    let page = pages.at(-1);
    if (!page) {
      page = {
        title: module.title,
        slug: uniqueSlug('introduction', slugs),
        headingOffset: offset,
        blocks: [],
        written: false,
      };
      pages.push(page);
    }
    return page;
  };

  walkTopLevel(tokens, run.text, bodyStart, (token, offset) => {
    if (token.type === 'space') return;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      if (heading.depth === 1 && pages.length === 0) return;
      if (heading.depth <= 2) {
        const title = plainText(heading.text);
        pages.push({
          title,
          slug: uniqueSlug(slugify(title), slugs),
          headingOffset: offset,
          blocks: [],
          written: false,
        });
        return;
      }
    }
    const page = currentPage(offset);
    page.written = true;
    parseBlock(run, page, token, offset, module.id);
  });
  return pages;
}

/** Top-level tokens with exact offsets: their raws follow each other in the body. */
function walkTopLevel(
  tokens: Token[],
  text: string,
  start: number,
  visit: (token: Token, offset: number) => void,
): void {
  let offset = start;
  for (const token of tokens) {
    const found = text.indexOf(token.raw, offset);
    const at = found >= 0 ? found : offset;
    visit(token, at);
    offset = at + token.raw.length;
  }
}

function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'page'
  );
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
