/**
 * The built-in themes: each a light and a dark palette of CSS custom properties
 * (`--ti-<key>`), and a system font stack (nothing is downloaded). The parser checks every
 * colour pair below against WCAG 2.2; the builder writes the palettes into the stylesheet,
 * the dark one under `prefers-color-scheme: dark`. Plain data, no zod: browser tests import
 * it too.
 */
export const themeNames = ['clean', 'high-contrast', 'warm'] as const;
export type ThemeName = (typeof themeNames)[number];

export const colorKeys = [
  'background',
  'text',
  'muted',
  'border',
  'border-light',
  'accent',
  'on-accent',
  'header-bg',
  'header-text',
  'focus',
  'success',
  'danger',
  'feedback-bg',
  'field-bg',
] as const;
export type ColorKey = (typeof colorKeys)[number];
export type Palette = Record<ColorKey, string>;
export type ColorMode = 'light' | 'dark';

export interface CourseTheme {
  name: ThemeName;
  light: Palette;
  dark: Palette;
}

interface ThemeDefinition extends Omit<CourseTheme, 'name'> {
  font: string;
  /** Body text size: the high-contrast theme reads larger. */
  size: string;
  /** Least contrast for text, and for borders and focus rings (WCAG 1.4.3 and 1.4.11). */
  minimum: { text: number; ui: number };
}

const systemSans = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const systemSerif =
  'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", serif';

export const themes = {
  clean: {
    font: systemSans,
    size: '1.0625rem',
    minimum: { text: 4.5, ui: 3 },
    light: {
      background: '#ffffff',
      text: '#1a1a1a',
      muted: '#4a4a4a',
      border: '#767676',
      'border-light': '#d0d0d0',
      accent: '#9b1c1c',
      'on-accent': '#ffffff',
      'header-bg': '#9b1c1c',
      'header-text': '#ffffff',
      focus: '#1d4ed8',
      success: '#1b6e3a',
      danger: '#b00020',
      'feedback-bg': '#f3f3f3',
      'field-bg': '#ffffff',
    },
    dark: {
      background: '#121212',
      text: '#ececec',
      muted: '#b8b8b8',
      border: '#8a8a8a',
      'border-light': '#3a3a3a',
      accent: '#ff8a80',
      'on-accent': '#121212',
      'header-bg': '#1f1f1f',
      'header-text': '#ececec',
      focus: '#8ab4f8',
      success: '#7ddc9a',
      danger: '#ff8a8a',
      'feedback-bg': '#242424',
      'field-bg': '#1a1a1a',
    },
  },
  'high-contrast': {
    font: systemSans,
    size: '1.1875rem',
    minimum: { text: 7, ui: 4.5 },
    light: {
      background: '#ffffff',
      text: '#000000',
      muted: '#262626',
      border: '#000000',
      'border-light': '#595959',
      accent: '#6b0000',
      'on-accent': '#ffffff',
      'header-bg': '#000000',
      'header-text': '#ffffff',
      focus: '#0030b0',
      success: '#004d1f',
      danger: '#7a0010',
      'feedback-bg': '#ebebeb',
      'field-bg': '#ffffff',
    },
    dark: {
      background: '#000000',
      text: '#ffffff',
      muted: '#e0e0e0',
      border: '#ffffff',
      'border-light': '#a0a0a0',
      accent: '#ffd54f',
      'on-accent': '#000000',
      'header-bg': '#000000',
      'header-text': '#ffffff',
      focus: '#66b3ff',
      success: '#8df0a8',
      danger: '#ffabab',
      'feedback-bg': '#1a1a1a',
      'field-bg': '#000000',
    },
  },
  warm: {
    font: systemSerif,
    size: '1.125rem',
    minimum: { text: 4.5, ui: 3 },
    light: {
      background: '#fbf7ef',
      text: '#2b2118',
      muted: '#574738',
      border: '#7a6a58',
      'border-light': '#d9cdb8',
      accent: '#8a3b12',
      'on-accent': '#fffaf0',
      'header-bg': '#efe5d2',
      'header-text': '#2b2118',
      focus: '#1d4ed8',
      success: '#2f5e1e',
      danger: '#9e1b1b',
      'feedback-bg': '#f1e8d6',
      'field-bg': '#fffdf8',
    },
    dark: {
      background: '#1d1913',
      text: '#efe6d6',
      muted: '#c7b9a3',
      border: '#9a8a74',
      'border-light': '#4a4034',
      accent: '#f0a868',
      'on-accent': '#1d1913',
      'header-bg': '#2a241b',
      'header-text': '#efe6d6',
      focus: '#9cc0ff',
      success: '#a8d48a',
      danger: '#ff9c8a',
      'feedback-bg': '#2a241b',
      'field-bg': '#17140f',
    },
  },
} as const satisfies Record<ThemeName, ThemeDefinition>;

/** Every pair of colours drawn on each other, and which minimum applies to it. */
export const colorPairs: readonly {
  fg: ColorKey;
  bg: ColorKey;
  kind: 'text' | 'ui';
}[] = [
  { fg: 'text', bg: 'background', kind: 'text' },
  { fg: 'text', bg: 'feedback-bg', kind: 'text' },
  { fg: 'text', bg: 'field-bg', kind: 'text' },
  { fg: 'muted', bg: 'background', kind: 'text' },
  { fg: 'muted', bg: 'feedback-bg', kind: 'text' },
  { fg: 'accent', bg: 'background', kind: 'text' },
  { fg: 'accent', bg: 'feedback-bg', kind: 'text' },
  { fg: 'on-accent', bg: 'accent', kind: 'text' },
  { fg: 'header-text', bg: 'header-bg', kind: 'text' },
  { fg: 'success', bg: 'background', kind: 'text' },
  { fg: 'success', bg: 'feedback-bg', kind: 'text' },
  { fg: 'danger', bg: 'background', kind: 'text' },
  { fg: 'danger', bg: 'feedback-bg', kind: 'text' },
  { fg: 'focus', bg: 'background', kind: 'ui' },
  { fg: 'border', bg: 'background', kind: 'ui' },
  { fg: 'border', bg: 'field-bg', kind: 'ui' },
];

function declarations(palette: Palette): string {
  return colorKeys.map((key) => `--ti-${key}:${palette[key]}`).join(';');
}

/** The stylesheet lines that apply a theme: light palette, dark under the device's setting. */
export function themeCss(theme: CourseTheme): string {
  const { font, size } = themes[theme.name];
  return [
    `:root{--ti-font:${font};--ti-font-size:${size};${declarations(theme.light)};color-scheme:light dark}`,
    `@media (prefers-color-scheme:dark){:root{${declarations(theme.dark)}}}`,
  ].join('\n');
}

/** A built-in theme as it is, with no union colours. */
export function builtInTheme(name: ThemeName): CourseTheme {
  return { name, light: { ...themes[name].light }, dark: { ...themes[name].dark } };
}
