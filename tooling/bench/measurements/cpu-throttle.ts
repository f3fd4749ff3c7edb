import { launchChromium } from '../../../tests/support/chromium.ts';
import { median, ms, verdict } from '../format.ts';
import { cpuRates, targets } from '../reference.ts';
import type { ChartGroup } from '../support/chart.ts';
import { hostPackage } from '../support/hosted-package.ts';
import { type PhoneRun, phoneRun } from '../support/phone-run.ts';
import type { Cell, Measurement } from '../types.ts';

interface Series {
  cpuRate: number;
  runs: PhoneRun[];
  /** Medians of the runs. */
  contentFromLaunchMs: number;
  interactiveFromPageMs: number;
  interactiveFromLaunchMs: number;
  /** From the launch to the course page's request: the LMS's host page and scorm-again. */
  lmsShareMs: number;
  feedbackMs: number;
}

function summarize(cpuRate: number, runs: PhoneRun[]): Series {
  return {
    cpuRate,
    runs,
    contentFromLaunchMs: median(runs.map((r) => r.content.fromLaunchMs)),
    interactiveFromPageMs: median(runs.map((r) => r.usable.fromPageMs)),
    interactiveFromLaunchMs: median(runs.map((r) => r.usable.fromLaunchMs)),
    lmsShareMs: median(runs.map((r) => r.usable.fromLaunchMs - r.usable.fromPageMs)),
    feedbackMs: median(runs.map((r) => r.feedbackMs ?? Number.NaN)),
  };
}

const rateLabel = (rate: number) => (rate === 1 ? 'as it is (1x)' : `${rate}x slower`);

function chart(series: Series[]): ChartGroup[] {
  return [
    {
      title: 'Interactive (first usable question) from the LMS launch, by CPU slowdown',
      unit: 'ms',
      bars: series.map((s) => ({
        label: `CPU ${rateLabel(s.cpuRate)}`,
        value: s.interactiveFromLaunchMs,
        target: s.cpuRate === 6 ? targets.interactiveAt6xMs : undefined,
      })),
    },
    {
      title: 'Click on "Check answer" to the verdict painted, by CPU slowdown',
      unit: 'ms',
      bars: series.map((s) => ({ label: `CPU ${rateLabel(s.cpuRate)}`, value: s.feedbackMs })),
    },
  ];
}

/** Time to interactive and click-to-feedback with the phone's CPU emulated 4 and 6 times slower. */
export const cpuThrottle: Measurement = {
  id: 'cpu',
  title: 'Interactive and click-to-feedback on a slow phone CPU',
  async run(context) {
    const runs = context.quick ? 2 : 5;
    const built = context.built(context.benchmarkDir);
    const browser = await launchChromium();
    const series: Series[] = [];
    try {
      for (const cpuRate of cpuRates) {
        context.log(`scorm12, CPU ${rateLabel(cpuRate)}: ${runs} runs`);
        const measured: PhoneRun[] = [];
        for (let i = 0; i < runs; i += 1) {
          // A fresh LMS every run: answering saves the attempt, and the next launch would resume it.
          const hosted = await hostPackage(context, built, 'scorm12');
          try {
            measured.push(
              await phoneRun(browser, hosted.url, hosted.contentPath, {
                cpuRate,
                clickFeedback: true,
              }),
            );
          } finally {
            await hosted.close();
          }
        }
        series.push(summarize(cpuRate, measured));
      }
    } finally {
      await browser.close();
    }
    const rows: Cell[][] = series.map((s) => {
      const limit = s.cpuRate === 6 ? targets.interactiveAt6xMs : undefined;
      return [
        rateLabel(s.cpuRate),
        ms(s.contentFromLaunchMs),
        ms(s.interactiveFromPageMs),
        ms(s.interactiveFromLaunchMs),
        ms(s.lmsShareMs),
        limit === undefined ? '' : `< ${ms(limit)}`,
        limit === undefined
          ? ''
          : `${verdict(s.interactiveFromPageMs, limit)} / ${verdict(s.interactiveFromLaunchMs, limit)}${
              s.lmsShareMs > limit ? " (the LMS's share alone is over)" : ''
            }`,
        ms(s.feedbackMs),
      ];
    });
    return {
      tables: [
        {
          title: `Benchmark module (SCORM 1.2 in the scorm-again host), 360x740 phone viewport, network unthrottled, cache off (median of ${runs})`,
          columns: [
            'CPU',
            'first content (launch)',
            'interactive (page)',
            'interactive (launch)',
            "LMS's share",
            'target',
            'verdict (page / launch)',
            'click to feedback',
          ],
          rows,
        },
      ],
      data: { runsPerFigure: runs, format: 'scorm12', series },
      chart: chart(series),
      notes: [
        "CPU slowed down by Chromium's emulation (Emulation.setCPUThrottlingRate 4 and 6, the range DevTools and Lighthouse use for mid-range and low-end phones), over the loopback network, so that the figures are the CPU's share alone.",
        'Interactive: the first usable question, the first frame in which the first radio or checkbox of a question is defined, rendered and enabled (support/interaction-probe.ts); "(page)" from the course page\'s request, "(launch)" from the LMS host page\'s, scorm-again included. The verdict is given for both.',
        "LMS's share: from the LMS host page's request to the course page's, the host page, scorm-again (the LMS's API) and the host script run on the slowed CPU before the LMS opens the course; no package can be interactive from the launch sooner than that.",
        'Click to feedback: the first choice of the first question picked, then "Check answer" clicked (real pointer input through the DevTools protocol); from the click event\'s timestamp to the paint of the frame that shows the verdict (requestAnimationFrame, then a message task after it), as INP counts an interaction.',
      ],
    };
  },
};
