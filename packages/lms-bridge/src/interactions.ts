/**
 * How each question type is reported as SCORM interactions, in values the strictest
 * runtimes accept (docs/conformance-notes.md):
 *
 * | question    | interaction type            | response                          |
 * |-------------|-----------------------------|-----------------------------------|
 * | single      | choice                      | `b`                               |
 * | multiple    | choice                      | `a,c` / `a[,]c`                   |
 * | true-false  | true-false, one per statement, id `<question>-<statement>`: `t`/`f` (1.2), `true`/`false` (2004) |
 * | matching    | matching                    | `a.2,b.1` / `a[.]2[,]b[.]1`       |
 * | ordering    | sequencing                  | `c,a,b` / `c[,]a[,]b`             |
 * | fill-in     | fill-in                     | the text (1.2: 255 chars; 2004: 250) |
 * | dropdown    | matching (blank to option)  | `1.b,2.a` / `1[.]b[,]2[.]a`       |
 * | likert      | likert, result neutral      | `4`                               |
 * | scenario    | choice, result neutral      | `b`                               |
 * | reflection  | only when shared: fill-in cut to 255 (1.2), long-fill-in (2004), neutral |
 *
 * Dropdown is reported as matching rather than fill-in: its tokens are stable ids (blank,
 * option), so reports survive rewording, and a correct pattern is exact.
 */
import type { AnswerRecord, ScormVersion } from '@teach-in/course-schema';

export interface Interaction {
  id: string;
  type: string;
  response: string;
  /** One correct pattern per accepted answer; empty when there is no right answer. */
  patterns: string[];
  result: string;
  description: string;
}

const limits = {
  scorm12: { id: 255, response: 255, text: 255, patterns: 5 },
  scorm2004: { id: 4000, response: 4000, text: 250, patterns: 5 },
} as const;

/** No spaces (Moodle), nothing outside a safe identifier alphabet. */
export function interactionId(raw: string, version: ScormVersion): string {
  return raw.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, limits[version].id) || 'question';
}

function resultWord(correct: boolean | null, version: ScormVersion): string {
  if (correct === null) return 'neutral';
  if (correct) return 'correct';
  return version === 'scorm12' ? 'wrong' : 'incorrect';
}

const listJoin = (version: ScormVersion) => (version === 'scorm12' ? ',' : '[,]');
const pairJoin = (version: ScormVersion) => (version === 'scorm12' ? '.' : '[.]');

/** `a.2` tokens in the version's pair syntax. */
function pairs(tokens: readonly string[], version: ScormVersion): string {
  return tokens
    .map((token) => {
      const dot = token.indexOf('.');
      return `${token.slice(0, dot)}${pairJoin(version)}${token.slice(dot + 1)}`;
    })
    .join(listJoin(version));
}

/** Cuts free text and keeps it from being read as 2004 delimiters or a {lang=} prefix. */
export function freeText(text: string, max: number, version: ScormVersion): string {
  const cleaned =
    version === 'scorm12'
      ? text
      : text.replaceAll('[,]', ',').replaceAll('[.]', '.').replace(/^\{/, '(');
  let cut = cleaned.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

function statementInteractions(answer: AnswerRecord, version: ScormVersion): Interaction[] {
  const word = (value: string) => (version === 'scorm12' ? value.charAt(0) : value);
  return answer.response.flatMap((token) => {
    const [statement = '', value = ''] = token.split('.');
    const right = answer.correctResponse.find((t) => t.startsWith(`${statement}.`));
    const rightValue = right?.slice(statement.length + 1);
    if (value !== 'true' && value !== 'false') return [];
    return [
      {
        id: interactionId(`${answer.questionId}-${statement}`, version),
        type: 'true-false',
        response: word(value),
        patterns: rightValue ? [word(rightValue)] : [],
        result: resultWord(rightValue === undefined ? null : rightValue === value, version),
        description: answer.description,
      },
    ];
  });
}

/** The interactions one final answer is reported as; none for a private reflection. */
export function interactionsFor(answer: AnswerRecord, version: ScormVersion): Interaction[] {
  const base = {
    id: interactionId(answer.questionId, version),
    result: resultWord(answer.correct, version),
    description: answer.description,
  };
  const list = (tokens: readonly string[]) => tokens.join(listJoin(version));
  const limit = limits[version];
  switch (answer.type) {
    case 'single':
    case 'multiple':
      return [
        {
          ...base,
          type: 'choice',
          response: list(answer.response),
          patterns: [list(answer.correctResponse)],
        },
      ];
    case 'scenario':
      return [{ ...base, type: 'choice', response: list(answer.response), patterns: [] }];
    case 'true-false':
      return statementInteractions(answer, version);
    case 'matching':
    case 'dropdown':
      return [
        {
          ...base,
          type: 'matching',
          response: pairs(answer.response, version),
          patterns: [pairs(answer.correctResponse, version)],
        },
      ];
    case 'ordering':
      return [
        {
          ...base,
          type: 'sequencing',
          response: list(answer.response),
          patterns: [list(answer.correctResponse)],
        },
      ];
    case 'fill-in':
      return [
        {
          ...base,
          type: 'fill-in',
          response: freeText(answer.response[0] ?? '', limit.text, version),
          patterns: answer.correctResponse
            .slice(0, limit.patterns)
            .map((text) => freeText(text, limit.text, version)),
        },
      ];
    case 'likert':
      return [{ ...base, type: 'likert', response: answer.response[0] ?? '', patterns: [] }];
    case 'reflection':
      if (answer.private) return [];
      return [
        {
          ...base,
          type: version === 'scorm12' ? 'fill-in' : 'long-fill-in',
          response: freeText(answer.response[0] ?? '', limit.response, version),
          patterns: [],
          result: 'neutral',
        },
      ];
  }
}
