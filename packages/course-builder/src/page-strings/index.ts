import { en, type NoticeTopic, type PageStrings } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { hi } from './hi.ts';
import { sw } from './sw.ts';

export type { NoticeTopic, PageStrings };

const byLanguage = { en, es, fr, hi, sw } as const;

/** The page text for a course language; its base language for `es-MX`; else English. */
export function pageStringsFor(language: string): PageStrings {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(byLanguage, base) ? byLanguage[base as keyof typeof byLanguage] : en;
}
