import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { contrastRatio, themes } from '@teach-in/course-schema';
import { loadCourse } from '../src/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const load = (name: string) => loadCourse(path.join(fixtures, name), path.join(fixtures, name));

describe("the union's look in course.yaml", () => {
  test('every problem with the colours and the logo, each at its line and column', () => {
    const { diagnostics } = load('theme-problems');
    assert.deepEqual(
      diagnostics.map(({ code, severity, line, column }) => ({ code, severity, line, column })),
      [
        { code: 'accent-darkened', severity: 'warning', line: 13, column: 11 },
        { code: 'low-contrast', severity: 'error', line: 15, column: 11 },
        { code: 'low-contrast', severity: 'error', line: 17, column: 17 },
        { code: 'bad-logo', severity: 'error', line: 10, column: 9 },
      ],
    );
    const [darkened, text, darkBackground] = diagnostics;
    assert.match(darkened!.message, /#ffcc00 .* uses #[0-9a-f]{6} \(4\.5\d:1\)/);
    assert.match(text!.message, /^In light mode, "text" #aaaaaa .*2\.17:1 with "background"/);
    assert.match(text!.message, /with "feedback-bg" .* with "field-bg"/);
    const suggested = /Try (#[0-9a-f]{6}) for "text"/.exec(text!.hint)?.[1];
    assert.ok(suggested, text!.hint);
    for (const bg of ['background', 'feedback-bg', 'field-bg'] as const) {
      assert.ok(
        contrastRatio(suggested, themes.warm.light[bg]) >= 4.5,
        `the suggestion passes on ${bg}`,
      );
    }
    assert.match(darkBackground!.message, /^In dark mode, "background" #f0f0f0 .*"text" #efe6d6/);
    assert.doesNotMatch(darkBackground!.message, /"accent"/, 'a derived accent is not blamed');
  });

  test('a union name, a packaged logo and a theme with a colour of its own', () => {
    const { course, diagnostics } = load('theme-branded');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(course?.union, { name: 'Example Union', logo: 'media/logo.svg' });
    assert.ok(course?.assets.includes('media/logo.svg'), 'the logo is packaged');
    assert.equal(course?.theme.name, 'high-contrast');
    assert.equal(course?.theme.light['header-bg'], '#003b66');
    assert.equal(course?.theme.light.accent, themes['high-contrast'].light.accent);
  });

  test('the high-contrast theme holds authored colours to 7:1', () => {
    // #767676 on white is 4.5:1: fine for the clean theme, not for high-contrast.
    const { diagnostics } = load('theme-high-contrast');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line]),
      [['low-contrast', 10]],
    );
    assert.match(diagnostics[0]!.message, /"muted" #767676 .*needs 7:1/);
  });
});
