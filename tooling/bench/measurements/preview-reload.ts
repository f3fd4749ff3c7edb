/**
 * How long an author waits between saving a module and seeing the change in
 * `teach-in preview`: from the file write to the new text visible in the course frame of a
 * real (headless) Chromium page. That covers the file watcher, its debounce, the rebuild of
 * every LMS variant, the server-sent reload event, the course suspending, and the page and
 * course loading again. The rebuild alone is reported beside it.
 *
 *   pnpm exec tsx tooling/bench/measurements/preview-reload.ts [--saves 7]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startCoursePreview } from '@teach-in/cli';
import { launchChromium } from '../../../tests/support/chromium.ts';
import { median, ms } from '../format.ts';
import type { Measurement } from '../types.ts';

export interface PreviewReloadResult {
  saves: number;
  /** Median milliseconds from the save to the changed text visible in the page. */
  medianMs: number;
  /** Median milliseconds of the rebuild alone (parse, check, export every variant). */
  rebuildMedianMs: number;
  samplesMs: number[];
  rebuildSamplesMs: number[];
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Saves a module `saves` times in a preview of the benchmark module and times each reload. */
export async function measurePreviewReload(
  options: { saves?: number; courseDir?: string } = {},
): Promise<PreviewReloadResult> {
  const saves = options.saves ?? 7;
  const temp = mkdtempSync(path.join(tmpdir(), 'teach-in-bench-preview-'));
  const course = path.join(temp, 'course');
  cpSync(options.courseDir ?? path.join(repoRoot, 'tooling/bench/sample-module'), course, {
    recursive: true,
  });
  const moduleFile = path.join(course, 'modules/your-data-rights.md');
  const original = readFileSync(moduleFile, 'utf8');
  const anchor = 'This short module explains';
  if (!original.includes(anchor)) throw new Error(`${moduleFile} no longer contains "${anchor}"`);

  const rebuildSamplesMs: number[] = [];
  const preview = await startCoursePreview(course, {
    dataDir: path.join(temp, 'data'),
    onRebuild: (_build, ms) => rebuildSamplesMs.push(ms),
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // Every document (the preview page and the course frame) reports, when it has loaded,
    // which save its text shows: no polling between the save and the measurement.
    await page.addInitScript(() => {
      addEventListener('load', () => {
        const shown = /This short module \(save (\d+)\) explains/.exec(
          document.body?.textContent ?? '',
        );
        if (shown) console.log(`teach-in-bench:shown:${shown[1]}`);
      });
    });
    const shown = (save: number) =>
      page.waitForEvent('console', {
        predicate: (message) => message.text() === `teach-in-bench:shown:${save}`,
        timeout: 30_000,
      });
    await page.goto(preview.url);
    await page.frameLocator('iframe').getByText(anchor).waitFor();
    const samplesMs: number[] = [];
    // One save more than measured: the first warms the page's and the watcher's paths.
    for (let save = 0; save <= saves; save++) {
      const seen = shown(save);
      const started = performance.now();
      writeFileSync(
        moduleFile,
        original.replace(anchor, `This short module (save ${save}) explains`),
      );
      await seen;
      if (save > 0) samplesMs.push(performance.now() - started);
    }
    const measuredRebuilds = rebuildSamplesMs.slice(1);
    return {
      saves,
      medianMs: median(samplesMs),
      rebuildMedianMs: median(measuredRebuilds),
      samplesMs,
      rebuildSamplesMs: measuredRebuilds,
    };
  } finally {
    await browser.close();
    await preview.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { saves: { type: 'string', default: '7' } },
  });
  const result = await measurePreviewReload({ saves: Number(values.saves) });
  process.stdout.write(
    `preview reload after a save: median ${result.medianMs.toFixed(0)} ms over ${result.saves} saves ` +
      `(rebuild alone ${result.rebuildMedianMs.toFixed(0)} ms)\n${JSON.stringify(result)}\n`,
  );
}

export const previewReload: Measurement = {
  id: 'preview',
  title: 'Preview: save to reload',
  async run(context) {
    const result = await measurePreviewReload({ saves: context.quick ? 3 : 7 });
    return {
      tables: [
        {
          title: 'teach-in preview: a module saved, to the changed page visible (median)',
          columns: ['saves', 'save to reload', 'rebuild alone'],
          rows: [[result.saves, ms(result.medianMs), ms(result.rebuildMedianMs)]],
        },
      ],
      data: result,
      notes: [
        'From writing the module file to the changed text visible in the preview page in Chromium: file watching, the debounce, the rebuild of every variant, the course suspending and the reload.',
      ],
    };
  },
};
