/**
 * WCAG 2.2 contrast between two #rrggbb colours, and the nearest shade of a colour that
 * reaches a required ratio. Plain functions, no zod: the parser checks a course's colours
 * with them, the builder and the browser tests use the same numbers.
 */
type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (color: Rgb) =>
  `#${color.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour's contrast against the least favourable of `backgrounds`. */
export function worstContrast(hex: string, backgrounds: readonly string[]): number {
  return Math.min(...backgrounds.map((background) => contrastRatio(hex, background)));
}

export interface ShadeChoice {
  color: string;
  /** The colour had too little contrast and was shifted. */
  adjusted: boolean;
  contrast: number;
}

/**
 * The colour itself when it reaches `minimum` against every background, otherwise the
 * closest shade (mixed towards black on light backgrounds, towards white on dark ones,
 * keeping its hue) that does.
 */
export function accessibleShade(
  hex: string,
  backgrounds: readonly string[],
  minimum: number,
): ShadeChoice {
  const original = hex.toLowerCase();
  const contrast = worstContrast(original, backgrounds);
  if (contrast >= minimum) return { color: original, adjusted: false, contrast };
  const darkBackgrounds = backgrounds.every((background) => luminance(background) < 0.18);
  const target = darkBackgrounds ? 255 : 0;
  const base = rgb(original);
  for (let step = 1; step <= 100; step++) {
    const shade = toHex(base.map((c) => c + ((target - c) * step) / 100) as Rgb);
    const shifted = worstContrast(shade, backgrounds);
    if (shifted >= minimum) return { color: shade, adjusted: true, contrast: shifted };
  }
  const extreme = darkBackgrounds ? '#ffffff' : '#000000';
  return { color: extreme, adjusted: true, contrast: worstContrast(extreme, backgrounds) };
}
