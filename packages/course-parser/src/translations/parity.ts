import {
  type Diagnostic,
  type DiagnosticCode,
  diagnosticAt,
  relatedAt,
  type SourceText,
} from '@teach-in/course-schema';
import { parseYaml, type YamlResult } from '../yaml-source.ts';
import type { BlockPage, ModuleBlock, ModuleBlocks } from './blocks.ts';
import { compareStructure } from './structure.ts';

/** One side of the comparison: a module file, its text and its blocks. */
export interface ModuleSide {
  source: SourceText;
  blocks: ModuleBlocks;
}

/**
 * Every way a translated module differs from its source in what must stay the same: front
 * matter fields, pages, blocks, questions, citations and linked files. Each diagnostic points
 * into the translation and names the source's place as its related location.
 */
export function moduleParity(source: ModuleSide, translated: ModuleSide): Diagnostic[] {
  const report = new ParityReport(source, translated);
  report.frontMatter();
  report.pages();
  return report.diagnostics;
}

/**
 * A translated workshop kit: the same front matter (minutes) and the same sections, in
 * the same order. Its text inside a section is the organizer's, so blocks are not compared.
 */
export function workshopParity(source: ModuleSide, translated: ModuleSide): Diagnostic[] {
  const report = new ParityReport(source, translated);
  report.frontMatter();
  report.pages(false);
  return report.diagnostics;
}

class ParityReport {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly src: ModuleSide,
    private readonly tr: ModuleSide,
  ) {}

  private add(
    code: DiagnosticCode,
    offset: number,
    message: string,
    sourceOffset: number,
    length = 1,
  ): void {
    const where = this.src.source.position(sourceOffset);
    this.diagnostics.push(
      diagnosticAt(code, this.tr.source, offset, {
        message: `${message} (source: ${this.src.source.file}:${where.line}:${where.column})`,
        length,
        related: relatedAt(this.src.source, sourceOffset, 'the source has it here'),
      }),
    );
  }

  frontMatter(): void {
    const s = this.src.blocks.yaml;
    const t = this.tr.blocks.yaml;
    if (!s || !t) return;
    const sy = parseYaml({ source: this.src.source, ...s });
    const ty = parseYaml({ source: this.tr.source, ...t });
    if (sy.diagnostics.length > 0 || ty.diagnostics.length > 0) return;
    for (const difference of compareStructure(sy.data, ty.data)) {
      // Module-level sources are a bibliography: their texts are not translated, and
      // their keys are checked through the citations.
      if (difference.path[0] === 'sources') continue;
      const at = ty.locate(difference.path);
      const from = sy.locate(difference.path);
      this.add(
        'translation-field-mismatch',
        at.offset,
        `Front matter: ${difference.message}`,
        from.offset,
        at.length,
      );
    }
  }

  pages(blockByBlock = true): void {
    const sp = this.src.blocks.pages;
    const tp = this.tr.blocks.pages;
    if (sp.length !== tp.length) {
      const extra = sp.length < tp.length;
      const offset = extra ? headingOffset(tp[sp.length], this.tr) : endOffset(tp.at(-1), this.tr);
      const sourceOffset = extra
        ? endOffset(sp.at(-1), this.src)
        : headingOffset(sp[tp.length], this.src);
      this.add(
        'translation-page-mismatch',
        offset,
        `The translation has ${tp.length - 1} headings that start pages; the source has ${sp.length - 1}`,
        sourceOffset,
      );
    }
    const common = Math.min(sp.length, tp.length);
    for (let i = 0; i < common; i++) {
      const s = sp[i] as BlockPage;
      const t = tp[i] as BlockPage;
      if (i > 0 && s.headingDepth !== t.headingDepth) {
        this.add(
          'translation-page-mismatch',
          headingOffset(t, this.tr),
          `This heading is level ${t.headingDepth}; the source's is level ${s.headingDepth}`,
          headingOffset(s, this.src),
        );
      }
      if (!blockByBlock) continue;
      this.blocks(s, t);
      this.questions(s, t);
      this.references(s, t, citationsIn, 'translation-citation-mismatch', 'citation');
      this.references(s, t, targetsIn, 'translation-media-mismatch', 'link or media file');
    }
  }

  private blocks(s: BlockPage, t: BlockPage): void {
    const count = Math.max(s.blocks.length, t.blocks.length);
    for (let i = 0; i < count; i++) {
      const a = s.blocks[i];
      const b = t.blocks[i];
      if (a && b && a.kind === b.kind) continue;
      const offset = b ? b.offset : endOffset(t, this.tr);
      const sourceOffset = a ? a.offset : endOffset(s, this.src);
      const message = !a
        ? `This page has ${t.blocks.length} blocks; the source's has ${s.blocks.length}: block ${i + 1} (${b?.kind}) has no source block`
        : !b
          ? `This page has ${t.blocks.length} blocks; the source's has ${s.blocks.length}: block ${i + 1} (${a.kind}) is not translated`
          : s.blocks.length === t.blocks.length
            ? `Block ${i + 1} of this page is a ${b.kind}; in the source it is a ${a.kind}`
            : `This page has ${t.blocks.length} blocks; the source's has ${s.blocks.length}: from block ${i + 1} on they differ (here a ${b.kind}, in the source a ${a.kind})`;
      this.add('translation-block-mismatch', offset, message, sourceOffset);
      // One report per page: after the first difference every later block is shifted.
      return;
    }
  }

  private questions(s: BlockPage, t: BlockPage): void {
    const sq = quizzes(s, this.src);
    const tq = quizzes(t, this.tr);
    for (const [id, question] of sq) {
      const match = tq.get(id);
      if (!match) {
        const at = question.yaml.locate(['id']);
        this.add(
          'translation-question-mismatch',
          headingOffset(t, this.tr),
          `Question "${id}" of the source is missing from this page of the translation`,
          at.offset,
        );
        continue;
      }
      for (const difference of compareStructure(question.yaml.data, match.yaml.data)) {
        const at = match.yaml.locate(difference.path);
        const from = question.yaml.locate(difference.path);
        this.add(
          'translation-question-mismatch',
          at.offset,
          `Question "${id}": ${difference.message}`,
          from.offset,
          at.length,
        );
      }
    }
    for (const [id, question] of tq) {
      if (sq.has(id)) continue;
      const at = question.yaml.locate(['id']);
      this.add(
        'translation-question-mismatch',
        at.offset,
        `Question "${id}" is not on this page of the source`,
        headingOffset(s, this.src),
        at.length,
      );
    }
  }

  /** Citations, or link and media targets: the same ones on each page, as often. */
  private references(
    s: BlockPage,
    t: BlockPage,
    find: (block: ModuleBlock) => { value: string; offset: number }[],
    code: DiagnosticCode,
    what: string,
  ): void {
    const left = s.blocks.flatMap(find);
    for (const found of t.blocks.flatMap(find)) {
      const index = left.findIndex((l) => l.value === found.value);
      if (index >= 0) {
        left.splice(index, 1);
        continue;
      }
      this.add(
        code,
        found.offset,
        `The ${what} "${found.value}" is not on this page of the source`,
        headingOffset(s, this.src),
        found.value.length,
      );
    }
    for (const missing of left) {
      this.add(
        code,
        headingOffset(t, this.tr),
        `The ${what} "${missing.value}" of the source is missing from this page of the translation`,
        missing.offset,
      );
    }
  }
}

interface Quiz {
  yaml: YamlResult;
}

/** The quiz blocks of a page that parse, by id (a broken one is reported by the parser). */
function quizzes(page: BlockPage, side: ModuleSide): Map<string, Quiz> {
  const found = new Map<string, Quiz>();
  for (const block of page.blocks) {
    if (!block.yaml) continue;
    const yaml = parseYaml({ source: side.source, ...block.yaml });
    const data = yaml.data as { id?: unknown } | undefined;
    if (yaml.diagnostics.length > 0 || typeof data?.id !== 'string') continue;
    if (!found.has(data.id)) found.set(data.id, { yaml });
  }
  return found;
}

function citationsIn(block: ModuleBlock): { value: string; offset: number }[] {
  return [...block.raw.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => ({
    value: m[1] ?? '',
    offset: block.offset + m.index + 2,
  }));
}

/** Link and image targets, `[text](target)` and `![alt](target)`; quiz YAML has none. */
function targetsIn(block: ModuleBlock): { value: string; offset: number }[] {
  if (block.kind === 'quiz') return [];
  return [...block.raw.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({
    value: m[1] ?? '',
    offset: block.offset + m.index + m[0].indexOf(m[1] ?? ''),
  }));
}

function headingOffset(page: BlockPage | undefined, side: ModuleSide): number {
  return page?.blocks[0]?.offset ?? side.blocks.bodyStart;
}

function endOffset(page: BlockPage | undefined, side: ModuleSide): number {
  const last = page?.blocks.at(-1);
  return last ? last.offset : side.blocks.bodyStart;
}
