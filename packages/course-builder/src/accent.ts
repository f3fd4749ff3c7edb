/**
 * The course accent colour is used for text and borders on white and behind white text,
 * so it must reach WCAG 2.2 AA contrast (4.5:1) against white. An author's colour that
 * does not is darkened, keeping its hue, until it does.
 */
export const minimumContrast = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = ([r, g, b]: [number, number, number]) =>
  `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Contrast ratio of a #rrggbb colour against white. */
export function contrastOnWhite(hex: string): number {
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

export interface AccentChoice {
  color: string;
  /** The author's colour had too little contrast and was darkened. */
  adjusted: boolean;
  contrast: number;
}

/** The author's accent when it reaches 4.5:1 on white, otherwise the lightest darker shade that does. */
export function accessibleAccent(hex: string): AccentChoice {
  const original = hex.toLowerCase();
  if (contrastOnWhite(original) >= minimumContrast) {
    return { color: original, adjusted: false, contrast: contrastOnWhite(original) };
  }
  const base = rgb(original);
  for (let step = 1; step <= 100; step++) {
    const shade = toHex(base.map((c) => (c * (100 - step)) / 100) as [number, number, number]);
    const contrast = contrastOnWhite(shade);
    if (contrast >= minimumContrast) return { color: shade, adjusted: true, contrast };
  }
  return { color: '#000000', adjusted: true, contrast: 21 };
}
