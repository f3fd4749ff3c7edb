/** Line ends as the parser reads them (\n, no byte-order mark), so offsets agree. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
