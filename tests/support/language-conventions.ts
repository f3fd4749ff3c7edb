/**
 * The curriculum's fixed wording in each language it is written in: the English of the
 * authoring conventions and the Spanish agreed for the translations (the translation
 * format, docs/translation.md). tests/content.test.ts checks a course and each of its
 * translations against the wording of its own language.
 */
import { readability, spanishMinimumEase, spanishReadability } from '@teach-in/course-builder';
import {
  deadlineWordings,
  type PastDeadline,
  pastDeadlinesInFuture,
  spanishMonths,
  writtenDate,
} from './past-deadlines.ts';

export interface Conventions {
  /** `Timing: 5 minutes` at the start of a facilitator note that plans time. */
  timing: RegExp;
  /** The start of the feedback of a scenario's one best choice. */
  bestChoice: RegExp;
  /** The legal disclaimer every scenario's explanation carries. */
  disclaimer: RegExp;
  /** The heading of the last page: three numbered things to do. */
  checklist: string;
  /** A sentence that says the content was "checked ... against sources up to ...". */
  checkedAgainst: RegExp;
  /** A date as the text writes it: 7 December 2026, 7 de diciembre de 2026. */
  date: (iso: string) => string;
  /** "Recheck date: <date>". */
  recheck: (iso: string) => string;
  /** Words that date legal content: "As of October 2026". */
  dated: RegExp;
  /** A checklist item: a capitalised verb, then at least 15 characters. */
  checklistItem: RegExp;
  /** Whether the learner text reads easily enough, and the measure that says so. */
  readable: (text: string) => { ok: boolean; measure: string; longest: string[] };
  /** Clauses that write a date already passed on `today` as still to come. */
  pastDeadlines: (text: string, today: Date) => PastDeadline[];
  /** The data notice in this language (the course shell's own strings, not the author's). */
  dataNotice: {
    heading: string;
    /** An LMS package: it sends what it lists to the LMS, and nothing else. */
    sendsToLms: RegExp;
    /** The offline copy: it sends nothing to anyone. */
    sendsNothing: RegExp;
    /** Private reflections stay on the device, whether or not the author shares some. */
    reflectionsStay: RegExp;
  };
}

const maxGrade = 9;

export function spanishDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} de ${spanishMonths[(month ?? 1) - 1]} de ${year}`;
}

export const conventions: Record<'en' | 'es', Conventions> = {
  en: {
    timing: /\bTiming: (\d+) minutes?\b/g,
    bestChoice: /^Best choice\b/,
    disclaimer: /General education, not legal advice\. Check with your union's legal officer\./,
    checklist: 'Monday checklist',
    checkedAgainst: /\bchecked\b.*\bagainst sources up to\b/i,
    date: writtenDate,
    recheck: (iso) => `Recheck date: ${writtenDate(iso)}`,
    dated: /[Aa]s of October 2026|checked against sources up to October 2026/,
    checklistItem: /^[A-Z][a-z]+\b.{15,}/,
    readable: (text) => {
      const result = readability(text);
      return {
        ok: result.grade <= maxGrade,
        measure: `grade ${result.grade} (at most ${maxGrade})`,
        longest: result.longest,
      };
    },
    pastDeadlines: (text, today) => pastDeadlinesInFuture(text, today, deadlineWordings.en),
    dataNotice: {
      heading: 'What this course records',
      sendsToLms:
        /This course sends the following data to your learning system \(LMS\), and nothing else\./,
      sendsNothing: /This copy of the course sends nothing to anyone/,
      reflectionsStay: /reflection questions? stays on this device/,
    },
  },
  es: {
    timing: /\bTiempo: (\d+) minutos?\b/g,
    bestChoice: /^La mejor opción\./,
    disclaimer:
      /Información general, no asesoramiento jurídico\. Consúltalo con la asesoría jurídica de tu sindicato\./,
    checklist: 'Lista para el lunes',
    // "comprobado el ..." or "se comprobaron el ...": the participle agrees with its noun.
    checkedAgainst: /\b(?:comprobad[oa]s?|se comprob(?:ó|aron))\b.*\bcon fuentes hasta\b/i,
    date: spanishDate,
    recheck: (iso) => `Fecha de revisión: ${spanishDate(iso)}`,
    // Lines wrap anywhere, and the phrase may open a sentence or follow a verb ("es a fecha de").
    dated: /[Aa] fecha de\s+octubre\s+de\s+2026|con fuentes hasta\s+octubre\s+de\s+2026/,
    checklistItem: /^\p{Lu}\p{Ll}+\b.{15,}/u,
    readable: (text) => {
      const result = spanishReadability(text);
      return {
        ok: result.score >= spanishMinimumEase,
        measure: `Fernández-Huerta reading ease ${result.score} (at least ${spanishMinimumEase})`,
        longest: result.longest,
      };
    },
    pastDeadlines: (text, today) => pastDeadlinesInFuture(text, today, deadlineWordings.es),
    dataNotice: {
      heading: 'Qué datos guarda este curso',
      sendsToLms:
        /Este curso envía estos datos a tu plataforma de aprendizaje \(LMS\), y nada más\./,
      sendsNothing: /Esta copia del curso no envía nada a nadie/,
      reflectionsStay: /preguntas de reflexión se queda en este dispositivo/,
    },
  },
};

/** The conventions of a course's language; a language without them has none to check. */
export function conventionsFor(language: string): Conventions | undefined {
  const base = language.split('-')[0] ?? '';
  return base === 'en' || base === 'es' ? conventions[base] : undefined;
}
