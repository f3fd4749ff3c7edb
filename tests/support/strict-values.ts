/**
 * The strictest runtime rules in ../shared/conformance.md (Moodle's regexes and the
 * SCORM RTE vocabularies), applied to what a course sends, not to what a lenient
 * runtime kept.
 */
export interface Call {
  method: string;
  element?: string;
  value?: string;
}

const scorm12Rules: Array<[RegExp, RegExp, string]> = [
  [
    /^cmi\.core\.lesson_status$/,
    /^(passed|completed|failed|incomplete|browsed)$/,
    'status vocabulary',
  ],
  [/^cmi\.core\.exit$/, /^(time-out|suspend|logout|)$/, 'exit vocabulary'],
  [/^cmi\.core\.score\.(raw|min|max)$/, /^(100|[1-9]?\d)(\.\d+)?$/, 'decimal 0..100'],
  [/^cmi\.core\.session_time$/, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, 'HHHH:MM:SS.SS'],
  [/^cmi\.core\.lesson_location$/, /^[\s\S]{0,255}$/, 'at most 255 characters'],
  [/^cmi\.suspend_data$/, /^[\s\S]{0,4096}$/, 'at most 4,096 characters'],
  [/^cmi\.interactions\.\d+\.id$/, /^[^\s]{1,255}$/, 'identifier without spaces'],
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
  [/^cmi\.interactions\.\d+\.time$/, /^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$/, 'HH:MM:SS'],
  [/^cmi\.interactions\.\d+\.latency$/, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, 'HHHH:MM:SS.SS'],
  [
    /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/,
    /^[a-z0-9](,[a-z0-9])*$/,
    'choice ids a-z 0-9, comma-separated',
  ],
];

const isoDuration = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
const scorm2004Rules: Array<[RegExp, RegExp, string]> = [
  [
    /^cmi\.completion_status$/,
    /^(completed|incomplete|not attempted|unknown)$/,
    'completion vocabulary',
  ],
  [/^cmi\.success_status$/, /^(passed|failed|unknown)$/, 'success vocabulary'],
  [/^cmi\.exit$/, /^(time-out|suspend|logout|normal|)$/, 'exit vocabulary'],
  [/^cmi\.score\.scaled$/, /^(-?(0(\.\d+)?|1(\.0+)?))$/, 'real -1..1'],
  [/^cmi\.score\.(raw|min|max)$/, /^-?\d+(\.\d+)?$/, 'real'],
  [/^cmi\.session_time$/, isoDuration, 'ISO 8601 duration'],
  [/^cmi\.location$/, /^[\s\S]{0,1000}$/, 'at most 1,000 characters'],
  [/^cmi\.suspend_data$/, /^[\s\S]{0,64000}$/, 'at most 64,000 characters'],
  [/^cmi\.interactions\.\d+\.id$/, /^[^\s]{1,4000}$/, 'identifier without spaces'],
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
  [/^cmi\.interactions\.\d+\.description$/, /^[\s\S]{0,250}$/, 'at most 250 characters'],
  [
    /^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/,
    /^[^\s[\],]{1,250}(\[,\][^\s[\],]{1,250})*$/,
    'choice ids joined by [,]',
  ],
];

/** Every rule a set value breaks, as readable lines; empty when all values pass. */
export function strictViolations(
  version: 'scorm12' | 'scorm2004',
  calls: readonly Call[],
): string[] {
  const rules = version === 'scorm12' ? scorm12Rules : scorm2004Rules;
  const problems: string[] = [];
  for (const call of calls) {
    // Only values the course sets; the host also records reads (GetValue) with their element.
    if (!call.element || !/SetValue$/.test(call.method)) continue;
    for (const [element, value, rule] of rules) {
      if (element.test(call.element) && !value.test(call.value ?? '')) {
        problems.push(`${call.element} = ${JSON.stringify(call.value)} breaks "${rule}"`);
      }
    }
  }
  return problems;
}
