import { cpSync, readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { startCoursePreview } from '@teach-in/cli';
import { launchChromium } from './tests/support/chromium.ts';
const course = mkdtempSync('/tmp/dbgc-') + '/c';
cpSync('courses/sample-module', course, { recursive: true });
const data = mkdtempSync('/tmp/dbgd-');
let t0 = Date.now();
const rel = () => Date.now() - t0;
const running = await startCoursePreview(course, { dataDir: data, onRebuild: (b) => console.log(rel(), 'rebuild', b.kind) });
const browser = await launchChromium();
const page = await browser.newPage();
page.on('console', (m) => console.log(rel(), 'console', m.type(), m.text().slice(0, 200)));
page.on('requestfailed', (r) => console.log(rel(), 'FAILED', r.method(), r.url(), r.failure()?.errorText));
page.on('response', (r) => { if (r.request().method() === 'POST' || r.url().endsWith(':' + new URL(running.url).port + '/')) console.log(rel(), 'resp', r.status(), r.request().method(), r.url().slice(22)); });
await page.goto(running.url);
const f = course + '/modules/your-data-rights.md';
await page.frameLocator('iframe').getByRole('button', { name: 'Next' }).click();
await page.waitForTimeout(500);
for (let i = 0; i < 12; i++) {
  t0 = Date.now();
  writeFileSync(f, readFileSync(f, 'utf8').replace(/Many workers( \d+)? do/, `Many workers ${i} do`));
  await page.frameLocator('iframe').getByText(`Many workers ${i} do`).waitFor();
  await page.waitForTimeout(300);
  const entry = await page.locator('#entry').textContent();
  console.log(rel(), 'ITER', i, 'entry', entry);
}
await browser.close(); await running.close();
