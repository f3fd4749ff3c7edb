/**
 * The course accent colour is used for text and borders on the page's backgrounds (white,
 * and the light grey of callouts and definitions) and behind white text, so it must reach
 * WCAG 2.2 AA contrast (4.5:1) against each. An author's colour that does not is darkened,
 * keeping its hue, until it does; the build says so.
 */
export const minimumContrast = 4.5;
/** White and --ti-feedback-bg in course.css: the lightest backgrounds the accent sits on. */
export const accentBackgrounds = ['#ffffff', '#f3f3f3'] as const;

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

/** The accent's contrast against the least favourable of the page's backgrounds. */
export function accentContrast(hex: string): number {
  return Math.min(...accentBackgrounds.map((background) => contrastRatio(hex, background)));
}

export interface AccentChoice {
  color: string;
  /** The author's colour had too little contrast and was darkened. */
  adjusted: boolean;
  contrast: number;
}

/** The author's accent when it reaches 4.5:1, otherwise the lightest darker shade that does. */
export function accessibleAccent(hex: string): AccentChoice {
  const original = hex.toLowerCase();
  if (accentContrast(original) >= minimumContrast) {
    return { color: original, adjusted: false, contrast: accentContrast(original) };
  }
  const base = rgb(original);
  for (let step = 1; step < 100; step++) {
    const shade = toHex(base.map((c) => (c * (100 - step)) / 100) as Rgb);
    const contrast = accentContrast(shade);
    if (contrast >= minimumContrast) return { color: shade, adjusted: true, contrast };
  }
  return { color: '#000000', adjusted: true, contrast: accentContrast('#000000') };
}
