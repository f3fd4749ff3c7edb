/**
 * Interface strings by course language. The language comes from the closest [lang]
 * (the course's `lang` on <html>); a regional code (`es-MX`) uses its base language, and
 * any language without a translation falls back to English.
 */
import { en, type Strings } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { hi } from './hi.ts';
import { sw } from './sw.ts';

export type { Strings };

/**
 * The runtime bundle sets this to the course's language (Vite `define`), so the minifier
 * keeps only that language and English; undefined in tests and development: every language.
 */
declare const __TEACH_IN_LANGUAGE__: string | undefined;

export const interfaceLanguages: Partial<Record<'es' | 'fr' | 'hi' | 'sw', Strings>> & {
  en: Strings;
} = {
  en,
  // Each test is written out in full so that it folds to a constant in the bundle.
  ...(typeof __TEACH_IN_LANGUAGE__ !== 'string' || __TEACH_IN_LANGUAGE__ === 'es' ? { es } : {}),
  ...(typeof __TEACH_IN_LANGUAGE__ !== 'string' || __TEACH_IN_LANGUAGE__ === 'fr' ? { fr } : {}),
  ...(typeof __TEACH_IN_LANGUAGE__ !== 'string' || __TEACH_IN_LANGUAGE__ === 'hi' ? { hi } : {}),
  ...(typeof __TEACH_IN_LANGUAGE__ !== 'string' || __TEACH_IN_LANGUAGE__ === 'sw' ? { sw } : {}),
};
export type InterfaceLanguage = keyof typeof interfaceLanguages;

function isInterfaceLanguage(code: string): code is InterfaceLanguage {
  return Object.hasOwn(interfaceLanguages, code);
}

export function stringsFor(language: string): Strings {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (isInterfaceLanguage(base) && interfaceLanguages[base]) || en;
}

/** The language of the interface around `element`: its closest [lang], else the page's. */
export function languageOf(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
}
