import { en, type NoticeTopic, type PageStrings } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { hi } from './hi.ts';
import { sw } from './sw.ts';

export type { NoticeTopic, PageStrings };

const byLanguage = { en, es, fr, hi, sw } as const;

/** Every interface language the builder has strings for. */
export const interfaceLanguages = Object.keys(byLanguage) as Array<keyof typeof byLanguage>;

/** The interface language for a course language: its base for `es-MX`; else English. */
export function interfaceLanguage(language: string): keyof typeof byLanguage {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(byLanguage, base) ? (base as keyof typeof byLanguage) : 'en';
}

/** The page text for a course language. */
export function pageStringsFor(language: string): PageStrings {
  return byLanguage[interfaceLanguage(language)];
}
