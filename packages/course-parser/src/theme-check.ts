import {
  accessibleShade,
  type ColorKey,
  type ColorMode,
  type CourseFile,
  type CourseTheme,
  colorPairs,
  contrastRatio,
  type Diagnostic,
  diagnosticAt,
  type Palette,
  type SourceText,
  themes,
} from '@teach-in/course-schema';
import type { YamlResult } from './yaml-source.ts';

type Authored = Partial<Record<ColorKey, readonly PropertyKey[]>>;

/**
 * The course's theme with the union's colours laid over the built-in palettes, and a
 * diagnostic at the colour's line for every pair that misses WCAG 2.2 contrast, in light
 * and dark mode alike. Built-in palettes are tested to pass, so only authored colours are
 * ever blamed. A light accent that is too pale is darkened (as it always was) with a
 * warning; dark mode derives its accent from the union's, lightened until it reads.
 */
export function resolveTheme(
  file: CourseFile,
  parsed: YamlResult,
  source: SourceText,
): { theme: CourseTheme; diagnostics: Diagnostic[] } {
  const name = file.theme?.name ?? 'clean';
  const definition = themes[name];
  const minimum = definition.minimum;
  const diagnostics: Diagnostic[] = [];
  const light: Palette = { ...definition.light, ...file.theme?.colors };
  const dark: Palette = { ...definition.dark, ...file.theme?.dark };
  const authored: Record<ColorMode, Authored> = { light: {}, dark: {} };
  for (const key of Object.keys(file.theme?.colors ?? {}) as ColorKey[]) {
    authored.light[key] = ['theme', 'colors', key];
  }

  const accent = file.theme?.accent ?? file.theme?.colors?.accent;
  if (accent) {
    const accentPath = file.theme?.accent ? ['theme', 'accent'] : ['theme', 'colors', 'accent'];
    authored.light.accent = accentPath;
    const choice = accessibleShade(accent, [light.background, light['feedback-bg']], minimum.text);
    if (choice.adjusted) {
      const at = parsed.locate(accentPath);
      diagnostics.push(
        diagnosticAt('accent-darkened', source, at.offset, {
          message: `The accent ${accent} has too little contrast on the page backgrounds (needs ${minimum.text}:1); the build uses ${choice.color} (${choice.contrast.toFixed(2)}:1) instead`,
          length: at.length,
        }),
      );
    }
    light.accent = choice.color;
    // A theme whose header is the accent keeps it so with the union's colour.
    if (
      !file.theme?.colors?.['header-bg'] &&
      definition.light['header-bg'] === definition.light.accent
    ) {
      light['header-bg'] = choice.color;
    }
    // Derived, not authored: should it still fail, the author's dark colours are to blame.
    if (!file.theme?.dark?.accent) {
      dark.accent = accessibleShade(
        accent,
        [dark.background, dark['feedback-bg']],
        minimum.text,
      ).color;
    }
  }
  for (const key of Object.keys(file.theme?.dark ?? {}) as ColorKey[]) {
    authored.dark[key] = ['theme', 'dark', key];
  }

  for (const [mode, palette] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    diagnostics.push(...contrastProblems(mode, palette, authored[mode], minimum, parsed, source));
  }
  return { theme: { name, light, dark }, diagnostics };
}

/** One diagnostic per authored colour that fails any pair, naming each pair it fails. */
function contrastProblems(
  mode: ColorMode,
  palette: Palette,
  authored: Authored,
  minimum: { text: number; ui: number },
  parsed: YamlResult,
  source: SourceText,
): Diagnostic[] {
  const failures = new Map<
    readonly PropertyKey[],
    { key: ColorKey; against: ColorKey[]; needed: number; text: string[] }
  >();
  for (const pair of colorPairs) {
    const key = authored[pair.fg] ? pair.fg : authored[pair.bg] ? pair.bg : undefined;
    if (!key) continue;
    const needed = minimum[pair.kind];
    const ratio = contrastRatio(palette[pair.fg], palette[pair.bg]);
    if (ratio >= needed) continue;
    const blamed = authored[key]!;
    const other = key === pair.fg ? pair.bg : pair.fg;
    const entry = failures.get(blamed) ?? { key, against: [], needed: 0, text: [] };
    entry.against.push(other);
    entry.needed = Math.max(entry.needed, needed);
    entry.text.push(`${ratio.toFixed(2)}:1 with "${other}" ${palette[other]} (needs ${needed}:1)`);
    failures.set(blamed, entry);
  }
  return [...failures].map(([blamed, failure]) => {
    const fix = accessibleShade(
      palette[failure.key],
      failure.against.map((other) => palette[other]),
      failure.needed,
    );
    const at = parsed.locate(blamed);
    return diagnosticAt('low-contrast', source, at.offset, {
      message: `In ${mode} mode, "${failure.key}" ${palette[failure.key]} has too little contrast: ${failure.text.join(', ')}`,
      hint: `Try ${fix.color} for "${failure.key}" (${fix.contrast.toFixed(2)}:1). WCAG 2.2 AA needs 4.5:1 for text and 3:1 for borders and focus rings; the high-contrast theme asks 7:1 and 4.5:1.`,
      length: at.length,
    });
  });
}
