/**
 * The course shell in a real build (the web copy, opened from file://): glossary terms,
 * the contents, the references and glossary pages, a question pool that keeps its draw
 * across a reload, a too-light accent darkened with a warning, and 320 px without
 * horizontal scrolling.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';

const courseDir = path.join(repoRoot, 'tests/fixtures/shell-course');
let out: string;
let stderr: string;
let browser: Browser;

before(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'teach-in-shell-'));
  const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');
  const result = spawnSync(
    process.execPath,
    [cli, 'build', courseDir, '--format', 'web', '--out', out],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(result.status, 0, result.stderr);
  stderr = result.stderr;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

const webDir = () => path.join(out, 'shell-course/web');

async function openCourse(): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP: only so the axe test can add its script; the course itself runs as shipped.
  const context = await browser.newContext({
    viewport: { width: 320, height: 640 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  const { errors } = recordPage(page);
  await page.goto(pathToFileURL(path.join(webDir(), 'index.html')).href);
  await page.getByRole('button', { name: 'Contents' }).waitFor();
  return { page, errors };
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('a too-light accent is darkened to reach 4.5:1, and the build says so at its line', () => {
  assert.match(stderr, /warning\[accent-darkened\]: The accent #ff9900 has too little contrast/);
  assert.match(stderr, /course\.yaml:12:11/);
  const css = readFileSync(path.join(webDir(), 'teach-in.css'), 'utf8');
  const theme = css.slice(css.lastIndexOf('\n:root{'));
  const accent = /--ti-accent:(#[0-9a-f]{6})/.exec(theme)?.[1];
  assert.ok(accent && accent !== '#ff9900', `accent in the stylesheet: ${accent}`);
  assert.match(theme, /--ti-header-bg:(#[0-9a-f]{6});/, 'the header follows the accent');
  assert.match(theme, /@media \(prefers-color-scheme:dark\)/);
});

test('glossary terms open in place, and the glossary and references pages list them', async () => {
  const { page, errors } = await openCourse();
  const terms = page.getByRole('button', { name: 'algorithmic management' });
  assert.equal(await terms.count(), 1, 'only the first occurrence on the page is a term');
  await terms.click();
  assert.equal(await terms.getAttribute('aria-expanded'), 'true');
  await page
    .getByText('Software that assigns, times or rates work in place of a manager.')
    .first()
    .waitFor();
  assert.equal(await noHorizontalScroll(page), true, 'term open at 320 px');

  await page.getByRole('button', { name: 'Contents' }).click();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  assert.deepEqual(
    (await contents.getByRole('link').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
    [
      'Software that decides (you are here) ✓, seen',
      'Your right to see your data',
      'Final check',
      'Glossary',
      'References',
      'What this course records',
      // The print view (print.html), opened in a new window so the course stays open.
      'Print this course',
    ],
  );
  assert.equal(await noHorizontalScroll(page), true, 'contents open at 320 px');
  await contents.getByRole('link', { name: 'Glossary' }).click();
  const glossary = page.getByRole('region', { name: 'Glossary' });
  assert.deepEqual(await glossary.locator('dt').allTextContents(), [
    'algorithmic management',
    'DSAR',
  ]);

  await page.getByRole('button', { name: 'Contents' }).click();
  await contents.getByRole('link', { name: 'References' }).click();
  const references = page.getByRole('region', { name: 'References' });
  assert.deepEqual(await references.getByRole('heading', { level: 3 }).allTextContents(), [
    'Who decides',
  ]);
  assert.deepEqual(
    (await references.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ')),
    [
      'Partnership on AI, AI and Job Quality: Insights from Frontline Workers (2022) Cited on: Software that decides, Your right to see your data',
      'Regulation (EU) 2016/679, Article 15 Cited on: Your right to see your data',
    ],
  );
  await references.getByRole('link', { name: 'Your right to see your data' }).last().click();
  const heading = page.getByRole('heading', { name: 'Your right to see your data' });
  assert.equal(await heading.evaluate((h) => h === document.activeElement), true);
  assert.equal(await page.getByRole('button', { name: 'DSAR' }).count(), 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a pool shows one of its two questions, the same one after a reload', async () => {
  const { page, errors } = await openCourse();
  await page.getByRole('button', { name: 'Contents' }).click();
  await page.getByRole('link', { name: 'Final check' }).click();
  const shown = async () => {
    const names: string[] = [];
    for (const name of ['First pool question?', 'Second pool question?']) {
      if (await page.getByRole('group', { name }).isVisible()) names.push(name);
    }
    return names;
  };
  const before = await shown();
  assert.equal(before.length, 1, `shown: ${before}`);
  await page.reload();
  await page.getByRole('heading', { name: 'Final check' }).waitFor();
  assert.deepEqual(await shown(), before);
  assert.deepEqual(errors, []);
  await page.context().close();
});

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's WCAG 2.x A and AA rules on the page as it is now, as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

test('the built page has no axe violations: contents open, a term open, the notice', async () => {
  const { page } = await openCourse();
  assert.deepEqual(await axeViolations(page), [], 'first page');
  await page.getByRole('button', { name: 'algorithmic management' }).click();
  await page.getByRole('button', { name: 'Contents' }).click();
  assert.deepEqual(await axeViolations(page), [], 'contents and term open');
  await page.getByRole('link', { name: 'What this course records' }).click();
  assert.deepEqual(await axeViolations(page), [], 'the data notice');
  await page.getByRole('button', { name: 'Back to the course' }).click();
  await page.getByRole('button', { name: 'Contents' }).click();
  await page.getByRole('link', { name: 'Final check' }).click();
  assert.deepEqual(await axeViolations(page), [], 'the page with the pool');
  await page.context().close();
});
