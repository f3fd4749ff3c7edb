/**
 * From a validated quiz block to the question model, one builder per type. Checks that
 * need more than the schema (a right answer exists, blanks are well formed) report here.
 */
import type {
  Diagnostic,
  DropdownSegment,
  Question,
  QuestionBlock,
  SourceText,
} from '@teach-in/course-schema';
import { diagnosticAt } from '@teach-in/course-schema';
import { plainText, renderInline } from './markdown.ts';
import type { YamlResult } from './yaml-source.ts';

const letters = 'abcdefghijklmnopqrstuvwxyz';
const letter = (i: number): string => letters[i] ?? String(i);

type Block<T extends QuestionBlock['type']> = Extract<QuestionBlock, { type: T }>;

export interface BuildContext {
  source: SourceText;
  parsed: YamlResult;
  moduleId: string;
  diagnostics: Diagnostic[];
}

function report(
  context: BuildContext,
  code: Parameters<typeof diagnosticAt>[0],
  path: readonly PropertyKey[],
  message: string,
  which: 'key' | 'value' = 'value',
): void {
  const at = context.parsed.locate(path, which);
  context.diagnostics.push(
    diagnosticAt(code, context.source, at.offset, { message, length: at.length }),
  );
}

function base(block: QuestionBlock, moduleId: string) {
  return {
    id: block.id,
    moduleId,
    promptHtml: block.prompt ? renderInline(block.prompt) : '',
    promptText: block.prompt ? plainText(block.prompt) : '',
    ...(block.hint ? { hintHtml: renderInline(block.hint) } : {}),
    ...(block.explanation ? { explanationHtml: renderInline(block.explanation) } : {}),
  };
}

interface GradedFields {
  graded?: boolean;
  attempts?: number;
  shuffle?: boolean;
  pool?: string;
}

function gradedBase(block: QuestionBlock & GradedFields, moduleId: string) {
  return {
    ...base(block, moduleId),
    graded: block.graded ?? true,
    attempts: block.attempts ?? 1,
    shuffle: block.shuffle ?? true,
    ...(block.pool ? { pool: `${moduleId}/${block.pool}` } : {}),
  };
}

function verdictFeedback(block: { feedback?: { correct?: string; incorrect?: string } }) {
  const feedback = block.feedback;
  return {
    ...(feedback?.correct ? { correctFeedbackHtml: renderInline(feedback.correct) } : {}),
    ...(feedback?.incorrect ? { incorrectFeedbackHtml: renderInline(feedback.incorrect) } : {}),
  };
}

function duplicates(
  context: BuildContext,
  texts: readonly string[],
  path: (i: number) => readonly PropertyKey[],
): void {
  const seen = new Set<string>();
  texts.forEach((text, i) => {
    const key = plainText(text).toLowerCase();
    if (seen.has(key)) {
      report(context, 'duplicate-choice', path(i), `"${plainText(text)}" appears twice`);
    }
    seen.add(key);
  });
}

function choiceQuestion(block: Block<'single' | 'multiple'>, context: BuildContext): Question {
  const correct = block.choices.flatMap((choice, i) => (choice.correct ? [i] : []));
  if (correct.length === 0) {
    report(
      context,
      'no-correct-choice',
      ['choices'],
      `Question "${block.id}" has no choice marked correct`,
      'key',
    );
  } else if (block.type === 'single' && correct.length > 1) {
    report(
      context,
      'too-many-correct',
      ['choices', correct[1] ?? 0, 'correct'],
      `Single-choice question "${block.id}" has ${correct.length} correct choices`,
    );
  }
  duplicates(
    context,
    block.choices.map((c) => c.text),
    (i) => ['choices', i, 'text'],
  );
  return {
    type: block.type,
    ...gradedBase(block, context.moduleId),
    choices: block.choices.map((choice, i) => ({
      id: letter(i),
      html: renderInline(choice.text),
      correct: choice.correct === true,
      ...(choice.feedback ? { feedbackHtml: renderInline(choice.feedback) } : {}),
    })),
  };
}

const blankPattern = /\[\[([^\]]*)\]\]/g;

/** Splits "within [[one week|(one month)|one year]] in the EU" into text and blanks. */
function dropdownSegments(block: Block<'dropdown'>, context: BuildContext): DropdownSegment[] {
  const segments: DropdownSegment[] = [];
  let last = 0;
  const at = context.parsed.locate(['text']);
  const written = context.source.text.slice(at.offset, at.offset + at.length);
  for (const match of block.text.matchAll(blankPattern)) {
    const before = block.text.slice(last, match.index);
    if (before) segments.push({ kind: 'text', html: renderInline(before) });
    last = match.index + match[0].length;
    const parts = (match[1] ?? '').split('|').map((part) => part.trim());
    const rightIndexes = parts.flatMap((part, i) => (/^\(.*\)$/.test(part) ? [i] : []));
    const options = parts.map((part, i) => ({
      id: letter(i),
      text: part.replace(/^\((.*)\)$/, '$1').trim(),
    }));
    if (parts.length < 2 || rightIndexes.length !== 1 || options.some((o) => !o.text)) {
      const inFile = written.indexOf(match[0]);
      context.diagnostics.push(
        diagnosticAt('bad-blank', context.source, inFile >= 0 ? at.offset + inFile : at.offset, {
          message:
            rightIndexes.length === 1
              ? `Blank "${match[0]}" needs two or more options`
              : `Blank "${match[0]}" must have exactly one option in parentheses`,
          length: inFile >= 0 ? match[0].length : at.length,
        }),
      );
    }
    segments.push({
      kind: 'blank',
      id: String(segments.filter((s) => s.kind === 'blank').length + 1),
      options,
      correct: letter(rightIndexes[0] ?? 0),
    });
  }
  const rest = block.text.slice(last);
  if (rest) segments.push({ kind: 'text', html: renderInline(rest) });
  if (!segments.some((s) => s.kind === 'blank')) {
    report(context, 'bad-blank', ['text'], `Dropdown "${block.id}" has no blank in its text`);
  }
  return segments;
}

/** The sentence with the right answers filled in, as plain text for LMS reports. */
function sentenceText(block: Block<'dropdown'>): string {
  const filled = block.text.replace(blankPattern, (_, inner: string) => {
    const right = inner.split('|').find((part) => /^\s*\(.*\)\s*$/.test(part));
    return (right ?? '')
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .trim();
  });
  return plainText(filled);
}

export function buildQuestion(block: QuestionBlock, context: BuildContext): Question {
  const { moduleId } = context;
  switch (block.type) {
    case 'single':
    case 'multiple':
      return choiceQuestion(block, context);
    case 'true-false':
      return {
        type: 'true-false',
        ...gradedBase(block, moduleId),
        statements: block.statements.map((statement, i) => ({
          id: letter(i),
          html: renderInline(statement.text),
          answer: statement.answer,
          ...(statement.feedback ? { feedbackHtml: renderInline(statement.feedback) } : {}),
        })),
      };
    case 'matching': {
      const rights = [...block.pairs.map((p) => p.right), ...(block.distractors ?? [])];
      duplicates(context, rights, (i) =>
        i < block.pairs.length ? ['pairs', i, 'right'] : ['distractors', i - block.pairs.length],
      );
      duplicates(
        context,
        block.pairs.map((p) => p.left),
        (i) => ['pairs', i, 'left'],
      );
      return {
        type: 'matching',
        ...gradedBase(block, moduleId),
        prompts: block.pairs.map((pair, i) => ({
          id: letter(i),
          html: renderInline(pair.left),
          match: String(i + 1),
          ...(pair.feedback ? { feedbackHtml: renderInline(pair.feedback) } : {}),
        })),
        targets: rights.map((text, i) => ({ id: String(i + 1), text: plainText(text) })),
      };
    }
    case 'ordering':
      duplicates(context, block.items, (i) => ['items', i]);
      return {
        type: 'ordering',
        ...gradedBase(block, moduleId),
        // Ordering is always shuffled: in the right order it would answer itself.
        shuffle: true,
        ...verdictFeedback(block),
        items: block.items.map((item, i) => ({ id: letter(i), html: renderInline(item) })),
      };
    case 'fill-in':
      return {
        type: 'fill-in',
        ...gradedBase(block, moduleId),
        ...verdictFeedback(block),
        answers: block.answers.map((answer) => answer.trim()),
        caseSensitive: block.case_sensitive === true,
      };
    case 'dropdown': {
      const segments = dropdownSegments(block, context);
      return {
        type: 'dropdown',
        ...gradedBase(block, moduleId),
        ...verdictFeedback(block),
        segments,
        sentenceText: sentenceText(block),
        // Reports describe a dropdown by its sentence when it has no prompt.
        ...(block.prompt ? {} : { promptText: sentenceText(block) }),
      };
    }
    case 'likert':
      return {
        type: 'likert',
        ...base(block, moduleId),
        scale: (block.scale ?? []).map((label) => plainText(label)),
      };
    case 'scenario':
      return {
        type: 'scenario',
        ...base(block, moduleId),
        choices: block.choices.map((choice, i) => ({
          id: letter(i),
          html: renderInline(choice.text),
          feedbackHtml: renderInline(choice.feedback),
        })),
      };
    case 'reflection':
      return { type: 'reflection', ...base(block, moduleId), share: block.share === true };
  }
}
