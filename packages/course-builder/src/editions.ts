import type { Course, LmsKind } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema';
import type { PageStrings } from './page-strings/index.ts';

/**
 * The name a course's files go by: its id for the source, `<id>.<lang>` for a translation.
 * LMSs expect one language per package, so each language is a package of its own, with
 * its own manifest identifiers and its own place in the browser's storage.
 */
export function packageId(course: Course): string {
  return course.edition ? `${course.id}.${course.language}` : course.id;
}

/** Every language of the course, the source first. */
export function courseLanguages(course: Course): string[] {
  if (course.edition) return course.edition.languages;
  return [course.language, ...(course.translations ?? []).map((t) => t.language)];
}

/** The offline copy's folder: `web/` for the source, `web/<lang>/` for a translation. */
export function webFolder(course: Course): string {
  return course.edition ? `web/${course.language}` : 'web';
}

/** Each language's name in that language, as a language switch should show it. */
const endonyms: Record<string, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  hi: 'हिन्दी',
  sw: 'Kiswahili',
};

/**
 * The offline copy's links to its other languages: a labelled navigation landmark of plain
 * links (keyboard and screen readers need nothing more), the current language marked with
 * aria-current, each link in its own language. Only the offline copy has it: an LMS
 * package holds one language.
 */
export function languageSwitch(course: Course, lms: LmsKind, t: PageStrings): string {
  const languages = courseLanguages(course);
  if (lms !== 'standalone' || languages.length < 2) return '';
  const source = languages[0];
  const here = course.language;
  const href = (language: string): string => {
    const root = here === source ? '' : '../';
    return language === source ? `${root}index.html` : `${root}${language}/index.html`;
  };
  const items = languages.map((language) => {
    const name = escapeHtml(endonyms[language] ?? language);
    const lang = escapeHtml(language);
    return language === here
      ? `<li><a href="${href(language)}" lang="${lang}" aria-current="page">${name}</a></li>`
      : `<li><a href="${href(language)}" lang="${lang}" hreflang="${lang}">${name}</a></li>`;
  });
  return `<nav class="ti-languages" aria-label="${escapeHtml(t.languageSwitch)}"><ul>${items.join('')}</ul></nav>`;
}

/** The first page's notice while a translation awaits a native speaker's review. */
export function reviewNotice(course: Course, t: PageStrings): string {
  if (course.edition?.status !== 'awaiting-native-review') return '';
  return `<div class="ti-callout ti-callout-note ti-review-notice" role="note"><p>${escapeHtml(t.awaitingReview)}</p></div>`;
}
