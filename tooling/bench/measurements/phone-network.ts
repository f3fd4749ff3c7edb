import { launchChromium } from '../../../tests/support/chromium.ts';
import { median, ms, verdict } from '../format.ts';
import { comparisons, type NetworkProfile, networkProfiles, targets } from '../reference.ts';
import type { ChartGroup } from '../support/chart.ts';
import { hostPackage } from '../support/hosted-package.ts';
import type { Floor } from '../support/network-floor.ts';
import { type PhoneRun, phoneRun } from '../support/phone-run.ts';
import type { Cell, Measurement } from '../types.ts';

const formats = ['scorm12', 'scorm2004'] as const;

interface Series {
  format: (typeof formats)[number];
  profile: NetworkProfile['id'];
  runs: PhoneRun[];
  /** Medians of the runs. */
  contentFromPageMs: number;
  contentFromLaunchMs: number;
  usableFromPageMs: number;
  usableFromLaunchMs: number;
  contentFloorMs: number;
  contentTlsFloorMs: number;
  launchFloorMs: number;
  launchTlsFloorMs: number;
  usableLaunchFloorMs: number;
  /** The LMS's own share of that floor: its host page and its API, not the package. */
  lmsLaunchFloorMs: number;
}

const medianOf = (runs: PhoneRun[], pick: (run: PhoneRun) => number) => median(runs.map(pick));
const floorOf = (
  run: PhoneRun,
  key: 'contentFloor' | 'launchFloor' | 'usableLaunchFloor' | 'lmsLaunchFloor',
) => {
  const floor = run[key];
  if (!floor) throw new Error(`a throttled run has no ${key}`);
  return floor;
};

function summarize(format: Series['format'], profile: NetworkProfile, runs: PhoneRun[]): Series {
  return {
    format,
    profile: profile.id,
    runs,
    contentFromPageMs: medianOf(runs, (r) => r.content.fromPageMs),
    contentFromLaunchMs: medianOf(runs, (r) => r.content.fromLaunchMs),
    usableFromPageMs: medianOf(runs, (r) => r.usable.fromPageMs),
    usableFromLaunchMs: medianOf(runs, (r) => r.usable.fromLaunchMs),
    contentFloorMs: medianOf(runs, (r) => floorOf(r, 'contentFloor').floorMs),
    contentTlsFloorMs: medianOf(runs, (r) => floorOf(r, 'contentFloor').tlsFloorMs),
    launchFloorMs: medianOf(runs, (r) => floorOf(r, 'launchFloor').floorMs),
    launchTlsFloorMs: medianOf(runs, (r) => floorOf(r, 'launchFloor').tlsFloorMs),
    usableLaunchFloorMs: medianOf(runs, (r) => floorOf(r, 'usableLaunchFloor').floorMs),
    lmsLaunchFloorMs: medianOf(runs, (r) => floorOf(r, 'lmsLaunchFloor').floorMs),
  };
}

const ratio = (measured: number, floor: number) => `${(measured / floor).toFixed(2)}x`;
const trips = (floor: Floor) => `${floor.roundTrips} / ${floor.requests}`;

/** Target cell and verdict: only the figures the issues set a goal for. */
function goal(value: number, limit: number | undefined): [Cell, Cell] {
  return limit === undefined ? ['', ''] : [`< ${ms(limit)}`, verdict(value, limit)];
}

/**
 * The least any package could reach from the launch: the LMS's own share of the floor (its
 * host page and API, which no package can make smaller) and one more round trip, for the
 * course page the LMS then opens.
 */
const reachableFloor = (s: Series, profile: NetworkProfile) =>
  s.lmsLaunchFloorMs + profile.latencyMs;

/**
 * The usable-question goal from the launch, with the floor beside it: when the target is
 * below what the LMS's own bytes and trips cost, the verdict says so rather than only OVER.
 */
function usableGoal(s: Series, profile: NetworkProfile): [Cell, Cell, Cell, Cell] {
  if (profile.id !== 'slow') return ['', '', '', ''];
  const limit = targets.firstUsableFromLaunchSlowMs;
  const floor = reachableFloor(s, profile);
  const belowFloor = limit < floor ? ' (target below the floor)' : '';
  return [
    `< ${ms(limit)}`,
    ms(s.usableLaunchFloorMs),
    ms(floor),
    `${verdict(s.usableFromLaunchMs, limit)}${belowFloor}`,
  ];
}

function firstContentRows(series: Series[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const profile of networkProfiles) {
    for (const s of series.filter((x) => x.profile === profile.id)) {
      rows.push([
        profile.label,
        `Teach-in ${s.format}`,
        ms(s.contentFromPageMs),
        ...goal(s.contentFromPageMs, profile.targetMs),
        ms(s.contentFromLaunchMs),
        ms(s.usableFromPageMs),
        ms(s.usableFromLaunchMs),
        ...usableGoal(s, profile),
      ]);
    }
    for (const c of comparisons) {
      const quoted = c.firstContentMs[profile.id];
      rows.push([
        profile.label,
        `${c.tool} (issue 7)`,
        '',
        '',
        '',
        ms(quoted),
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  return rows;
}

function floorRows(series: Series[]): Cell[][] {
  return series.map((s) => {
    const profile = networkProfiles.find((p) => p.id === s.profile)!;
    const first = s.runs[0]!;
    return [
      profile.label,
      s.format,
      `${trips(floorOf(first, 'contentFloor'))}`,
      ms(s.contentFloorMs),
      ms(s.contentTlsFloorMs),
      ratio(s.contentFromPageMs, s.contentFloorMs),
      `${trips(floorOf(first, 'launchFloor'))}`,
      ms(s.launchFloorMs),
      ms(s.launchTlsFloorMs),
      ratio(s.contentFromLaunchMs, s.launchFloorMs),
      ratio(s.usableFromLaunchMs, s.usableLaunchFloorMs),
    ];
  });
}

function chart(series: Series[]): ChartGroup[] {
  return networkProfiles.map((profile) => {
    const s = series.find((x) => x.profile === profile.id && x.format === 'scorm12')!;
    return {
      title: `${profile.label}, SCORM 1.2 in the LMS host (median)`,
      unit: 'ms',
      bars: [
        {
          label: 'Teach-in first content (page)',
          value: s.contentFromPageMs,
          target: profile.targetMs,
        },
        { label: 'network floor (launch)', value: s.launchFloorMs },
        { label: 'Teach-in first content (launch)', value: s.contentFromLaunchMs },
        {
          label: 'Teach-in usable question (launch)',
          value: s.usableFromLaunchMs,
          target: profile.id === 'slow' ? targets.firstUsableFromLaunchSlowMs : undefined,
        },
        { label: 'least reachable usable (launch)', value: reachableFloor(s, profile) },
        ...comparisons.map((c) => ({
          label: `${c.tool} first content (quoted)`,
          value: c.firstContentMs[profile.id],
        })),
      ],
    };
  });
}

/** First content and first usable question of the benchmark module on two phone networks. */
export const phoneNetwork: Measurement = {
  id: 'network',
  title: 'First content and first usable question on a phone network',
  async run(context) {
    const runs = context.quick ? 2 : 5;
    const built = context.built(context.benchmarkDir);
    const browser = await launchChromium();
    const series: Series[] = [];
    try {
      for (const format of formats) {
        const hosted = await hostPackage(context, built, format);
        try {
          for (const profile of networkProfiles) {
            context.log(`${format}, ${profile.label}: ${runs} runs`);
            const measured: PhoneRun[] = [];
            for (let i = 0; i < runs; i += 1) {
              measured.push(
                await phoneRun(browser, hosted.url, hosted.contentPath, { network: profile }),
              );
            }
            series.push(summarize(format, profile, measured));
          }
        } finally {
          await hosted.close();
        }
      }
    } finally {
      await browser.close();
    }
    return {
      tables: [
        {
          title: `Benchmark module, headless Chromium, 360x740 phone viewport, cache off, CPU as it is (median of ${runs})`,
          columns: [
            'network',
            'package',
            'first content (page)',
            'target',
            'verdict',
            'first content (launch)',
            'usable question (page)',
            'usable question (launch)',
            'target',
            'its floor',
            'least reachable',
            'verdict',
          ],
          rows: firstContentRows(series),
        },
        {
          title: 'Against the network floor (first content; round trips / requests of run 1)',
          columns: [
            'network',
            'package',
            'trips (page)',
            'floor',
            'floor TLS',
            'vs floor',
            'trips (launch)',
            'floor',
            'floor TLS',
            'vs floor',
            'usable vs floor',
          ],
          rows: floorRows(series),
        },
      ],
      data: { runsPerFigure: runs, series },
      chart: chart(series),
      notes: [
        "First content: when Chromium paints the text of the first page's heading inside the viewport, from the Element Timing API (tooling/bench/support/first-content-probe.ts); it coincides with the course frame's First Contentful Paint.",
        'First usable question: the first frame in which the first radio or checkbox of a question element is defined, rendered in its shadow root and enabled, on whichever page it is (tooling/bench/support/interaction-probe.ts).',
        '"(page)" counts from the request for the course page inside the LMS frame (what the package controls); "(launch)" from the request for the LMS host page, so it adds the host page and scorm-again, as the Adapt and LiaScript figures did.',
        'floor = round trips x latency + bytes x 8 / bandwidth, over the requests finished before first content (tooling/bench/support/network-floor.ts). A round trip is each request that had to wait for a byte of the one before (the stylesheet, named by the page, is one more); "floor TLS" adds a TCP and a TLS 1.3 handshake (2 x latency), what an HTTPS LMS costs at least; the emulation has neither, so "vs floor" divides by the plain floor.',
        'Usable question from the launch, "its floor": the floor (as above) over what arrived before the first usable question. "least reachable": the LMS\'s own share of it (its host page, host script and scorm-again, the LMS\'s API, which the package does not send) plus one round trip for the course page the LMS then opens: no package can be usable sooner on this network. When the target is below it, the verdict says "target below the floor".',
        "Served by lms-host through a gzip proxy, as an LMS web server would; the throttling is Chromium's (Network.emulateNetworkConditions, upload about half the download), the CPU is not slowed down.",
        'Adapt and LiaScript: first content from launch quoted in issue 7 for the same module, not measured here.',
      ],
    };
  },
};
