/**
 * Finds legal text that speaks of a date as still to come when that date has passed: "must
 * make it law by 2 December 2026" read on 7 December 2026 is wrong, not just old.
 */
const months = [
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
const monthPattern = months.join('|');
/** "2 December 2026" or "December 2027"; a month alone counts as its last day. */
const datePattern = new RegExp(`\\b(?:(\\d{1,2}) )?(${monthPattern}) (\\d{4})\\b`, 'g');

/** Phrasings that put a date in the future. */
const futurePhrasings: readonly RegExp[] = [
  /\bwill\b/i,
  /\bshall\b/i,
  /\bmust\b.*\bby\b/i,
  /\b(has|have|need|needs) to\b.*\bby\b/i,
  new RegExp(`\\bfrom (\\d{1,2} )?(${monthPattern}) \\d{4},? on\\b`, 'i'),
  /\b(is|are) (due|expected|set|scheduled|going) to\b/i,
  /\b(deadline|due date)\b.*\b(is|falls)\b/i,
  /\b(not yet|yet to|still to|still has to|upcoming|coming)\b/i,
];

export interface PastDeadline {
  sentence: string;
  date: string;
}

/** The day a written date stands for, as YYYY-MM-DD (a month alone: its last day). */
function dayOf(day: string | undefined, month: string, year: string): string {
  const m = months.indexOf(month);
  const d = day ? Number(day) : new Date(Date.UTC(Number(year), m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Number(year), m, d)).toISOString().slice(0, 10);
}

/** Plain text to sentences and semicolon clauses, each checked on its own. */
export function clausesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])["')\]]*\s+|;\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/** Clauses that write a date before `today` in the future tense. */
export function pastDeadlinesInFuture(text: string, today: Date): PastDeadline[] {
  const now = today.toISOString().slice(0, 10);
  const found: PastDeadline[] = [];
  for (const sentence of clausesOf(text)) {
    if (!futurePhrasings.some((phrase) => phrase.test(sentence))) continue;
    for (const match of sentence.matchAll(datePattern)) {
      // "As of October 2026" dates the statement; it is not a deadline.
      if (/\bas of $/i.test(sentence.slice(0, match.index))) continue;
      if (dayOf(match[1], match[2]!, match[3]!) < now) {
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
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}
