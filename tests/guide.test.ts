import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import type { Browser, Page } from 'playwright-core';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';

const fixture = path.join(repoRoot, 'packages/course-parser/test/fixtures/every-question-type');

describe('the facilitator guide (<course-id>.guide.html)', () => {
  let browser: Browser;
  let page: Page;
  let recorded: ReturnType<typeof recordPage>;
  let html: string;

  before(async () => {
    const out = buildToTemp(fixture, 'guide');
    const file = path.join(out, 'every-question-type', 'every-question-type.guide.html');
    html = readFileSync(file, 'utf8');
    browser = await launchChromium();
    page = await browser.newPage();
    recorded = recordPage(page);
    await page.goto(pathToFileURL(file).href);
  });
  after(() => browser?.close());

  test('has the answer key of every question type and the workshop with its handouts', async () => {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a facilitator reads.
    const text = await page.locator('main').innerText();
    for (const expected of [
      'Right (right answer)',
      'AI tools are always neutral.: false',
      'Access → Get a copy of your data',
      'Accepted: DSAR, SAR (case matters)',
      'Completed: Reply within one month in the EU, or three months if extended.',
      'Agreement scale, no right answer: Never / Sometimes / Often',
      'The manager has to find out',
      'The text stays on the learner’s device.',
      'The text is sent to the LMS.',
      'Our workplace, our data',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}`);
    }
    assert.deepEqual(await page.locator('.handout h2').allInnerTexts(), [
      'Handout: Mapping worksheet',
      'Handout: Disclosure request template',
    ]);
  });

  test('modules, the workshop and each handout start a new printed page', async () => {
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('.module, .workshop, .handout', (sections) =>
      sections.map((s) => getComputedStyle(s).breakBefore),
    );
    assert.ok(breaks.length >= 4);
    assert.ok(
      breaks.every((b) => b === 'page'),
      breaks.join(),
    );
  });

  for (const format of ['A4', 'Letter'] as const) {
    test(`prints to ${format} with nothing cut off at the side`, async () => {
      await page.emulateMedia({ media: 'print' });
      // Printable width: 210 mm (A4) or 215.9 mm (Letter) less the 15 mm margins, at 96 dpi.
      const width = Math.floor((((format === 'A4' ? 210 : 215.9) - 30) / 25.4) * 96);
      await page.setViewportSize({ width, height: 1000 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0);
      const pdf = await page.pdf({ format, preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      // Cover and contents, one module, the workshop, two handouts: at least 5 sheets.
      assert.ok(pages >= 5, `${pages} pages`);
    });
  }

  test('asks for nothing from the network and runs no script', () => {
    assert.deepEqual(
      recorded.requests.filter((url) => !url.startsWith('file:')),
      [],
    );
    assert.doesNotMatch(html, /<script/i);
  });
});

/** Visible text of an HTML fragment, with spaces made even, to find it in the guide. */
const textOf = (html: string): string =>
  html
    .replace(/<sup class="ti-cite">.*?<\/sup>/g, '')
    .replace(/<[^>]+>/g, ' ')
    // Entities and quote marks differ between the parser's HTML and the sanitized guide.
    .replace(/&(#x?[0-9a-f]+|[a-z]+);|['"]/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the facilitator guide of a curriculum course', () => {
  const courseDir = path.join(repoRoot, 'courses/data-rights-at-work');
  const { course } = loadCourse(courseDir);
  const out = buildToTemp(courseDir, 'guide');
  const html = readFileSync(
    path.join(out, 'data-rights-at-work/data-rights-at-work.guide.html'),
    'utf8',
  );
  const guideText = textOf(html);

  test('has every page with its lesson text and facilitator notes, in the order of the module', () => {
    assert.ok(course);
    let notes = 0;
    for (const module of course.modules) {
      for (const page of module.pages) {
        let from = guideText.indexOf(textOf(page.title));
        assert.ok(from >= 0, `page "${page.title}" is missing`);
        for (const block of page.blocks) {
          if (block.kind === 'question' || block.kind === 'media') continue;
          if (block.kind === 'facilitator') notes++;
          // Each text block (lesson, callout, note) follows the one before it.
          const snippet = textOf(block.html).slice(0, 60);
          const at = guideText.indexOf(snippet, from);
          assert.ok(at >= 0, `${page.id}: "${snippet}" missing or out of order`);
          from = at + snippet.length;
        }
      }
    }
    assert.ok(notes >= course.modules.length, `${notes} notes`);
  });

  test("citations in the lesson text lead to the page's sources", () => {
    const targets = [...html.matchAll(/class="ti-cite"><a href="#([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(targets.length > 20, `${targets.length} citations`);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
    assert.deepEqual(
      [...new Set(targets)].filter((id) => !ids.has(id)),
      [],
    );
  });
});
