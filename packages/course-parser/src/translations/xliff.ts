import {
  type Diagnostic,
  diagnosticAt,
  diagnosticForFile,
  SourceText,
} from '@teach-in/course-schema';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYamlText } from 'yaml';
import { type ModuleBlocks, moduleBlocks } from './blocks.ts';

/**
 * The translator exchange: XLIFF 2.0, one <file> per module and one <unit> per translatable
 * piece, in the module's own order: its front matter, then each top-level block (heading,
 * paragraph, list, table, callout, quiz). Source and target are the Markdown (or quiz
 * YAML) as written, so a CAT tool shows what the learner reads and an unchanged import
 * gives the same bytes back. fast-xml-parser (already in the repository) reads it; the
 * writer is a few lines of escaping. docs/translation.md says why not gettext PO or the
 * `xliff` package.
 */
export interface ExchangeModule {
  /** As listed under `modules:` (the source's path). */
  entry: string;
  /** The translation's path, relative to the course folder. */
  translatedEntry: string;
  sourceText: string;
  translatedText: string;
}

interface Unit {
  id: string;
  source: string;
  target: string;
  notes: string[];
  /** Where the target sits in the translated file. */
  at: { start: number; end: number };
}

const xmlChars = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' } as const;
function escapeXmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => xmlChars[c as keyof typeof xmlChars]);
}

/** The units of a module, paired source to translation by page and position. */
function unitsOf(module: ExchangeModule): Unit[] {
  const source = moduleBlocks(module.sourceText);
  const translated = moduleBlocks(module.translatedText);
  const units: Unit[] = [];
  if (source.yaml && translated.yaml) {
    units.push({
      id: 'front-matter',
      source: source.yaml.text,
      target: translated.yaml.text,
      notes: [
        'Front matter (YAML): translate the values of "title" and "objectives" only; keep "id", "minutes" and the keys as they are.',
      ],
      at: {
        start: translated.yaml.start,
        end: translated.yaml.start + translated.yaml.text.length,
      },
    });
  }
  source.pages.forEach((page, p) => {
    page.blocks.forEach((block, b) => {
      const other = translated.pages[p]?.blocks[b];
      if (!other) return;
      units.push({
        id: `p${p}-b${b}`,
        source: block.raw,
        target: other.raw,
        notes: notesFor(block.kind, block.raw),
        at: { start: other.offset, end: other.offset + other.raw.length },
      });
    });
  });
  return units;
}

/** What a translator needs to know about a block: what it is, what to keep, how long. */
function notesFor(
  kind: ModuleBlocks['pages'][number]['blocks'][number]['kind'],
  raw: string,
): string[] {
  const limit = Math.ceil(raw.length * 1.3) + 20;
  const length = `Length: at most about ${limit} characters (the source has ${raw.length}; Spanish runs about a quarter longer). Keep one block for this block: do not split or merge.`;
  if (kind === 'heading') {
    return [`A page title (keep the # marks). ${length}`];
  }
  if (kind === 'callout') {
    return [`A callout: keep the first line (> [!NOTE], > [!FACILITATOR] ...) as it is. ${length}`];
  }
  if (kind !== 'quiz') {
    return [
      `Markdown ${kind}: keep citations ([^key]), link and image targets as they are; translate the alt text. ${length}`,
    ];
  }
  return quizNotes(raw);
}

function quizNotes(raw: string): string[] {
  const yaml = raw.replace(/^[^\n]*\n/, '').replace(/\n[^\n]*$/, '');
  let data: Record<string, unknown> = {};
  try {
    data = (parseYamlText(yaml) as Record<string, unknown>) ?? {};
  } catch {
    // A broken quiz is reported by check; the note then says less.
  }
  const notes = [
    `Question "${String(data.id)}", type ${String(data.type)}: the YAML keys and the "id", "type", "correct", "answer" and "pool" values stay as they are; translate the text learners read (prompt, text, feedback, explanation, hint, items, scale).`,
  ];
  const choices = Array.isArray(data.choices) ? (data.choices as Record<string, unknown>[]) : [];
  const right = choices.flatMap((c, i) =>
    c.correct === true ? [`${i + 1} ("${String(c.text)}")`] : [],
  );
  if (right.length > 0) notes.push(`Correct: choice ${right.join(' and ')} of ${choices.length}.`);
  if (data.type === 'ordering') notes.push('The items are in the right order: keep that order.');
  if (data.type === 'dropdown') {
    notes.push(
      'Blanks [[a|(b)|c]]: keep the number of options and the brackets around the right one.',
    );
  }
  if (data.type === 'fill-in') {
    notes.push(
      'Answers: the spellings a learner may type, in Spanish; list as many as needed (at most 10, each at most 100 characters).',
    );
  }
  notes.push(
    'Length: choices and statements at most about 120 characters each, so they fit on a phone.',
  );
  return notes;
}

/** The XLIFF 2.0 document for a translation's modules. */
export function exportXliff(
  modules: readonly ExchangeModule[],
  srcLang: string,
  trgLang: string,
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${escapeXmlText(srcLang)}" trgLang="${escapeXmlText(trgLang)}">`,
  ];
  modules.forEach((module, index) => {
    lines.push(
      `  <file id="f${index + 1}" original="${escapeXmlText(module.translatedEntry)}">`,
      `    <notes><note category="source-file">${escapeXmlText(module.entry)}</note></notes>`,
    );
    for (const unit of unitsOf(module)) {
      lines.push(
        `    <unit id="${unit.id}">`,
        '      <notes>',
        ...unit.notes.map(
          (note) => `        <note category="translator">${escapeXmlText(note)}</note>`,
        ),
        '      </notes>',
        '      <segment>',
        `        <source xml:space="preserve">${escapeXmlText(unit.source)}</source>`,
        `        <target xml:space="preserve">${escapeXmlText(unit.target)}</target>`,
        '      </segment>',
        '    </unit>',
      );
    }
    lines.push('  </file>');
  });
  lines.push('</xliff>', '');
  return lines.join('\n');
}

interface ParsedUnit {
  id: string;
  source: string;
  target: string;
}

/**
 * Reads an XLIFF file back into the translated modules. Every unit's source must still be
 * the source text as it is now, else nothing is written (the translator worked from an
 * older source). Returns each changed module's new text, by its translated path.
 */
export function importXliff(
  xml: string,
  displayPath: string,
  modules: readonly ExchangeModule[],
): { files: Map<string, string>; diagnostics: Diagnostic[] } {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const source = new SourceText(displayPath, xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const offset = offsetOf(xml, line, col);
    return {
      files,
      diagnostics: [
        diagnosticAt('xliff-invalid', source, offset, { message: `Not well-formed XML: ${msg}` }),
      ],
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['file', 'unit', 'segment', 'note'].includes(name),
  });
  const doc = parser.parse(xml) as { xliff?: { file?: XliffFile[] } };
  const byPath = new Map(modules.map((m) => [m.translatedEntry, m]));
  for (const file of doc.xliff?.file ?? []) {
    const original = file['@original'] ?? '';
    const module = byPath.get(original);
    const fileAt = xml.indexOf(`original="${escapeXmlText(original)}"`);
    if (!module) {
      diagnostics.push(
        diagnosticAt('xliff-invalid', source, Math.max(0, fileAt), {
          message: `"${original}" is not a translated module of this course`,
        }),
      );
      continue;
    }
    const units = new Map(unitsOf(module).map((u) => [u.id, u]));
    const parsed = (file.unit ?? []).map(readUnit);
    let text = module.translatedText;
    const edits: { start: number; end: number; target: string }[] = [];
    for (const unit of parsed) {
      const unitAt = Math.max(0, xml.indexOf(`<unit id="${unit.id}"`, fileAt));
      const current = units.get(unit.id);
      if (!current) {
        diagnostics.push(
          diagnosticAt('xliff-source-changed', source, unitAt, {
            message: `Unit "${unit.id}" of ${original} has no block in the source as it is now`,
          }),
        );
        continue;
      }
      if (current.source !== unit.source) {
        diagnostics.push(
          diagnosticAt('xliff-source-changed', source, unitAt, {
            message: `The source of unit "${unit.id}" in ${original} is no longer the text of ${module.entry}`,
          }),
        );
        continue;
      }
      if (unit.target !== current.target) edits.push({ ...current.at, target: unit.target });
    }
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      text = text.slice(0, edit.start) + edit.target + text.slice(edit.end);
    }
    if (text !== module.translatedText) files.set(original, text);
  }
  if ((doc.xliff?.file ?? []).length === 0) {
    diagnostics.push(
      diagnosticForFile('xliff-invalid', displayPath, {
        message: 'The file has no <xliff> element with <file> elements',
      }),
    );
  }
  return { files: diagnostics.length > 0 ? new Map() : files, diagnostics };
}

interface XliffFile {
  '@original'?: string;
  unit?: XliffUnit[];
}
interface XliffUnit {
  '@id'?: string;
  segment?: { source?: XliffText; target?: XliffText }[];
}
type XliffText = string | { '#text'?: string };

function textOf(value: XliffText | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value['#text'] ?? '');
}

function readUnit(unit: XliffUnit): ParsedUnit {
  const segment = unit.segment?.[0];
  return {
    id: unit['@id'] ?? '',
    source: textOf(segment?.source),
    target: textOf(segment?.target),
  };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + Math.max(0, column - 1);
}
