/**
 * Finds legal text that speaks of a date as still to come when that date has passed: "must
 * make it law by 2 December 2026" read on 7 December 2026 is wrong, not just old. Each
 * language the curriculum is written in has its own dates and its own ways of putting a
 * date in the future; `deadlineWordings` holds them, English and the Spanish the
 * translators wrote (courses/TRANSLATION-NOTES.es.md).
 */

export interface DeadlineWording {
  /** Month names, January first, as the text writes them (a sentence may capitalise one). */
  months: readonly string[];
  /** A written date: groups 1 (day, optional), 2 (month) and 3 (year). */
  datePattern: RegExp;
  /** Phrasings that put a date in the future. */
  futurePhrasings: readonly RegExp[];
  /** What dates a statement rather than sets a deadline, just before the date: "as of". */
  datedBy: RegExp;
}

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const englishMonthPattern = englishMonths.join('|');

export const spanishMonths = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const spanishMonthPattern = spanishMonths.join('|');
/** "2 de diciembre de 2026" (or "del 2026"); as in English, a month alone is its last day. */
const spanishDate = `(?:(\\d{1,2}) de )?(${spanishMonthPattern}) del? (\\d{4})(?!\\d)`;
/** Word edges for Spanish: `\b` takes "á" or "ñ" for the end of a word. */
const word = (pattern: string): RegExp => new RegExp(`(?<!\\p{L})(?:${pattern})(?!\\p{L})`, 'iu');

export const deadlineWordings: Record<'en' | 'es', DeadlineWording> = {
  en: {
    months: englishMonths,
    datePattern: new RegExp(`\\b(?:(\\d{1,2}) )?(${englishMonthPattern}) (\\d{4})\\b`, 'g'),
    futurePhrasings: [
      /\bwill\b/i,
      /\bshall\b/i,
      /\bmust\b.*\bby\b/i,
      /\b(has|have|need|needs) to\b.*\bby\b/i,
      new RegExp(`\\bfrom (\\d{1,2} )?(${englishMonthPattern}) \\d{4},? on\\b`, 'i'),
      /\b(is|are) (due|expected|set|scheduled|going) to\b/i,
      /\b(deadline|due date)\b.*\b(is|falls)\b/i,
      /\b(not yet|yet to|still to|still has to|upcoming|coming)\b/i,
    ],
    datedBy: /\bas of $/i,
  },
  es: {
    months: spanishMonths,
    datePattern: new RegExp(`(?<![\\p{L}\\d])${spanishDate}`, 'giu'),
    futurePhrasings: [
      // The future tense (se aplicará, tendrán, entrará en vigor, podrás, enviaremos); the
      // words that only end like it are left out.
      word('(?!(?:atrás|detrás|queremos|irán)(?!\\p{L}))\\p{L}+(?:rá|rán|rás|remos|réis)'),
      // "ir a" and an infinitive: va a aplicarse, van a tener que.
      word('(?:va|van|vas|vamos) a \\p{L}+(?:ar|er|ir)(?:se|la|las|lo|los|le|les)?'),
      // Must ... by a date: tienen que ... antes del / a más tardar el / como muy tarde el.
      // "antes de" alone is "before (doing)", so the date has to follow it.
      new RegExp(
        `(?<!\\p{L})(?:tiene|tienen|tienes|hay|debe|deben|debes)(?!\\p{L}).*(?<!\\p{L})(?:antes|a más tardar|como muy tarde|no más tarde|para)(?: del?| el)? ${spanishDate}`,
        'iu',
      ),
      // From a date on: a partir del 1 de julio de 2021 en adelante.
      new RegExp(`(?<!\\p{L})a partir del? ${spanishDate},? en adelante`, 'iu'),
      // Due, expected, scheduled: está previsto, se prevé, se espera, está programado.
      word('(?:está|están|es|son) (?:previst[oa]s?|programad[oa]s?|fijad[oa]s? para)'),
      word('se (?:prevé|espera)'),
      // The deadline is (present tense; "el plazo era" is how a passed one is written).
      word('(?:plazo|fecha límite)(?!\\p{L}).*(?<!\\p{L})(?:es|vence|termina|acaba|finaliza|cae)'),
      // Not until a date, in the present that Spanish uses for what is scheduled: "no se
      // aplica hasta el 2 de agosto de 2026" (English would say "will not apply until").
      new RegExp(
        `(?<!\\p{L})no (?:se |nos |les? |te )?(?:aplica|aplican|entra|entran|empieza|empiezan|rige|rigen)(?!\\p{L}).*(?<!\\p{L})hasta (?:el )?${spanishDate}`,
        'iu',
      ),
      // Not yet, still to, upcoming.
      word('(?:todavía|aún) (?:no|tiene|tienen|ha de|han de|queda|quedan)'),
      word('(?:está|están) por|próxim[oa]s?|pendientes? de'),
    ],
    // "A fecha de octubre de 2026" dates the statement, as "as of" does.
    datedBy: /(?<!\p{L})a fecha del? $/iu,
  },
};

export interface PastDeadline {
  sentence: string;
  date: string;
}

/** The day a written date stands for, as YYYY-MM-DD (a month alone: its last day). */
function dayOf(
  wording: DeadlineWording,
  day: string | undefined,
  month: string,
  year: string,
): string {
  const m = wording.months.findIndex((name) => name.toLowerCase() === month.toLowerCase());
  const d = day ? Number(day) : new Date(Date.UTC(Number(year), m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Number(year), m, d)).toISOString().slice(0, 10);
}

/** Plain text to sentences and semicolon clauses, each checked on its own. */
export function clausesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])["')\]»]*\s+|;\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/** Clauses that write a date before `today` in the future tense of the text's language. */
export function pastDeadlinesInFuture(
  text: string,
  today: Date,
  wording: DeadlineWording = deadlineWordings.en,
): PastDeadline[] {
  const now = today.toISOString().slice(0, 10);
  const found: PastDeadline[] = [];
  for (const sentence of clausesOf(text)) {
    if (!wording.futurePhrasings.some((phrase) => phrase.test(sentence))) continue;
    for (const match of sentence.matchAll(wording.datePattern)) {
      // "As of October 2026" dates the statement; it is not a deadline.
      if (wording.datedBy.test(sentence.slice(0, match.index))) continue;
      if (dayOf(wording, match[1], match[2]!, match[3]!) < now) {
        found.push({ sentence, date: match[0] });
        break;
      }
    }
  }
  return found;
}

/** "1 April 2027" for 2027-04-01, as the course text writes dates. */
export function writtenDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${englishMonths[(month ?? 1) - 1]} ${year}`;
}
