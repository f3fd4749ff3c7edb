/** The id of a page's reference entry, which its citations link to (parser writes, builder renders). */
export function referenceAnchor(pageId: string, key: string): string {
  return `src-${pageId.replace(/[^A-Za-z0-9_-]/g, '-')}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
