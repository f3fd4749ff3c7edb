import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { colorKeys, themes } from '@teach-in/course-schema';

describe('the shared stylesheet and the themes', () => {
  it("course.css's fallback values are the clean theme's light palette", () => {
    const css = readFileSync(
      new URL('../../quiz-elements/src/course-shell/course.css', import.meta.url),
      'utf8',
    );
    const root = /:root \{([^}]*)\}/.exec(css)?.[1] ?? '';
    for (const key of colorKeys) {
      assert.match(root, new RegExp(`--ti-${key}: ${themes.clean.light[key]};`), key);
    }
  });});
