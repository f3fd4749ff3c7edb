import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accessibleShade,
  builtInTheme,
  colorKeys,
  colorPairs,
  contrastRatio,
  themeCss,
  themeNames,
  themes,
  worstContrast,
} from '../src/index.ts';

describe('the built-in themes', () => {
  for (const name of themeNames) {
    for (const mode of ['light', 'dark'] as const) {
      it(`${name}, ${mode}: every colour pair reaches the theme's minimum`, () => {
        const palette = themes[name][mode];
        const minimum = themes[name].minimum;
        for (const pair of colorPairs) {
          const ratio = contrastRatio(palette[pair.fg], palette[pair.bg]);
          assert.ok(
            ratio >= minimum[pair.kind],
            `${pair.fg} ${palette[pair.fg]} on ${pair.bg} ${palette[pair.bg]}: ${ratio.toFixed(2)}`,
          );
        }
      });
    }
  }

  it('writes every colour as a custom property, the dark palette under prefers-color-scheme', () => {
    const css = themeCss(builtInTheme('warm'));
    for (const key of colorKeys) assert.match(css, new RegExp(`--ti-${key}:#[0-9a-f]{6}`));
    assert.match(css, /@media \(prefers-color-scheme:dark\)\{:root\{--ti-background:#1d1913;/);
    assert.match(css, /--ti-font:Charter,[^;]*serif;/);
    assert.doesNotMatch(
      css,
      /url\(|@import|@font-face/,
      'system fonts only: nothing is downloaded',
    );
  });
});

describe('shades that reach a contrast', () => {
  it('keeps a colour with enough contrast', () => {
    assert.deepEqual(accessibleShade('#9B1C1C', ['#ffffff', '#f3f3f3'], 4.5), {
      color: '#9b1c1c',
      adjusted: false,
      contrast: worstContrast('#9b1c1c', ['#ffffff', '#f3f3f3']),
    });
  });

  it('darkens a light accent just enough, keeping its hue, on light backgrounds', () => {
    const choice = accessibleShade('#ff9900', ['#ffffff', '#f3f3f3'], 4.5);
    assert.equal(choice.adjusted, true);
    assert.ok(choice.contrast >= 4.5 && choice.contrast < 4.8, `${choice.contrast}`);
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(choice.color.slice(i, i + 2), 16));
    assert.ok(r! > g! && b === 0, `keeps the hue: ${choice.color}`);
  });

  it('lightens a dark accent on dark backgrounds', () => {
    const choice = accessibleShade('#9b1c1c', ['#121212', '#242424'], 4.5);
    assert.equal(choice.adjusted, true);
    assert.ok(choice.contrast >= 4.5, `${choice.contrast}`);
    assert.ok(Number.parseInt(choice.color.slice(1, 3), 16) > 0x9b, choice.color);
  });
});
