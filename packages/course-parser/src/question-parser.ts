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
import { plainText, renderInline } from './markdown.ts';
import { parseYaml, validateYaml } from './yaml-source.ts';

export interface ParsedQuestion {
  question?: Question;
  diagnostics: Diagnostic[];
  /** Where the id is written, for duplicate checks across the course. */
  idSite?: { offset: number; length: number };
}

const choiceLetters = 'abcdefghijklmnopqrstuvwxyz';

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
          hint: `Add "type:" with one of: ${questionTypes.join(', ')}.`,
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
          hint: didYouMean(String(type), questionTypes),
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
  const correctIndexes = block.choices.flatMap((choice, i) => (choice.correct ? [i] : []));
  if (correctIndexes.length === 0) {
    const at = parsed.locate(['choices'], 'key');
    diagnostics.push(
      diagnosticAt('no-correct-choice', source, at.offset, {
        message: `Question "${block.id}" has no choice marked correct`,
        length: at.length,
      }),
    );
  } else if (block.type === 'single' && correctIndexes.length > 1) {
    const at = parsed.locate(['choices', correctIndexes[1] ?? 0, 'correct']);
    diagnostics.push(
      diagnosticAt('too-many-correct', source, at.offset, {
        message: `Single-choice question "${block.id}" has ${correctIndexes.length} correct choices`,
        length: at.length,
      }),
    );
  }
  if (diagnostics.length > 0) return { diagnostics, idSite };

  const question: Question = {
    type: block.type,
    id: block.id,
    moduleId,
    promptHtml: renderInline(block.prompt),
    promptText: plainText(block.prompt),
    graded: block.graded ?? true,
    choices: block.choices.map((choice, i) => ({
      id: choiceLetters[i] ?? String(i),
      html: renderInline(choice.text),
      correct: choice.correct === true,
      ...(choice.feedback ? { feedbackHtml: renderInline(choice.feedback) } : {}),
    })),
    ...(block.hint ? { hintHtml: renderInline(block.hint) } : {}),
    ...(block.explanation ? { explanationHtml: renderInline(block.explanation) } : {}),
  };
  return { question, diagnostics: [], idSite };
}
