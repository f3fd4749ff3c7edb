import { diagnosticAt, didYouMean, type Reference } from '@teach-in/course-schema';
import type { ModuleRun } from './module-run.ts';

/** Numbers a citation on one page (first cited, first numbered); reports an undefined key. */
export type Cite = (key: string, offset: number, length: number) => Reference | undefined;

/**
 * Stage 5a: a page's citations against the sources of the module and the course. The
 * page's reference list fills as `cite` is called.
 */
export function pageCitations(
  run: ModuleRun,
  sources: Record<string, string>,
): { cite: Cite; references: Reference[] } {
  const references: Reference[] = [];
  const cite: Cite = (key, offset, length) => {
    const text = sources[key];
    if (text === undefined) {
      const define = 'Define it under "sources:" in the front matter or course.yaml.';
      run.diagnostics.push(
        diagnosticAt('undefined-citation', run.source, offset, {
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
  return { cite, references };
}
