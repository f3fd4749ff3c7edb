import { closest, distance } from 'fastest-levenshtein';
import { type DiagnosticCode, diagnosticInfo, type Severity } from './diagnostic-codes.ts';
import type { SourceText } from './source-text.ts';

/** One problem in an author's files, with everything needed to show and fix it. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  /** Characters to underline; at least 1. */
  readonly length: number;
  readonly message: string;
  readonly hint: string;
  /** The offending line, for the code frame. */
  readonly lineText: string;
  /** The other place involved (the first use of a duplicated id, say), shown as a note. */
  readonly related?: RelatedLocation;
}

/** A second position a diagnostic refers to, with what happens there. */
export interface RelatedLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface DiagnosticDetails {
  message?: string;
  hint?: string;
  length?: number;
  related?: RelatedLocation;
}

/** The related location at `offset` in `source`, for DiagnosticDetails.related. */
export function relatedAt(source: SourceText, offset: number, message: string): RelatedLocation {
  const { line, column } = source.position(offset);
  return { file: source.file, line, column, message };
}

/** Builds a diagnostic at `offset` in `source`. */
export function diagnosticAt(
  code: DiagnosticCode,
  source: SourceText,
  offset: number,
  details: DiagnosticDetails = {},
): Diagnostic {
  const { line, column } = source.position(offset);
  const info = diagnosticInfo[code];
  const lineText = source.lineText(line);
  const room = Math.max(1, lineText.length - column + 1);
  return {
    code,
    severity: info.severity,
    file: source.file,
    line,
    column,
    length: Math.max(1, Math.min(details.length ?? 1, room)),
    message: details.message ?? info.summary,
    hint: details.hint ?? info.hint,
    lineText,
    ...(details.related ? { related: details.related } : {}),
  };
}

/** A diagnostic about a whole file or folder, where no line applies. */
export function diagnosticForFile(
  code: DiagnosticCode,
  file: string,
  details: DiagnosticDetails = {},
): Diagnostic {
  const info = diagnosticInfo[code];
  return {
    code,
    severity: info.severity,
    file,
    line: 1,
    column: 1,
    length: 1,
    message: details.message ?? info.summary,
    hint: details.hint ?? info.hint,
    lineText: '',
    ...(details.related ? { related: details.related } : {}),
  };
}

/** `Did you mean "title"?` when a close match exists, otherwise the list of valid names. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(word, [...candidates]);
  if (
    distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(word.length / 3))
  ) {
    return `Did you mean "${best}"?`;
  }
  return `Expected one of: ${candidates.join(', ')}.`;
}

/**
 * Renders a diagnostic like a compiler does:
 *
 *   error[unknown-field]: Unknown field "titel"
 *     --> courses/x/modules/a.md:3:1
 *      |
 *    3 | titel: Data at work
 *      | ^^^^^
 *      = hint: Did you mean "title"?
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const gutter = ' '.repeat(String(d.line).length);
  const lines = [`${d.severity}[${d.code}]: ${d.message}`, `${gutter}--> ${where}`];
  if (d.lineText !== '') {
    const visible = d.lineText.replace(/\t/g, ' ');
    lines.push(
      `${gutter} |`,
      `${d.line} | ${visible}`,
      `${gutter} | ${' '.repeat(d.column - 1)}${'^'.repeat(d.length)}`,
    );
  }
  if (d.related) {
    const { file, line, column, message } = d.related;
    lines.push(`${gutter} = note: ${message} at ${file}:${line}:${column}`);
  }
  lines.push(`${gutter} = hint: ${d.hint}`);
  return lines.join('\n');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
