import type { Browser, Request } from 'playwright-core';
import type { NetworkProfile } from '../reference.ts';
import { firstContentGlobal, firstContentProbe } from './first-content-probe.ts';
import { type Floor, networkFloor, type TimedRequest } from './network-floor.ts';

export interface PhoneRun {
  /** From the course page's request to its first content visible: the package's own share. */
  contentMs: number;
  contentFloor: Floor;
  /** From the LMS host page's request (the learner's click on "launch") to first content. */
  launchMs: number;
  launchFloor: Floor;
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
    endMs: timing.startTime + timing.responseEnd,
    bytes: sizes.responseHeadersSize + sizes.responseBodySize,
  };
}

/**
 * Opens `hostUrl` (a SCORM package inside the scorm-again host page) once in a fresh
 * browser context, with the cache disabled and the network throttled through the DevTools
 * protocol, and times its first content. `contentPath` is the launch page's path on the host.
 */
export async function phoneRun(
  browser: Browser,
  hostUrl: string,
  contentPath: string,
  profile: NetworkProfile,
): Promise<PhoneRun> {
  const context = await browser.newContext(phone);
  try {
    await context.addInitScript(firstContentProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: profile.bitsPerSecond / 8,
      uploadThroughput: profile.bitsPerSecond / 8,
    });
    const finished: Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));
    // The host page's load event waits for the course frame's, deferred script included.
    await page.goto(hostUrl, { waitUntil: 'load', timeout: 120_000 });
    const frame = page.frames().find((f) => f.url().endsWith(contentPath));
    if (!frame)
      throw new Error(`no frame shows ${contentPath}: ${page.frames().map((f) => f.url())}`);
    const visibleAt = Number(
      await (
        await frame.waitForFunction(`window.${firstContentGlobal}`, undefined, { timeout: 30_000 })
      ).jsonValue(),
    );

    const requests = (await Promise.all(finished.map(timed))).filter((r) => r !== undefined);
    const launchStart = Math.min(...requests.map((r) => r.startMs));
    const contentRequest = requests.find((r) => new URL(r.url).pathname === contentPath);
    if (!contentRequest) throw new Error(`the course page ${contentPath} was never requested`);
    const link = { bitsPerSecond: profile.bitsPerSecond, latencyMs: profile.latencyMs };
    return {
      contentMs: visibleAt - contentRequest.startMs,
      contentFloor: networkFloor(
        requests,
        { fromMs: contentRequest.startMs, toMs: visibleAt },
        link,
      ),
      launchMs: visibleAt - launchStart,
      launchFloor: networkFloor(requests, { fromMs: launchStart, toMs: visibleAt }, link),
    };
  } finally {
    await context.close();
  }
}
