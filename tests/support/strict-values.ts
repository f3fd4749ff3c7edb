/**
 * The strictest runtime rules in docs/conformance-notes.md (Moodle's regexes, the SCORM RTE
 * vocabularies and per-type response grammars), applied to what a course sends, not to
 * what a lenient runtime kept. Interaction responses are checked against the grammar of
 * the type set for that interaction, and 2004's "id, then type, before any response"
 * order is checked too.
 */
export interface Call {
  method: string;
  element?: string;
  value?: string;
  /** What the LMS answered, as text ("true", "false", a value). */
  result?: string;
}

type Version = 'scorm12' | 'scorm2004';
type Rule = [element: RegExp, value: RegExp | ((value: string) => boolean), name: string];

const decimal0to100 = /^(100(\.0+)?|[1-9]?\d(\.\d+)?)$/;
const scorm12Timespan = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const cmiIdentifier = /^[\x21-\x7e]{1,255}$/;
const isoDuration = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
const maxLength = (n: number) => (value: string) => value.length <= n;

const scorm12Rules: Rule[] = [
  [/^cmi\.core\.lesson_status$/, /^(passed|completed|failed|incomplete|browsed)$/, 'status'],
  [/^cmi\.core\.exit$/, /^(time-out|suspend|logout|)$/, 'exit vocabulary'],
  [/^cmi\.core\.score\.(raw|min|max)$/, decimal0to100, 'decimal 0..100'],
  [/^cmi\.core\.session_time$/, scorm12Timespan, 'HHHH:MM:SS.SS'],
  [/^cmi\.core\.lesson_location$/, maxLength(255), 'at most 255 characters'],
  [/^cmi\.suspend_data$/, maxLength(4096), 'at most 4,096 characters'],
  [/^cmi\.objectives\.\d+\.id$/, cmiIdentifier, 'CMIIdentifier'],
  [
    /^cmi\.objectives\.\d+\.status$/,
    /^(passed|completed|failed|incomplete|browsed|not attempted)$/,
    'objective status',
  ],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, decimal0to100, 'decimal 0..100'],
  [/^cmi\.interactions\.\d+\.id$/, cmiIdentifier, 'identifier without spaces'],
  [
    /^cmi\.interactions\.\d+\.type$/,
    /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/,
    'interaction type',
  ],
  [
    /^cmi\.interactions\.\d+\.result$/,
    /^(correct|wrong|unanticipated|neutral|-?\d+(\.\d+)?)$/,
    'result vocabulary',
  ],
  [/^cmi\.interactions\.\d+\.time$/, /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/, 'HH:MM:SS'],
  [/^cmi\.interactions\.\d+\.latency$/, scorm12Timespan, 'HHHH:MM:SS.SS'],
  [
    /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/,
    maxLength(255),
    'CMIFeedback: at most 255 characters',
  ],
];

const scorm2004Rules: Rule[] = [
  [/^cmi\.completion_status$/, /^(completed|incomplete|not attempted|unknown)$/, 'completion'],
  [/^cmi\.success_status$/, /^(passed|failed|unknown)$/, 'success vocabulary'],
  [/^cmi\.exit$/, /^(time-out|suspend|logout|normal|)$/, 'exit vocabulary'],
  [/^cmi\.(objectives\.\d+\.)?score\.scaled$/, /^-?(0(\.\d+)?|1(\.0+)?)$/, 'real -1..1'],
  [/^cmi\.(objectives\.\d+\.)?score\.(raw|min|max)$/, /^-?\d+(\.\d+)?$/, 'real'],
  [/^cmi\.session_time$/, isoDuration, 'ISO 8601 duration'],
  [/^cmi\.location$/, maxLength(1000), 'at most 1,000 characters'],
  [/^cmi\.suspend_data$/, maxLength(64000), 'at most 64,000 characters'],
  [/^cmi\.objectives\.\d+\.id$/, /^\S{1,4000}$/, 'long identifier without spaces'],
  [/^cmi\.objectives\.\d+\.success_status$/, /^(passed|failed|unknown)$/, 'success vocabulary'],
  [
    /^cmi\.objectives\.\d+\.completion_status$/,
    /^(completed|incomplete|not attempted|unknown)$/,
    'completion vocabulary',
  ],
  [/^cmi\.interactions\.\d+\.id$/, /^\S{1,4000}$/, 'identifier without spaces'],
  [
    /^cmi\.interactions\.\d+\.type$/,
    /^(true-false|choice|fill-in|long-fill-in|matching|performance|sequencing|likert|numeric|other)$/,
    'interaction type',
  ],
  [
    /^cmi\.interactions\.\d+\.result$/,
    /^(correct|incorrect|unanticipated|neutral|-?\d+(\.\d+)?)$/,
    'result vocabulary',
  ],
  [
    /^cmi\.interactions\.\d+\.timestamp$/,
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?$/,
    'ISO 8601 time; a zone only after a fraction (scorm-again, RTE)',
  ],
  [/^cmi\.interactions\.\d+\.latency$/, isoDuration, 'ISO 8601 duration'],
  [/^cmi\.interactions\.\d+\.description$/, maxLength(250), 'at most 250 characters'],
];

// ---- Per-type response grammars -------------------------------------------------------

const shortId = /^[^\s[\],.{}]{1,250}$/;
const unique = (parts: string[]) => new Set(parts).size === parts.length;
const list = (value: string, max: number, each: (part: string) => boolean) => {
  const parts = value.split('[,]');
  return parts.length <= max && unique(parts) && parts.every(each);
};
/** A 2004 localized string: no stray delimiter and no `{` unless it is a {lang=} prefix. */
const langString = (max: number) => (part: string) => {
  const text = part.replace(/^\{lang=[A-Za-z-]{2,}\}/, '');
  return text.length <= max && !text.startsWith('{') && !text.includes('[,]');
};
const fillInPattern = (part: string) =>
  langString(250)(part.replace(/^(\{(case_matters|order_matters)=(true|false)\})+/, ''));

const scorm2004Responses: Record<string, (value: string, isPattern: boolean) => boolean> = {
  'true-false': (v) => /^(true|false)$/.test(v),
  choice: (v) => list(v, 36, (p) => shortId.test(p)),
  sequencing: (v) => list(v, 36, (p) => shortId.test(p)),
  matching: (v) =>
    list(v, 36, (pair) => {
      const [source = '', target = '', ...rest] = pair.split('[.]');
      return rest.length === 0 && shortId.test(source) && shortId.test(target);
    }),
  'fill-in': (v, isPattern) => {
    const parts = v.split('[,]');
    return parts.length <= 10 && parts.every(isPattern ? fillInPattern : langString(250));
  },
  'long-fill-in': (v) => langString(4000)(v),
  likert: (v) => shortId.test(v),
};

/** SCORM 1.2 (RTE 3.4.4): single characters a-z 0-9 where the spec says so. */
const oneChar = /^[0-9a-z]$/;
const scorm12Responses: Record<string, (value: string) => boolean> = {
  'true-false': (v) => /^[01tf]$/.test(v),
  choice: (v) => v.split(',').every((p) => oneChar.test(p)) && unique(v.split(',')),
  sequencing: (v) => v.split(',').every((p) => oneChar.test(p)),
  matching: (v) => v.split(',').every((p) => /^[0-9a-z]+\.[0-9a-z]+$/.test(p)),
  'fill-in': () => true,
  likert: (v) => /^[0-9a-z]{0,2}$/.test(v),
};

const responseElement =
  /^cmi\.interactions\.(\d+)\.(student_response|learner_response|correct_responses\.\d+\.pattern)$/;

/** Every rule a set value breaks, as readable lines; empty when all values pass. */
export function strictViolations(version: Version, calls: readonly Call[]): string[] {
  const rules = version === 'scorm12' ? scorm12Rules : scorm2004Rules;
  const problems: string[] = [];
  const typeOf = new Map<string, string>();
  for (const call of calls) {
    // Only values the course sets; the host also records reads (GetValue) with their element.
    const { element } = call;
    if (!element || !/SetValue$/.test(call.method)) continue;
    const value = call.value ?? '';
    const show = `${element} = ${JSON.stringify(value)}`;
    for (const [pattern, test, rule] of rules) {
      if (!pattern.test(element)) continue;
      const ok = typeof test === 'function' ? test(value) : test.test(value);
      if (!ok) problems.push(`${show} breaks "${rule}"`);
    }
    const typeMatch = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (typeMatch?.[1]) typeOf.set(typeMatch[1], value);
    const response = responseElement.exec(element);
    const resultOrResponse = response ?? /^cmi\.interactions\.(\d+)\.result$/.exec(element);
    if (resultOrResponse?.[1] && !typeOf.has(resultOrResponse[1])) {
      problems.push(`${show} is set before the interaction's type`);
    }
    if (response?.[1]) {
      const type = typeOf.get(response[1]) ?? '';
      const isPattern = (response[2] ?? '').startsWith('correct_responses');
      const grammar =
        version === 'scorm12'
          ? scorm12Responses[type]
          : (v: string) => scorm2004Responses[type]?.(v, isPattern) ?? true;
      if (grammar && !grammar(value)) problems.push(`${show} breaks the ${type} response grammar`);
    }
  }
  return problems;
}
