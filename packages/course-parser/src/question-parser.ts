import {
  type Diagnostic,
  diagnosticAt,
  didYouMean,
  type Question,
  type QuestionBlock,
  questionSchemas,
  questionTypes,
  type SourceText,
} from '@teach-in/course-schema';
import { buildQuestion } from './question-builders.ts';
import { parseYaml, validateYaml } from './yaml-source.ts';

type Site = { offset: number; length: number };

/** The list of types, said once per run: the loader shortens it in later hints. */
export const questionTypeList = `Types: ${questionTypes.join(', ')}.`;
export const questionTypeListAgain =
  'Types: as listed in the first hint above, and in docs/authoring.md.';

export interface ParsedQuestion {
  question?: Question;
  diagnostics: Diagnostic[];
  /** Where the id is written, for duplicate checks across the course. */
  idSite?: Site;
  /** Where the pool key is written, for checks against the module's pools. */
  poolSite?: Site;
}

/** Parses the YAML of a ```quiz block that starts at `start` in `source`. */
export function parseQuestion(
  source: SourceText,
  start: number,
  text: string,
  moduleId: string,
): ParsedQuestion {
  const parsed = parseYaml({ source, start, text });
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      diagnostics: [
        diagnosticAt('invalid-value', source, start, {
          message: 'A quiz block must hold fields such as id, type, prompt and choices',
        }),
      ],
    };
  }
  const type = (data as { type?: unknown }).type;
  if (type === undefined) {
    return {
      diagnostics: [
        diagnosticAt('missing-field', source, start, {
          message: 'Missing required field "type" in quiz block',
          hint: `Add "type:" with one of the question types. ${questionTypeList}`,
        }),
      ],
    };
  }
  if (!questionTypes.includes(type as (typeof questionTypes)[number])) {
    const at = parsed.locate(['type']);
    return {
      diagnostics: [
        diagnosticAt('unknown-question-type', source, at.offset, {
          message: `Unknown question type "${String(type)}"`,
          // didYouMean lists the types itself when nothing is close: say them once.
          hint: `${closeType(String(type))} ${questionTypeList}`.trim(),
          length: at.length,
        }),
      ],
    };
  }
  const schema = questionSchemas[type as keyof typeof questionSchemas];
  const checked = validateYaml<QuestionBlock>(schema, parsed, source, 'quiz block');
  const idSite = parsed.locate(['id']);
  const block = checked.value;
  if (!block) return { diagnostics: checked.diagnostics, idSite };

  const diagnostics: Diagnostic[] = [];
  const question = buildQuestion(block, { source, parsed, moduleId, diagnostics });
  const poolSite = 'pool' in block && block.pool ? parsed.locate(['pool']) : undefined;
  if (diagnostics.length > 0) return { diagnostics, idSite };
  return { question, diagnostics: [], idSite, ...(poolSite ? { poolSite } : {}) };
}

function closeType(type: string): string {
  const close = didYouMean(type, questionTypes);
  return close.startsWith('Did you mean') ? close : '';
}
