/**
 * Kept so existing imports of `../strings.ts` keep working; the strings live in
 * ./strings/ (one file per language).
 */
export type { InterfaceLanguage, Strings } from './strings/index.ts';
export { interfaceLanguages, languageOf, stringsFor } from './strings/index.ts';
