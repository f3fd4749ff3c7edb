/**
 * Compares a source YAML value with its translation: the translation may change the text
 * learners read and nothing else. Strings are translated except under the keys that name
 * things (`id`, `type`, `pool`); booleans and numbers (`correct`, `answer`, `attempts`,
 * `draw` ...) must be equal; lists must be as long (so choices, statements, pairs, items,
 * scale points and distractors keep their number), objects must have the same keys; and a
 * dropdown sentence must keep its blanks, their number of options and the right one.
 */
export interface StructureDifference {
  path: PropertyKey[];
  message: string;
}

/** Keys whose string values are names, the same in every language. */
const namingKeys = new Set(['id', 'type', 'pool']);
/** Lists whose length may change: accepted fill-in answers differ between languages. */
const freeLengthKeys = new Set(['answers']);

export function compareStructure(
  source: unknown,
  translated: unknown,
  path: PropertyKey[] = [],
  context: { dropdown?: boolean } = {},
): StructureDifference[] {
  const key = path.at(-1);
  const where = describe(path);
  if (Array.isArray(source)) {
    if (!Array.isArray(translated)) return [{ path, message: `${where} must be a list` }];
    if (typeof key === 'string' && freeLengthKeys.has(key)) return [];
    const differences: StructureDifference[] =
      source.length === translated.length
        ? []
        : [
            {
              path,
              message: `${where} has ${translated.length} entries; the source has ${source.length}`,
            },
          ];
    const common = Math.min(source.length, translated.length);
    for (let i = 0; i < common; i++) {
      differences.push(...compareStructure(source[i], translated[i], [...path, i], context));
    }
    return differences;
  }
  if (source !== null && typeof source === 'object') {
    if (translated === null || typeof translated !== 'object' || Array.isArray(translated)) {
      return [{ path, message: `${where} must be a mapping like the source's` }];
    }
    const s = source as Record<string, unknown>;
    const t = translated as Record<string, unknown>;
    const dropdown = context.dropdown ?? s.type === 'dropdown';
    const differences: StructureDifference[] = [];
    for (const name of Object.keys(s)) {
      if (!(name in t)) {
        differences.push({ path, message: `"${name}" of the source is missing at ${where}` });
        continue;
      }
      differences.push(...compareStructure(s[name], t[name], [...path, name], { dropdown }));
    }
    for (const name of Object.keys(t)) {
      if (!(name in s)) {
        differences.push({
          path: [...path, name],
          message: `"${name}" is not in the source at ${where}`,
        });
      }
    }
    return differences;
  }
  if (typeof source === 'string' && typeof translated === 'string') {
    if (typeof key === 'string' && namingKeys.has(key) && source !== translated) {
      return [{ path, message: `${where} is "${translated}"; the source has "${source}"` }];
    }
    if (key === 'text' && context.dropdown) return compareBlanks(source, translated, path);
    return [];
  }
  if (source !== translated) {
    return [
      {
        path,
        message: `${where} is ${JSON.stringify(translated)}; the source has ${JSON.stringify(source)}`,
      },
    ];
  }
  return [];
}

/** [[wrong|(right)|wrong]]: per blank, the number of options and which one is right. */
function blankShape(sentence: string): string[] {
  return [...sentence.matchAll(/\[\[([^\]]*)\]\]/g)].map((blank) => {
    const options = (blank[1] ?? '').split('|');
    return `${options.length}:${options.findIndex((o) => /^\s*\(.*\)\s*$/.test(o))}`;
  });
}

function compareBlanks(source: string, translated: string, path: PropertyKey[]) {
  const s = blankShape(source);
  const t = blankShape(translated);
  if (s.join() === t.join()) return [];
  return [
    {
      path,
      message: `the sentence's blanks differ: the source has ${s.length} (options and the right one: ${s.join(', ') || 'none'}), the translation ${t.length} (${t.join(', ') || 'none'})`,
    },
  ];
}

function describe(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the block';
  return `"${path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : String(p))).join('.')}"`.replace(
    /\.\[/g,
    '[',
  );
}
