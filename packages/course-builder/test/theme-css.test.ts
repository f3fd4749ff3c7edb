import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { builtInTheme, type Course, colorKeys, themeCss, themes } from '@teach-in/course-schema';
import { packageFiles } from '../src/exporters/package-files.ts';
import { renderCoursePage } from '../src/render-page.ts';

const course: Course = {
  id: 'branded',
  version: '1.0.0',
  title: 'Your data & you',
  language: 'en',
  passingScore: 80,
  completion: 'both',
  theme: builtInTheme('warm'),
  end: { certificate: true },
  union: { name: 'Workers <United>' },
  modules: [],
  dir: '/nowhere',
  assets: [],
  glossary: [],
};

const runtime = () => ({ js: '', css: '.base{}' });

describe('the course look in the page and the stylesheet', () => {
  it("course.css's fallback values are the clean theme's light palette", () => {
    const css = readFileSync(
      new URL('../../quiz-elements/src/course-shell/course.css', import.meta.url),
      'utf8',
    );
    const root = /:root \{([^}]*)\}/.exec(css)?.[1] ?? '';
    for (const key of colorKeys) {
      assert.match(root, new RegExp(`--ti-${key}: ${themes.clean.light[key]};`), key);
    }
  });

  it("the stylesheet ends with the course's theme, so its properties win", () => {
    const css = new TextDecoder().decode(
      packageFiles(course, runtime, 'standalone').get('teach-in.css'),
    );
    assert.ok(css.startsWith('.base{}'));
    assert.ok(css.trimEnd().endsWith(themeCss(course.theme)), css);
  });

  it("the header carries the union's name, and its logo as a decorative image beside it", () => {
    const anchor = (p: string, k: string) => `${p}-${k}`;
    const withLogo = renderCoursePage(
      { ...course, union: { name: 'Workers <United>', logo: 'media/logo.svg' } },
      { lms: 'standalone', anchor },
    );
    assert.match(
      withLogo,
      /<header class="ti-header"><div class="ti-header-inner"><div class="ti-brand"><img class="ti-logo" src="media\/logo.svg" alt=""><p class="ti-union">Workers &lt;United&gt;<\/p><\/div><h1>Your data &amp; you<\/h1>/,
    );
    const { union: _none, ...unbranded } = course;
    const plain = renderCoursePage(unbranded, { lms: 'standalone', anchor });
    assert.doesNotMatch(plain, /ti-brand|ti-logo/);
  });
});
