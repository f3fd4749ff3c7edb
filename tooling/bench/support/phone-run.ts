import type { Browser, Frame, Request } from 'playwright-core';
import type { NetworkProfile } from '../reference.ts';
import { firstContentGlobal, firstContentProbe } from './first-content-probe.ts';
import { feedbackGlobal, interactionProbe, usableGlobal } from './interaction-probe.ts';
import { type Floor, networkFloor, type TimedRequest } from './network-floor.ts';

/** One moment of the load, counted from the course page's request and from the LMS launch. */
export interface Moment {
  /** From the request for the course page inside the LMS frame: what the package controls. */
  fromPageMs: number;
  /** From the request for the LMS host page (the learner's "launch"), host and scorm-again included. */
  fromLaunchMs: number;
}

export interface PhoneRun {
  content: Moment;
  /** The first choice input of a question that takes input (support/interaction-probe.ts). */
  usable: Moment;
  /** Floors for first content, from the course page and from the launch; none without throttling. */
  contentFloor?: Floor;
  launchFloor?: Floor;
  usableLaunchFloor?: Floor;
  /**
   * The LMS's own share of the usable-question floor: its host page, its API (scorm-again)
   * and whatever else it sends that is not the package's, counted like the floor.
   */
  lmsLaunchFloor?: Floor;
  /** Click on "Check answer" (after picking the first choice) to the verdict painted, in ms. */
  feedbackMs?: number;
  /** Every finished request, times from the launch: where the time went, for the JSON. */
  requests: Array<{
    path: string;
    startMs: number;
    firstByteMs: number;
    endMs: number;
    bytes: number;
  }>;
}

export interface RunOptions {
  /** The phone network to emulate; none: the loopback as it is. */
  network?: NetworkProfile;
  /** Emulation.setCPUThrottlingRate: 4 runs the page four times slower. */
  cpuRate?: number;
  /** Also answer the first question and time its feedback. */
  clickFeedback?: boolean;
}

/** A mid-range phone's screen: 360x740 CSS pixels at 2x, touch, mobile layout. */
const phone = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

async function timed(request: Request): Promise<TimedRequest | undefined> {
  const timing = request.timing();
  if (timing.responseEnd < 0) return undefined;
  const sizes = await request.sizes();
  return {
    url: request.url(),
    startMs: timing.startTime,
    firstByteMs: timing.startTime + Math.max(0, timing.responseStart),
    endMs: timing.startTime + timing.responseEnd,
    bytes: sizes.responseHeadersSize + sizes.responseBodySize,
  };
}

/** Waits for a probe's figure in the course frame. */
async function probed(frame: Frame, global: string): Promise<number> {
  try {
    // A function, not a string: the course page's Content-Security-Policy forbids eval.
    const handle = await frame.waitForFunction(
      (name) => (window as unknown as Record<string, unknown>)[name],
      global,
      { timeout: 30_000 },
    );
    return Number(await handle.jsonValue());
  } catch (error) {
    throw new Error(`${global} never came in ${frame.url()}: ${(error as Error).message}`);
  }
}

/**
 * Goes to the page of the first choice question (pressing "Next", as a learner would), picks
 * its first choice and presses "Check answer".
 */
async function answerFirstQuestion(frame: Frame): Promise<number> {
  const question = frame.locator('ti-single-choice, ti-multiple-choice').first();
  for (let page = 0; !(await question.isVisible()); page += 1) {
    if (page === 20) throw new Error('no choice question became visible after 20 pages');
    await frame.locator('.ti-next').first().click();
  }
  await question.locator('input').first().click();
  await question.getByRole('button', { name: 'Check answer' }).click();
  return probed(frame, feedbackGlobal);
}

/**
 * Opens `hostUrl` (a SCORM package inside the scorm-again host page) once in a fresh
 * browser context, with the cache disabled, the network and CPU throttled through the
 * DevTools protocol as asked, and times its first content and first usable question.
 * `contentPath` is the launch page's path on the host.
 */
export async function phoneRun(
  browser: Browser,
  hostUrl: string,
  contentPath: string,
  options: RunOptions,
): Promise<PhoneRun> {
  const context = await browser.newContext(phone);
  try {
    await context.addInitScript(firstContentProbe);
    await context.addInitScript(interactionProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const { network, cpuRate = 1 } = options;
    if (network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latencyMs,
        downloadThroughput: network.bitsPerSecond / 8,
        uploadThroughput: network.uploadBitsPerSecond / 8,
      });
    }
    // The course frame has the host page's origin, so it runs in the same (throttled) renderer.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const finished: Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));
    // The host page's load event waits for the course frame's, deferred script included.
    await page.goto(hostUrl, { waitUntil: 'load', timeout: 120_000 });
    const contentPathname = new URL(contentPath, 'http://host').pathname;
    const frame = page.frames().find((f) => new URL(f.url()).pathname === contentPathname);
    if (!frame)
      throw new Error(`no frame shows ${contentPath}: ${page.frames().map((f) => f.url())}`);
    const visibleAt = await probed(frame, firstContentGlobal);
    const usableAt = await probed(frame, usableGlobal);
    const feedbackMs = options.clickFeedback ? await answerFirstQuestion(frame) : undefined;

    const requests = (await Promise.all(finished.map(timed))).filter((r) => r !== undefined);
    const launchStart = Math.min(...requests.map((r) => r.startMs));
    const contentRequest = requests.find((r) => new URL(r.url).pathname === contentPathname);
    if (!contentRequest) throw new Error(`the course page ${contentPath} was never requested`);
    const moment = (at: number): Moment => ({
      fromPageMs: at - contentRequest.startMs,
      fromLaunchMs: at - launchStart,
    });
    const run: PhoneRun = {
      content: moment(visibleAt),
      usable: moment(usableAt),
      feedbackMs,
      requests: requests
        .sort((a, b) => a.startMs - b.startMs)
        .map((r) => ({
          path: new URL(r.url).pathname,
          startMs: Math.round(r.startMs - launchStart),
          firstByteMs: Math.round(r.firstByteMs - launchStart),
          endMs: Math.round(r.endMs - launchStart),
          bytes: r.bytes,
        })),
    };
    if (network) {
      const link = { bitsPerSecond: network.bitsPerSecond, latencyMs: network.latencyMs };
      run.contentFloor = networkFloor(
        requests,
        { fromMs: contentRequest.startMs, toMs: visibleAt },
        link,
      );
      run.launchFloor = networkFloor(requests, { fromMs: launchStart, toMs: visibleAt }, link);
      run.usableLaunchFloor = networkFloor(requests, { fromMs: launchStart, toMs: usableAt }, link);
      const contentDir = contentPathname.slice(0, contentPathname.lastIndexOf('/') + 1);
      run.lmsLaunchFloor = networkFloor(
        requests.filter((r) => !new URL(r.url).pathname.startsWith(contentDir)),
        { fromMs: launchStart, toMs: usableAt },
        link,
      );
    }
    return run;
  } finally {
    await context.close();
  }
}
