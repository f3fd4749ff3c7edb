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

export const interfaceLanguages = { en, es, fr, hi, sw } as const;
export type InterfaceLanguage = keyof typeof interfaceLanguages;

function isInterfaceLanguage(code: string): code is InterfaceLanguage {
  return Object.hasOwn(interfaceLanguages, code);
}

export function stringsFor(language: string): Strings {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isInterfaceLanguage(base) ? interfaceLanguages[base] : en;
}

/** The language of the interface around `element`: its closest [lang], else the page's. */
export function languageOf(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
}
