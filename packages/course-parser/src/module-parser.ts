/**
 * One module file to the model. The stages run in the order they read (module-stages/):
 *
 *   normalize -> readFrontMatter -> checkDepth -> splitPages (parseBlock: questions,
 *   callouts, prose) -> resolvePage (citations, links, media) -> checkPools -> assemble
 *
 * Every stage adds its problems to the run's diagnostics; none stops the others, so an
 * author sees every problem of the file at once.
 */
import {
  type Diagnostic,
  diagnosticAt,
  type FrontMatter,
  type Module,
  type Page,
  SourceText,
} from '@teach-in/course-schema';
import { checkPools } from './module-stages/check-pools.ts';
import type { ModuleContext, ModuleRun, QuestionSite } from './module-stages/module-run.ts';
import { type FrontMatterRead, readFrontMatter } from './module-stages/read-front-matter.ts';
import { resolvePage } from './module-stages/resolve-page.ts';
import { splitPages } from './module-stages/split-pages.ts';
import { deepestLine, isStackOverflow, maxNesting, tooDeep } from './nesting.ts';
import { normalizeText } from './source-file.ts';
import { blankStamps } from './translations/stamps.ts';

export type { ModuleContext, QuestionSite } from './module-stages/module-run.ts';

export interface ParsedModule {
  module?: Module;
  diagnostics: Diagnostic[];
  assets: string[];
  questionSites: QuestionSite[];
  /** Where the module's id is written, for duplicate checks across the course. */
  idSite?: QuestionSite;
}

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
  const run: ModuleRun = {
    context,
    source: new SourceText(context.displayPath, normalized),
    text: normalized,
    diagnostics: [],
    assets: new Set(),
    questionSites: [],
    poolUses: [],
  };
  const front = readFrontMatter(run);
  if (!front) return { diagnostics: run.diagnostics, assets: [], questionSites: run.questionSites };
  const { meta } = front;
  const moduleId = meta?.id ?? 'module';
  if (!checkDepth(run, front.bodyStart)) {
    return { diagnostics: run.diagnostics, assets: [], questionSites: run.questionSites };
  }
  const drafts = splitPages(run, front.bodyStart, { id: moduleId, title: meta?.title ?? 'Module' });
  if (drafts.length === 0) {
    run.diagnostics.push(
      diagnosticAt('empty-module', run.source, front.yamlStart + front.yamlText.length, {
        message: `Module "${moduleId}" has no pages`,
        length: 3,
      }),
    );
  }
  const sources = { ...context.courseSources, ...(meta?.sources ?? {}) };
  const pages = drafts.map((draft) => resolvePage(run, draft, moduleId, sources));
  if (meta) {
    run.diagnostics.push(
      ...checkPools(meta.pools ?? {}, run.poolUses, moduleId, run.source, front.yaml),
    );
  }
  // Reading order: quiz and callout problems are found before those in the prose between them.
  run.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const assets = [...run.assets];
  if (!meta) return { diagnostics: run.diagnostics, assets, questionSites: run.questionSites };
  return {
    module: assemble(meta, context, pages),
    diagnostics: run.diagnostics,
    assets,
    questionSites: run.questionSites,
    idSite: idSiteOf(run, front, meta),
  };
}

/** Stage 2: Markdown nested too deep for marked is reported, and the body left unread. */
function checkDepth(run: ModuleRun, bodyStart: number): boolean {
  const deep = tooDeep(run.text, bodyStart);
  if (!deep) return true;
  run.diagnostics.push(
    diagnosticAt('markdown-too-deep', run.source, deep.offset, {
      message: `Markdown nested ${deep.depth} levels deep; at most ${maxNesting} are read, so the module's text was not read`,
    }),
  );
  return false;
}

/** Stage 7: the module in the model, its pools keyed `<module id>/<pool key>`. */
function assemble(meta: FrontMatter, context: ModuleContext, pages: Page[]): Module {
  return {
    id: meta.id,
    title: meta.title,
    ...(meta.minutes === undefined ? {} : { minutes: meta.minutes }),
    objectives: meta.objectives ?? [],
    file: context.relativePath,
    pages,
    pools: Object.fromEntries(
      Object.entries(meta.pools ?? {}).map(([key, pool]) => [`${meta.id}/${key}`, pool]),
    ),
  };
}

function idSiteOf(run: ModuleRun, front: FrontMatterRead, meta: FrontMatter): QuestionSite {
  const idAt = front.yaml.locate(['id']);
  return { id: meta.id, source: run.source, offset: idAt.offset, length: idAt.length };
}
