/** Locates the YAML front matter: a block between two `---` lines at the top of the file. */
export function splitFrontMatter(
  text: string,
): { yamlStart: number; yamlText: string; bodyStart: number } | undefined {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) return undefined;
  const yamlStart = opening[0].length;
  const closing = /^---[ \t]*$/m;
  closing.lastIndex = 0;
  const rest = text.slice(yamlStart);
  const match = closing.exec(rest);
  if (!match) return undefined;
  const yamlText = rest.slice(0, match.index);
  const afterFence = yamlStart + match.index + match[0].length;
  const bodyStart = text[afterFence] === '\n' ? afterFence + 1 : afterFence;
  return { yamlStart, yamlText, bodyStart };
}
