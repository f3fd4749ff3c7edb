/**
 * Text in and out of HTML, for every package: the pages the builder and the servers write,
 * and the plain text the parser, the readability check and the workshop dashboard need.
 * No zod and no DOM, so Node and browser code may both import `@teach-in/course-schema/html-text`.
 */

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/** The entities marked and escapeHtml write, decoded; `&amp;` last, so `&amp;lt;` stays `&lt;`. */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Authored HTML as plain text: tags dropped (or replaced by `tagGap`, where words on either
 * side must stay apart), entities decoded, the ends trimmed.
 */
export function htmlToText(html: string, tagGap = ''): string {
  return decodeEntities(html.replace(/<[^>]*>/g, tagGap)).trim();
}
