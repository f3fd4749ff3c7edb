/**
 * The print view of a real course (ai-at-work: every question type but one), from the
 * offline copy: every module and page, each question with its choices and no answer,
 * axe-clean at 320 px, and printed by Chromium to PDF on A4 and on Letter with each
 * module starting a new sheet.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import type { Question } from '@teach-in/course-schema';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';

const courseDir = path.join(repoRoot, 'courses/ai-at-work');
const course = loadCourse(courseDir).course!;
let out: string;
let browser: Browser;
let page: Page;
let errors: string[];

before(async () => {
  out = buildToTemp(courseDir, 'web');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  errors = recordPage(page).errors;
  await page.goto(pathToFileURL(path.join(out, 'ai-at-work/web/print.html')).href);
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

const questions = (): Question[] =>
  course.modules.flatMap((m) =>
    m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : []))),
  );

/** PDF pages, counted from the page objects Chromium writes. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

describe('the print view', () => {
  test('shows every module and page, and every question with its choices but no answers', async () => {
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    assert.deepEqual(
      headings,
      course.modules.map((m) => m.title),
    );
    const pageHeadings = await page.getByRole('heading', { level: 3 }).allInnerTexts();
    assert.deepEqual(
      pageHeadings,
      course.modules.flatMap((m) => m.pages.map((p) => p.title)),
    );
    const printed = await page.locator('.ti-print-question').count();
    assert.equal(printed, questions().length);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const q of questions()) {
      if (q.type === 'single' || q.type === 'multiple') {
        for (const c of q.choices) {
          const plain = c.html
            .replace(/<[^>]+>/g, '')
            .replace(/&#39;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&')
            .trim();
          assert.ok(text.includes(plain), `${q.id}: ${c.id} "${plain}"`);
        }
      }
    }
    const html = readFileSync(path.join(out, 'ai-at-work/web/print.html'), 'utf8');
    assert.doesNotMatch(html, /✓|is-right|"correct"/, 'no answer is marked');
    // Nor given away by feedback: no choice's feedback is printed.
    for (const q of questions()) {
      if (q.type !== 'single' && q.type !== 'multiple') continue;
      for (const c of q.choices) {
        if (c.feedbackHtml) assert.ok(!html.includes(c.feedbackHtml), `${q.id}/${c.id} feedback`);
      }
    }
    assert.doesNotMatch(html, /<script/, 'the print view runs no script');
    assert.deepEqual(errors, []);
  });

  test('has no axe violations at 320 px, light and dark', async () => {
    assert.deepEqual(await axeViolations(page), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axeViolations(page), []);
    await page.emulateMedia({ colorScheme: 'light' });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
  });

  test('at 200% zoom with text at 200% it fits 640 CSS px and stays accessible', async () => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    try {
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 640));
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '';
      });
      await page.setViewportSize({ width: 320, height: 640 });
    }
  });

  for (const format of ['A4', 'Letter'] as const) {
    test(`prints on ${format}, each module from a new sheet`, async () => {
      await page.emulateMedia({ media: 'print' });
      const starts = await page
        .locator('.ti-print-module')
        .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
      assert.deepEqual(starts, ['auto', ...Array(course.modules.length - 1).fill('page')]);
      await page.emulateMedia({ media: 'screen' });
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = pdfPages(pdf);
      assert.ok(pages >= course.modules.length, `${format}: ${pages} pages`);
    });
  }
});
