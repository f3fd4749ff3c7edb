/**
 * What the stages of `parseModule` share while one module is read: where it comes from, the
 * text, and what they collect (diagnostics, packaged files, question and pool sites). Each
 * stage adds to it; none returns early for another.
 */
import type { Block, CalloutVariant, Diagnostic, SourceText } from '@teach-in/course-schema';
import type { Token } from 'marked';

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

/** Where a question names its pool, to check the pool exists and is large enough. */
export interface PoolUse {
  key: string;
  offset: number;
  length: number;
}

export interface ModuleRun {
  context: ModuleContext;
  source: SourceText;
  /** The whole file, normalized (source-file.ts): every offset points into it. */
  text: string;
  diagnostics: Diagnostic[];
  assets: Set<string>;
  questionSites: QuestionSite[];
  poolUses: PoolUse[];
}

export type DraftBlock =
  | { kind: 'tokens'; tokens: Token[]; offset: number; end: number }
  | {
      kind: 'callout';
      variant: CalloutVariant | 'facilitator';
      tokens: Token[];
      offset: number;
      end: number;
    }
  | { kind: 'question'; block: Extract<Block, { kind: 'question' }>; offset: number };

/** A page as split from the body, before its citations, links and media are resolved. */
export interface DraftPage {
  title: string;
  slug: string;
  headingOffset: number;
  blocks: DraftBlock[];
  /** Content was written under the heading, even if it failed to parse (no empty-page warning). */
  written: boolean;
}
