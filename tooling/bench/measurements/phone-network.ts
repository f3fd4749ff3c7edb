import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startHost, unpackZip } from '@teach-in/lms-host';
import { launchChromium } from '../../../tests/support/chromium.ts';
import { kb, median, ms, verdict } from '../format.ts';
import { comparisons, type NetworkProfile, networkProfiles } from '../reference.ts';
import { startGzipProxy } from '../support/gzip-proxy.ts';
import { type PhoneRun, phoneRun } from '../support/phone-run.ts';
import type { Cell, Measurement } from '../types.ts';

const formats = ['scorm12', 'scorm2004'] as const;

interface Series {
  format: (typeof formats)[number];
  profile: NetworkProfile['id'];
  runs: PhoneRun[];
  contentMs: number;
  contentFloorMs: number;
  launchMs: number;
  launchFloorMs: number;
}

function summarize(format: Series['format'], profile: NetworkProfile, runs: PhoneRun[]): Series {
  return {
    format,
    profile: profile.id,
    runs,
    contentMs: median(runs.map((r) => r.contentMs)),
    contentFloorMs: median(runs.map((r) => r.contentFloor.floorMs)),
    launchMs: median(runs.map((r) => r.launchMs)),
    launchFloorMs: median(runs.map((r) => r.launchFloor.floorMs)),
  };
}

/** First content of the benchmark module on two phone networks, inside the scorm-again host. */
export const phoneNetwork: Measurement = {
  id: 'network',
  title: 'First content on a phone network',
  async run(context) {
    const runs = context.quick ? 2 : 5;
    const built = context.built(context.benchmarkDir);
    const browser = await launchChromium();
    const series: Series[] = [];
    try {
      for (const format of formats) {
        const packageDir = mkdtempSync(path.join(context.tempDir, `${format}-`));
        unpackZip(
          new Uint8Array(readFileSync(path.join(built.outDir, `${built.id}.${format}.zip`))),
          packageDir,
        );
        const host = await startHost({ packageDir });
        const proxy = await startGzipProxy(host.url);
        try {
          for (const profile of networkProfiles) {
            context.log(`${format}, ${profile.label}: ${runs} runs`);
            const measured: PhoneRun[] = [];
            for (let i = 0; i < runs; i += 1) {
              measured.push(await phoneRun(browser, proxy.url, host.config().launchUrl, profile));
            }
            series.push(summarize(format, profile, measured));
          }
        } finally {
          await proxy.close();
          await host.close();
        }
      }
    } finally {
      await browser.close();
    }

    const rows: Cell[][] = [];
    for (const profile of networkProfiles) {
      for (const s of series.filter((x) => x.profile === profile.id)) {
        const sample = s.runs[0]!.contentFloor;
        rows.push([
          profile.label,
          `Teach-in ${s.format}`,
          ms(s.contentMs),
          `< ${ms(profile.targetMs)}`,
          verdict(s.contentMs, profile.targetMs),
          ms(s.contentFloorMs),
          `${(s.contentMs / s.contentFloorMs).toFixed(2)}x`,
          `${sample.requests} / ${kb(sample.bytes)}`,
          ms(s.launchMs),
          `${(s.launchMs / s.launchFloorMs).toFixed(2)}x`,
        ]);
      }
      for (const c of comparisons) {
        rows.push([
          profile.label,
          `${c.tool} (issue 7)`,
          ms(c.firstContentMs[profile.id]),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ]);
      }
    }
    return {
      tables: [
        {
          title: `Benchmark module, headless Chromium, 360x740 phone viewport, cache off (median of ${runs})`,
          columns: [
            'network',
            'package',
            'first content',
            'target',
            'verdict',
            'floor',
            'vs floor',
            'requests / bytes (run 1)',
            'from launch',
            'vs floor',
          ],
          rows,
        },
      ],
      data: { runsPerFigure: runs, series },
      notes: [
        "First content: when Chromium paints the text of the first page's heading inside the viewport, from the Element Timing API (tooling/bench/support/first-content-probe.ts); it coincides with the course frame's First Contentful Paint.",
        '"first content" counts from the request for the course page inside the LMS frame (what the package controls); "from launch" counts from the request for the LMS host page, so it adds the host page and scorm-again, which belong to the LMS.',
        'floor = round trips x latency + bytes x 8 / bandwidth, over the requests finished before first content (tooling/bench/support/network-floor.ts); "requests / bytes" is that set for the package, as received (gzip, with headers).',
        "Served by lms-host through a gzip proxy, as an LMS web server would; the throttling is Chromium's (Network.emulateNetworkConditions), the CPU is not slowed down.",
        'Adapt and LiaScript: figures quoted in issue 7 for the same module, not measured here.',
      ],
    };
  },
};
