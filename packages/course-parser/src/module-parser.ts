import {
  type Block,
  type CalloutVariant,
  calloutVariants,
  type Diagnostic,
  diagnosticAt,
  didYouMean,
  frontMatterSchema,
  type Media,
  type Module,
  type Page,
  type Reference,
  SourceText,
} from '@teach-in/course-schema';
import type { Token, Tokens } from 'marked';
import { splitFrontMatter } from './front-matter.ts';
import { checkLink } from './links.ts';
import {
  type CitationToken,
  citationHtml,
  citeInQuestion,
  lex,
  plainText,
  renderBlocks,
  walkWithOffsets,
} from './markdown.ts';
import { checkMedia, isExternalMedia, isMediaFile } from './media.ts';
import { deepestLine, isStackOverflow, maxNesting, tooDeep } from './nesting.ts';
import { parseQuestion } from './question-parser.ts';
import { rawImages, removedHtml } from './raw-html.ts';
import { normalizeText } from './source-file.ts';
import { blankStamps } from './translations/stamps.ts';
import { parseYaml, validateYaml } from './yaml-source.ts';

export interface ModuleContext {
  /** Absolute path of the module file. */
  file: string;
  /** Path shown in diagnostics. */
  displayPath: string;
  /** Path relative to the course folder. */
  relativePath: string;
  courseDir: string;
  courseSources: Record<string, string>;
}

export interface QuestionSite {
  id: string;
  source: SourceText;
  offset: number;
  length: number;
}

export interface ParsedModule {
  module?: Module;
  diagnostics: Diagnostic[];
  assets: string[];
  questionSites: QuestionSite[];
  /** Where the module's id is written, for duplicate checks across the course. */
  idSite?: QuestionSite;
}

type DraftBlock =
  | { kind: 'tokens'; tokens: Token[]; offset: number; end: number }
  | {
      kind: 'callout';
      variant: CalloutVariant | 'facilitator';
      tokens: Token[];
      offset: number;
      end: number;
    }
  | { kind: 'question'; block: Extract<Block, { kind: 'question' }>; offset: number };

interface DraftPage {
  title: string;
  slug: string;
  headingOffset: number;
  blocks: DraftBlock[];
  /** Content was written under the heading, even if it failed to parse (no empty-page warning). */
  written: boolean;
}

const calloutMarker = /^ {0,3}>[ \t]*\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

/** Parses one module file into the model, collecting every problem rather than stopping at the first. */
export function parseModule(text: string, context: ModuleContext): ParsedModule {
  try {
    return parseModuleText(text, context);
  } catch (error) {
    // Nesting that the depth check lets through (deep emphasis, say) can still overflow
    // marked's recursion: the same error, at the line most likely to hold it.
    if (!isStackOverflow(error)) throw error;
    const normalized = normalizeText(text);
    const source = new SourceText(context.displayPath, normalized);
    return {
      diagnostics: [diagnosticAt('markdown-too-deep', source, deepestLine(normalized))],
      assets: [],
      questionSites: [],
    };
  }
}

function parseModuleText(text: string, context: ModuleContext): ParsedModule {
  // A translation's staleness stamps are the tool's records, not content or raw HTML.
  const normalized = blankStamps(normalizeText(text));
  const source = new SourceText(context.displayPath, normalized);
  const diagnostics: Diagnostic[] = [];
  const assets = new Set<string>();
  const questionSites: QuestionSite[] = [];
  const poolUses: { key: string; offset: number; length: number }[] = [];

  const split = splitFrontMatter(normalized);
  if (!split) {
    return {
      diagnostics: [diagnosticAt('missing-front-matter', source, 0)],
      assets: [],
      questionSites,
    };
  }
  const yaml = parseYaml({ source, start: split.yamlStart, text: split.yamlText });
  diagnostics.push(...yaml.diagnostics);
  const front =
    yaml.diagnostics.length === 0
      ? validateYaml(frontMatterSchema, yaml, source, 'front matter')
      : { diagnostics: [] };
  diagnostics.push(...front.diagnostics);
  const meta = front.value;
  const moduleId = meta?.id ?? 'module';
  const moduleTitle = meta?.title ?? 'Module';
  const sources = { ...context.courseSources, ...(meta?.sources ?? {}) };

  const deep = tooDeep(normalized, split.bodyStart);
  if (deep) {
    diagnostics.push(
      diagnosticAt('markdown-too-deep', source, deep.offset, {
        message: `Markdown nested ${deep.depth} levels deep; at most ${maxNesting} are read, so the module's text was not read`,
      }),
    );
    return { diagnostics, assets: [], questionSites };
  }
  const body = normalized.slice(split.bodyStart);
  const tokens = lex(body);
  const pages: DraftPage[] = [];
  const slugs = new Set<string>();
  const currentPage = (offset: number): DraftPage => {
    let page = pages.at(-1);
    if (!page) {
      page = {
        title: moduleTitle,
        slug: uniqueSlug('introduction', slugs),
        headingOffset: offset,
        blocks: [],
        written: false,
      };
      pages.push(page);
    }
    return page;
  };

  walkTopLevel(tokens, normalized, split.bodyStart, (token, offset) => {
    const end = offset + token.raw.length;
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
    if (token.type === 'code' && (token as Tokens.Code).lang === 'quiz') {
      if (!isClosedFence(token.raw)) {
        diagnostics.push(
          diagnosticAt('unclosed-quiz', source, offset, {
            message: 'This quiz block is never closed: the rest of the file was read as its YAML',
            length: token.raw.indexOf('\n') < 0 ? token.raw.length : token.raw.indexOf('\n'),
          }),
        );
        return;
      }
      const yamlStart = offset + token.raw.indexOf('\n') + 1;
      const parsed = parseQuestion(source, yamlStart, (token as Tokens.Code).text, moduleId);
      diagnostics.push(...parsed.diagnostics);
      // Question text is sanitized like prose: what is removed there is said here too.
      diagnostics.push(...removedHtmlDiagnostics(source, token.raw, offset, 'the question'));
      if (parsed.question) {
        page.blocks.push({
          kind: 'question',
          block: { kind: 'question', question: parsed.question },
          offset: yamlStart,
        });
        questionSites.push({
          id: parsed.question.id,
          source,
          ...(parsed.idSite ?? { offset, length: 1 }),
        });
        const pool = 'pool' in parsed.question ? parsed.question.pool : undefined;
        if (pool && parsed.poolSite) poolUses.push({ key: pool, ...parsed.poolSite });
      }
      return;
    }
    const marker = token.type === 'blockquote' ? calloutMarker.exec(token.raw) : null;
    if (marker) {
      const name = (marker[1] ?? '').toLowerCase();
      const known = [...calloutVariants, 'facilitator'] as const;
      const variant = known.find((v) => v === name);
      if (!variant) {
        const list = 'Callouts: [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!FACILITATOR].';
        const close = didYouMean(
          name.toUpperCase(),
          known.map((k) => k.toUpperCase()),
        );
        diagnostics.push(
          diagnosticAt('unknown-callout', source, offset + marker[0].indexOf('[!'), {
            message: `Unknown callout type "[!${marker[1]}]"`,
            // Without a close match, the list of callouts alone says it best.
            hint: close.startsWith('Did you mean') ? `${close} ${list}` : list,
            length: (marker[1] ?? '').length + 3,
          }),
        );
        return;
      }
      const inner = (token as Tokens.Blockquote).text.replace(/^[ \t]*\[![A-Za-z]+\][ \t]*\n?/, '');
      page.blocks.push({ kind: 'callout', variant, tokens: lex(inner), offset, end });
      return;
    }
    const last = page.blocks.at(-1);
    if (last?.kind === 'tokens') {
      last.tokens.push(token);
      last.end = end;
    } else {
      page.blocks.push({ kind: 'tokens', tokens: [token], offset, end });
    }
  });

  if (pages.length === 0) {
    diagnostics.push(
      diagnosticAt('empty-module', source, split.yamlStart + split.yamlText.length, {
        message: `Module "${moduleId}" has no pages`,
        length: 3,
      }),
    );
  }

  const finished: Page[] = pages.map((draft) => {
    const pageId = `${moduleId}/${draft.slug}`;
    const references: Reference[] = [];
    /** Numbers a citation on this page; reports an undefined key. */
    const cite = (key: string, offset: number, length: number): Reference | undefined => {
      const text = sources[key];
      if (text === undefined) {
        const define = 'Define it under "sources:" in the front matter or course.yaml.';
        diagnostics.push(
          diagnosticAt('undefined-citation', source, offset, {
            message: `Citation "[^${key}]" names a source that is not defined`,
            hint: `${didYouMean(key, Object.keys(sources))} ${define}`.trim(),
            length,
          }),
        );
        return undefined;
      }
      let reference = references.find((r) => r.key === key);
      if (!reference) {
        reference = { key, number: references.length + 1, text };
        references.push(reference);
      }
      return reference;
    };
    /** Packages a linked file; warns when its name would trouble some LMSs. */
    const useAsset = (asset: string, offset: number, length: number): void => {
      assets.add(asset);
      if (/^[A-Za-z0-9._/()-]+$/.test(asset)) return;
      diagnostics.push(
        diagnosticAt('unsafe-file-name', source, offset, {
          message: `File name "${asset}" has characters some LMSs reject`,
          length,
        }),
      );
    };
    /** Media placed on this page, by their image token, until they find their paragraph. */
    const placed = new Map<Token, { media?: Media; offset: number; length: number }>();
    const resolveInline = (token: Token, offset: number): void => {
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
          const checked = checkMedia(result.asset, (token as Tokens.Image).text, context.courseDir);
          for (const problem of checked.problems) {
            diagnostics.push(
              diagnosticAt(problem.code, source, offset, {
                message: problem.message,
                length: link.raw.length,
              }),
            );
          }
          for (const asset of checked.assets) assets.add(asset);
          placed.set(token, {
            ...(checked.media ? { media: checked.media } : {}),
            offset,
            length: link.raw.length,
          });
        }
        if (result.asset) useAsset(result.asset, offset, link.raw.length);
      }
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
    const blocks: Block[] = [];
    for (const block of draft.blocks) {
      if (block.kind === 'question') {
        const question = citeInQuestion(block.block.question, (key, raw) => {
          const at = normalized.indexOf(raw, block.offset);
          const reference = cite(key, at >= 0 ? at : block.offset, raw.length);
          return reference && citationHtml(reference.number, referenceAnchor(pageId, key));
        });
        blocks.push({ kind: 'question', question });
        continue;
      }
      walkWithOffsets(block.tokens, normalized, block.offset, block.end, resolveInline);
      if (block.kind === 'tokens') {
        blocks.push(...splitAtMedia(block.tokens, placed));
        continue;
      }
      const html = renderBlocks(block.tokens);
      if (block.variant === 'facilitator') blocks.push({ kind: 'facilitator', html });
      else blocks.push({ kind: 'callout', variant: block.variant, html });
    }
    for (const left of placed.values()) {
      diagnostics.push(
        diagnosticAt('media-not-alone', source, left.offset, { length: left.length }),
      );
    }
    if (!draft.written) {
      diagnostics.push(
        diagnosticAt('empty-page', source, draft.headingOffset, {
          message: `Page "${draft.title}" has no content`,
        }),
      );
    }
    return { id: pageId, title: draft.title, blocks, references };
  });

  if (meta) diagnostics.push(...checkPools(meta.pools ?? {}, poolUses, moduleId, source, yaml));

  // Reading order: quiz and callout problems are found before those in the prose between them.
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (!meta) return { diagnostics, assets: [...assets], questionSites };
  const module: Module = {
    id: meta.id,
    title: meta.title,
    ...(meta.minutes === undefined ? {} : { minutes: meta.minutes }),
    objectives: meta.objectives ?? [],
    file: context.relativePath,
    pages: finished,
    pools: Object.fromEntries(
      Object.entries(meta.pools ?? {}).map(([key, pool]) => [`${meta.id}/${key}`, pool]),
    ),
  };
  const idAt = yaml.locate(['id']);
  const idSite = { id: meta.id, source, offset: idAt.offset, length: idAt.length };
  return { module, diagnostics, assets: [...assets], questionSites, idSite };
}

/** A fenced block is closed by a fence of the same character, at least as long. */
function isClosedFence(raw: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!opening) return true;
  const char = opening[0] === '`' ? '`' : '~';
  return new RegExp(`\\n {0,3}\\${char}{${opening.length},}[ \\t]*\\n*$`).test(raw);
}

/** Every pool a question names is defined, and every pool has enough questions to draw. */
function checkPools(
  pools: Record<string, { draw: number }>,
  uses: readonly { key: string; offset: number; length: number }[],
  moduleId: string,
  source: SourceText,
  frontMatter: ReturnType<typeof parseYaml>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const keys = Object.keys(pools);
  for (const use of uses) {
    const key = use.key.slice(moduleId.length + 1);
    if (pools[key]) continue;
    diagnostics.push(
      diagnosticAt('unknown-pool', source, use.offset, {
        message: `Pool "${key}" is not defined in this module's front matter`,
        hint: `${didYouMean(key, keys)} Define it under "pools:" with "draw:", the number of questions to ask.`.trim(),
        length: use.length,
      }),
    );
  }
  for (const [key, pool] of Object.entries(pools)) {
    const count = uses.filter((use) => use.key === `${moduleId}/${key}`).length;
    if (pool.draw <= count) continue;
    const at = frontMatter.locate(['pools', key, 'draw']);
    diagnostics.push(
      diagnosticAt('pool-too-small', source, at.offset, {
        message: `Pool "${key}" draws ${pool.draw} questions but has ${count}`,
        length: at.length,
      }),
    );
  }
  return diagnostics;
}

export function referenceAnchor(pageId: string, key: string): string {
  return `src-${pageId.replace(/[^A-Za-z0-9_-]/g, '-')}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
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

/**
 * Prose with each paragraph that holds only a placed video or audio taken out as a media
 * block. The media found this way leave `placed`; any left over stood inside text, a list or
 * a callout, where a player cannot go.
 */
function splitAtMedia(tokens: Token[], placed: Map<Token, { media?: Media }>): Block[] {
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

/** One `raw-html-removed` warning for each tag or attribute the sanitizer will drop. */
function removedHtmlDiagnostics(
  source: SourceText,
  raw: string,
  offset: number,
  removedFrom: string,
): Diagnostic[] {
  return removedHtml(raw).map((removed) =>
    diagnosticAt('raw-html-removed', source, offset + removed.index, {
      message: `Raw HTML ${removed.what} is removed from ${removedFrom}`,
      hint: removed.hint,
      length: removed.length,
    }),
  );
}
