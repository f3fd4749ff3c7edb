import {
  type CourseFile,
  type Diagnostic,
  diagnosticAt,
  type Module,
  type SourceText,
} from '@teach-in/course-schema';
import type { YamlResult } from './yaml-source.ts';

/**
 * The curriculum marks every legal statement "check your jurisdiction", so a module that says
 * it holds legal content; those are the modules to recheck when the law may have moved.
 */
const legalMarker = /check your (own )?jurisdiction/i;

function moduleText(module: Module): string {
  return module.pages
    .flatMap((page) =>
      page.blocks.map((block) =>
        'html' in block ? block.html : 'question' in block ? JSON.stringify(block.question) : '',
      ),
    )
    .join('\n');
}

/** YYYY-MM-DD of `today` in UTC, the form `checked:` and `recheck:` are written in. */
export const dayOf = (today: Date): string => today.toISOString().slice(0, 10);

/**
 * `checked:` and `recheck:` in course.yaml: an error when the recheck comes before the check,
 * and a warning at the `recheck:` line once that day has passed, naming the modules to recheck.
 */
export function reviewDateDiagnostics(
  file: CourseFile,
  modules: readonly Module[],
  parsed: YamlResult,
  source: SourceText,
  today: Date,
): Diagnostic[] {
  if (!file.recheck) return [];
  const at = parsed.locate(['recheck'], 'key');
  if (file.checked && file.recheck <= file.checked) {
    return [
      diagnosticAt('recheck-before-checked', source, at.offset, {
        message: `recheck: ${file.recheck} is not after checked: ${file.checked}`,
        length: at.length,
      }),
    ];
  }
  if (dayOf(today) <= file.recheck) return [];
  const legal = modules.filter((m) => legalMarker.test(moduleText(m)));
  const named = (legal.length > 0 ? legal : modules).map((m) => m.file);
  return [
    diagnosticAt('recheck-due', source, at.offset, {
      message: `The legal content was due to be checked again on ${file.recheck}${
        file.checked ? ` (last checked ${file.checked})` : ''
      }: recheck ${named.join(', ')}`,
      length: at.length,
    }),
  ];
}
