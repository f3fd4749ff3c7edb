import path from 'node:path';
import {
  type Course,
  type CourseFile,
  type Diagnostic,
  diagnosticAt,
  type Module,
  relatedAt,
  SourceText,
  type TranslationStatus,
  translatedCourseSchema,
  type Workshop,
} from '@teach-in/course-schema';
import { isFile } from '../course-fs.ts';
import { lex, renderBlocks, renderInline } from '../markdown.ts';
import { parseModule } from '../module-parser.ts';
import { readSource, staysInside } from '../source-file.ts';
import { parseWorkshop } from '../workshop-parser.ts';
import { parseYaml, validateYaml, type YamlResult } from '../yaml-source.ts';
import { moduleBlocks } from './blocks.ts';
import { moduleParity, workshopParity } from './parity.ts';
import { type Freshness, staleness } from './staleness.ts';

/** A source module as the course loader read it. */
export interface SourceModule {
  /** As listed under `modules:`. */
  entry: string;
  /** Its index under `modules:`. */
  index: number;
  file: string;
  displayPath: string;
  text: string;
  module: Module;
}

/** How up to date each module of one translation is. */
export interface TranslationReport {
  language: string;
  status?: TranslationStatus;
  modules: { file: string; freshness: Freshness }[];
}

export interface TranslationInput {
  dir: string;
  file: CourseFile;
  parsed: YamlResult;
  source: SourceText;
  course: Course;
  sourceModules: readonly SourceModule[];
  display: (file: string) => string;
  strict: boolean;
}

/** The path of a file's translation: in a folder named for the language, beside it. */
export function translatedPath(entry: string, language: string): string {
  return path.posix.join(path.posix.dirname(entry), language, path.posix.basename(entry));
}

/**
 * Loads every language listed under `translations:` as a course of its own (same ids,
 * tracking and theme; translated text), checking each file against its source: parity
 * (errors) and staleness (warnings, or errors when `strict`).
 */
export function loadTranslations(input: TranslationInput): {
  translations: Course[];
  reports: TranslationReport[];
  diagnostics: Diagnostic[];
} {
  const translations: Course[] = [];
  const reports: TranslationReport[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  (input.file.translations ?? []).forEach((language, index) => {
    const at = input.parsed.locate(['translations', index]);
    if (language === input.file.language.split('-')[0]) {
      diagnostics.push(
        diagnosticAt('translation-same-language', input.source, at.offset, {
          message: `"${language}" is the course's own language`,
          length: at.length,
        }),
      );
      return;
    }
    if (seen.has(language)) return;
    seen.add(language);
    const loaded = loadLanguage(input, language, at);
    diagnostics.push(...loaded.diagnostics);
    reports.push(loaded.report);
    if (loaded.course) translations.push(loaded.course);
  });
  return { translations, reports, diagnostics };
}

function loadLanguage(
  input: TranslationInput,
  language: string,
  at: { offset: number; length: number },
): { course?: Course; report: TranslationReport; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: TranslationReport = { language, modules: [] };
  /** Reads a translated file, or says at the language's entry in course.yaml that it is missing. */
  const readTranslated = (relative: string, related?: { offset: number; what: string }) => {
    const file = path.join(input.dir, relative);
    const display = input.display(file);
    if (!isFile(file) || !staysInside(file, input.dir)) {
      diagnostics.push(
        diagnosticAt('missing-translation-file', input.source, at.offset, {
          message: `The "${language}" translation has no ${relative} (${display})`,
          length: at.length,
          ...(related ? { related: relatedAt(input.source, related.offset, related.what) } : {}),
        }),
      );
      return undefined;
    }
    const read = readSource(file, display);
    diagnostics.push(...read.diagnostics);
    return read.text === undefined ? undefined : { file, display, text: read.text };
  };

  const courseText = readTranslated(path.posix.join(language, 'course.yaml'));
  const fields = courseText ? courseFields(courseText, input, diagnostics) : undefined;
  if (fields) report.status = fields.status;

  const modules: Module[] = [];
  const assets = new Set(input.course.assets.filter((asset) => asset === input.course.union?.logo));
  for (const source of input.sourceModules) {
    const entryAt = input.parsed.locate(['modules', source.index]);
    const read = readTranslated(translatedPath(source.entry, language), {
      offset: entryAt.offset,
      what: 'the source module is listed here',
    });
    if (!read) continue;
    const parsed = parseModule(read.text, {
      // Links resolve as from the source file: the translation uses the same targets.
      file: source.file,
      displayPath: read.display,
      relativePath: path.relative(input.dir, read.file).split(path.sep).join('/'),
      courseDir: input.dir,
      courseSources: input.file.sources ?? {},
    });
    diagnostics.push(...parsed.diagnostics);
    for (const asset of parsed.assets) assets.add(asset);
    if (parsed.module) modules.push(parsed.module);
    const sourceSide = {
      source: new SourceText(source.displayPath, source.text),
      blocks: moduleBlocks(source.text),
    };
    const normalized = new SourceText(read.display, read.text);
    const translatedSide = { source: normalized, blocks: moduleBlocks(read.text) };
    diagnostics.push(...moduleParity(sourceSide, translatedSide));
    const stampCommand = `teach-in translations stamp ${input.display(input.dir) || '.'} --lang ${language}`;
    const fresh = staleness(sourceSide, translatedSide, input.strict, stampCommand);
    diagnostics.push(...fresh.diagnostics);
    report.modules.push({ file: source.entry, freshness: fresh.freshness });
  }

  let workshop: Workshop | undefined;
  if (input.course.workshop && input.file.workshop) {
    const read = readTranslated(translatedPath(input.file.workshop, language), {
      offset: input.parsed.locate(['workshop']).offset,
      what: 'the source workshop is named here',
    });
    const sourceFile = path.join(input.dir, input.file.workshop);
    const sourceText = read ? readSource(sourceFile, input.display(sourceFile)).text : undefined;
    if (read && sourceText !== undefined) {
      const parsed = parseWorkshop(read.text, read.display);
      diagnostics.push(...parsed.diagnostics);
      diagnostics.push(
        ...workshopParity(
          {
            source: new SourceText(input.display(sourceFile), sourceText),
            blocks: moduleBlocks(sourceText),
          },
          { source: new SourceText(read.display, read.text), blocks: moduleBlocks(read.text) },
        ),
      );
      const sections = input.course.workshop.sections;
      // "Handout:" is the source's word: a translated section is a handout where its source is.
      if (parsed.workshop) {
        workshop = {
          ...parsed.workshop,
          sections: parsed.workshop.sections.map((section, i) => ({
            ...section,
            handout: sections[i]?.handout ?? section.handout,
          })),
        };
      }
    }
  }

  const complete =
    fields !== undefined &&
    modules.length === input.sourceModules.length &&
    (workshop !== undefined || !input.course.workshop);
  if (!complete) return { report, diagnostics };
  const { translations: _sourceOnly, ...shared } = input.course;
  const nextHtml = fields.end?.next
    ? renderBlocks(lex(fields.end.next))
    : input.course.end.nextHtml;
  const course: Course = {
    ...shared,
    title: fields.title,
    language,
    ...(fields.audience ? { audience: fields.audience } : {}),
    ...(fields.description ? { description: fields.description } : {}),
    end: { ...(nextHtml ? { nextHtml } : {}), certificate: input.course.end.certificate },
    modules,
    assets: [...assets].sort(),
    glossary: Object.values(fields.glossary ?? {}).map((entry) => ({
      term: entry.term,
      definitionHtml: renderInline(entry.definition),
    })),
    ...(workshop ? { workshop } : {}),
    edition: {
      sourceLanguage: input.file.language,
      languages: [input.file.language, ...new Set(input.file.translations)],
      status: fields.status,
    },
  };
  if (!workshop) delete course.workshop;
  if (!fields.audience) delete course.audience;
  if (!fields.description) delete course.description;
  return { course, report, diagnostics };
}

/** `<lang>/course.yaml`, validated, with its glossary keyed as the source's. */
function courseFields(
  read: { display: string; text: string },
  input: TranslationInput,
  diagnostics: Diagnostic[],
) {
  const source = new SourceText(read.display, read.text);
  const parsed = parseYaml({ source, start: 0, text: read.text });
  diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.length > 0) return undefined;
  const checked = validateYaml(translatedCourseSchema, parsed, source, `${read.display}`);
  diagnostics.push(...checked.diagnostics);
  const fields = checked.value;
  if (!fields) return undefined;
  const sourceKeys = Object.keys(input.file.glossary ?? {});
  const keys = Object.keys(fields.glossary ?? {});
  for (const key of keys) {
    if (sourceKeys.includes(key)) continue;
    const at = parsed.locate(['glossary', key], 'key');
    diagnostics.push(
      diagnosticAt('translation-glossary-mismatch', source, at.offset, {
        message: `Glossary key "${key}" is not a term of the source glossary`,
        length: at.length,
        related: relatedAt(
          input.source,
          input.parsed.locate(['glossary']).offset,
          'the source glossary',
        ),
      }),
    );
  }
  for (const key of sourceKeys) {
    if (keys.includes(key)) continue;
    const at = fields.glossary ? parsed.locate(['glossary'], 'key') : { offset: 0, length: 1 };
    diagnostics.push(
      diagnosticAt('translation-glossary-mismatch', source, at.offset, {
        message: `The source glossary's term "${key}" has no translation here`,
        length: at.length,
        related: relatedAt(
          input.source,
          input.parsed.locate(['glossary', key], 'key').offset,
          'the source term',
        ),
      }),
    );
  }
  for (const field of ['audience', 'description'] as const) {
    if (Boolean(input.file[field]) === Boolean(fields[field])) continue;
    const has = Boolean(fields[field]);
    const at = has ? parsed.locate([field], 'key') : { offset: 0, length: 1 };
    diagnostics.push(
      diagnosticAt('translation-field-mismatch', source, at.offset, {
        message: has
          ? `"${field}" is not in the source course.yaml`
          : `The source course.yaml has "${field}": translate it here`,
        length: at.length,
        related: relatedAt(
          input.source,
          has ? 0 : input.parsed.locate([field], 'key').offset,
          'the source course.yaml',
        ),
      }),
    );
  }
  return fields;
}
