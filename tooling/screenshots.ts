/**
 * Real Chromium screenshots for the README and docs, at phone width (360 px, device scale 2):
 * each built-in theme in light and dark mode, a question with its feedback, the summary,
 * the certificate and the workshop's facilitator dashboard. Run when the look changes:
 *   pnpm exec tsx tooling/screenshots.ts        (writes docs/images/*.png)
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { themeNames } from '@teach-in/course-schema';
import type { Page } from 'playwright-core';
import { buildToTemp, repoRoot } from '../tests/support/build-fixture.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { HttpParticipant, startWorkshopCli } from '../tests/support/workshop.ts';

const images = path.join(repoRoot, 'docs/images');
mkdirSync(images, { recursive: true });
const fixture = path.join(repoRoot, 'tests/fixtures/media-course');

/** The media course with another theme: a copy of its folder with `theme.name` changed. */
function courseWithTheme(theme: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `teach-in-shot-${theme}-`));
  cpSync(fixture, dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'course.yaml'), 'utf8');
  writeFileSync(path.join(dir, 'course.yaml'), yaml.replace(/name: warm/, `name: ${theme}`));
  return dir;
}

const browser = await launchChromium();
const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: path.join(images, `${name}.png`), fullPage: false });
  console.log(`docs/images/${name}.png`);
};

for (const theme of themeNames) {
  const dir = courseWithTheme(theme);
  const out = buildToTemp(dir, 'web');
  const index = pathToFileURL(path.join(out, 'media-course/web/index.html')).href;
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      colorScheme,
    });
    const page = await context.newPage();
    await page.goto(index);
    await page.getByRole('button', { name: 'Next' }).click();
    const group = page.getByRole('group', { name: 'What did the talk show?' });
    await group.getByRole('radio', { name: 'A yellow bar' }).check();
    await group.getByRole('button', { name: 'Check answer' }).click();
    await group.scrollIntoViewIfNeeded();
    await shot(page, `theme-${theme}-${colorScheme}`);
    if (theme === 'clean' && colorScheme === 'light') {
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('heading', { name: 'Your result' }).scrollIntoViewIfNeeded();
      await shot(page, 'summary');
      await page
        .getByRole('textbox', { name: 'Your name, as it should appear on the certificate' })
        .fill('Amina Yusuf');
      await page
        .getByRole('region', { name: 'Certificate of completion' })
        .scrollIntoViewIfNeeded();
      await shot(page, 'certificate');
    }
    await context.close();
  }
  rmSync(out, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}

// The facilitator dashboard of a real `teach-in workshop`, with a few phones joined.
const workshopData = mkdtempSync(path.join(tmpdir(), 'teach-in-shot-workshop-'));
const workshop = await startWorkshopCli([
  path.join(repoRoot, 'courses/ai-and-job-quality'),
  '--port',
  '0',
  '--data',
  workshopData,
]);
for (const nickname of ['Amina', 'Jo', 'Sam']) await HttpParticipant.join(workshop.url, nickname);
const context = await browser.newContext({
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
});
const page = await context.newPage();
await page.goto(`${workshop.url}facilitator`);
await page.getByLabel('Token printed in the terminal').fill(workshop.token);
await page.getByRole('button', { name: 'Open the dashboard' }).click();
await page.getByRole('heading', { name: 'Workshop dashboard' }).waitFor();
await shot(page, 'facilitator-dashboard');
await context.close();
await workshop.stop();
rmSync(workshopData, { recursive: true, force: true });
await browser.close();
