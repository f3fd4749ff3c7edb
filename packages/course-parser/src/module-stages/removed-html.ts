import { type Diagnostic, diagnosticAt, type SourceText } from '@teach-in/course-schema';
import { removedHtml } from '../raw-html.ts';

/** One `raw-html-removed` warning for each tag or attribute the sanitizer will drop. */
export function removedHtmlDiagnostics(
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
