/**
 * The Course model: what the parser produces and the builder and runtime consume.
 * Plain data (JSON-safe), so browser packages can import these types without zod.
 */
import type { Question } from './question-model.ts';
import type { CourseTheme } from './themes.ts';

export type CompletionRule = 'all-pages' | 'assessment-passed' | 'both';

export interface Course {
  id: string;
  version: string;
  title: string;
  language: string;
  audience?: string;
  description?: string;
  /** Percent, 0..100. */
  passingScore: number;
  completion: CompletionRule;
  /** Built-in theme with the union's colours applied, contrast checked. */
  theme: CourseTheme;
  /** The summary page's "what to do next" (HTML, not yet sanitized) and the certificate. */
  end: { nextHtml?: string; certificate: boolean };
  /** The union's name and logo (a file in `assets`), shown in the header. */
  union?: { name: string; logo?: string };
  modules: Module[];
  /** Absolute folder that holds course.yaml. */
  dir: string;
  /** Local files the content links to, relative to `dir`, sorted. */
  assets: string[];
  /** Terms and their definitions (inline HTML), in authored order. */
  glossary: GlossaryEntry[];
  /** The in-person session plan and handouts, for the facilitator guide. */
  workshop?: Workshop;
  /** YYYY-MM-DD: when the legal content was last checked against its sources. */
  checked?: string;
  /** YYYY-MM-DD: when the legal content is due to be checked again. */
  recheck?: string;
  /** On a source course: each translation listed in course.yaml that loaded, as a course. */
  translations?: Course[];
  /** On a translated course: which language it was translated from, and its review status. */
  edition?: TranslationEdition;
}

/** What makes a translated course one: its source language and whether a native speaker reviewed it. */
export interface TranslationEdition {
  sourceLanguage: string;
  /** Every language of the course, the source first: the offline copy links them. */
  languages: string[];
  status: 'awaiting-native-review' | 'reviewed';
}

export interface Workshop {
  title: string;
  minutes: number;
  audience?: string;
  /** Sections split at level-2 headings; `Handout: ...` sections print on their own pages. */
  sections: WorkshopSection[];
}

export interface WorkshopSection {
  title: string;
  /** Not yet sanitized. */
  html: string;
  handout: boolean;
}

export interface GlossaryEntry {
  term: string;
  definitionHtml: string;
}

export interface Module {
  id: string;
  title: string;
  minutes?: number;
  objectives: string[];
  /** Source file, relative to the course folder. */
  file: string;
  pages: Page[];
  /** Question pools by `<module id>/<pool key>`: how many questions to draw. */
  pools: Record<string, { draw: number }>;
}

export interface Page {
  /** `<module-id>/<heading-slug>`; unique in the course. */
  id: string;
  title: string;
  blocks: Block[];
  /** Sources cited on this page, in order of first citation. */
  references: Reference[];
}

export interface Reference {
  key: string;
  number: number;
  text: string;
}

/** Block kinds; `as const` so every renderer handles every kind. */
export type Block =
  | { kind: 'prose'; html: string }
  | { kind: 'callout'; variant: CalloutVariant; html: string }
  | { kind: 'facilitator'; html: string }
  | { kind: 'question'; question: Question }
  | { kind: 'media'; media: Media };

/**
 * A video or an audio file in the course folder, placed with image syntax on a line of its
 * own. Paths are package paths (relative to the course folder, URL-encoded).
 */
export type Media =
  | {
      type: 'video';
      title: string;
      src: string;
      mime: string;
      /** WebVTT captions beside the video: required (WCAG 2.2 AA 1.2.2). */
      captions: string;
      /** The captions' text: the offline copy inlines it (browsers load no track from file://). */
      captionsVtt: string;
      poster?: string;
    }
  | {
      type: 'audio';
      title: string;
      src: string;
      mime: string;
      /** The transcript beside the audio file, rendered from Markdown (not yet sanitized). */
      transcriptHtml: string;
    };

export const calloutVariants = ['note', 'tip', 'important', 'warning'] as const;
export type CalloutVariant = (typeof calloutVariants)[number];

/** The formats a course can be exported to. */
export const exportFormats = ['scorm12', 'scorm2004', 'cmi5', 'web', 'guide'] as const;
export type ExportFormat = (typeof exportFormats)[number];
/** Which LMS a package's runtime talks to (its tracker): the one list every package uses. */
export const lmsKinds = ['scorm12', 'scorm2004', 'cmi5', 'standalone', 'workshop'] as const;
export type LmsKind = (typeof lmsKinds)[number];
/** The two SCORM editions among them. */
export type ScormVersion = Extract<LmsKind, 'scorm12' | 'scorm2004'>;

/**
 * The certificate's contract between the builder, which writes it as `data-certificate` on
 * <ti-course>, and the shell, which reads it: what the certificate shows besides the
 * learner's name and the date (the shell adds those).
 */
export interface CertificateData {
  title: string;
  union?: string;
  logo?: string;
  courseId: string;
  version: string;
  code: string;
}
