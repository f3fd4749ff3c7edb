/** How one translated block stands against the source block it is aligned with. */
export type BlockState = 'current' | 'stale' | 'unstamped' | 'extra';

export interface BlockAlignment {
  /** Per translated block: the index of its source block (none for `extra`) and its state. */
  translated: { source?: number; state: BlockState }[];
  /** Source blocks that no translated block is aligned with: new since the translation. */
  untranslated: number[];
}

/**
 * Aligns the translated blocks of a page with the source blocks. The blocks whose stamp
 * equals a source hash are matched first, as a longest common subsequence, so a block
 * inserted into the source leaves every later block matched; the blocks between two matches
 * are then paired in order (a changed source block meets its old translation there, stale).
 */
export function alignBlocks(
  sourceHashes: readonly string[],
  stamps: readonly (string | undefined)[],
): BlockAlignment {
  const n = stamps.length;
  const m = sourceHashes.length;
  // lengths[i][j]: the longest common subsequence of stamps[i..] and sourceHashes[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      row[j] =
        stamps[i] !== undefined && stamps[i] === sourceHashes[j]
          ? (lengths[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const anchors: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (stamps[i] !== undefined && stamps[i] === sourceHashes[j]) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  const translated: BlockAlignment['translated'] = [];
  const untranslated: number[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...anchors, [n, m] as [number, number]]) {
    // The gap before this anchor: pair in order, the rest is extra or untranslated.
    while (i < ai && j < aj) {
      translated[i] = { source: j, state: stamps[i] === undefined ? 'unstamped' : 'stale' };
      i++;
      j++;
    }
    for (; i < ai; i++) translated[i] = { state: 'extra' };
    for (; j < aj; j++) untranslated.push(j);
    if (ai < n) translated[ai] = { source: aj, state: 'current' };
    i = ai + 1;
    j = aj + 1;
  }
  return { translated, untranslated };
}
