/** One finished request on the wall clock, in milliseconds, with the bytes that crossed the link. */
export interface TimedRequest {
  url: string;
  startMs: number;
  endMs: number;
  /** Response headers plus the encoded (gzipped) body, as received. */
  bytes: number;
}

export interface Floor {
  /** Requests that one after another had to wait for the previous to finish. */
  roundTrips: number;
  bytes: number;
  requests: number;
  floorMs: number;
}

/**
 * The physical floor for a window of a page load: the least time any browser needs on this
 * link to receive what it actually received before the content was visible:
 *
 *   floor = roundTrips x latency + bytes x 8 / bandwidth
 *
 * bytes: every response (headers and encoded body) that finished inside the window;
 * bandwidth: the emulated download rate in bit/s; latency: the emulated latency, which
 * Chromium's DevTools throttling adds once to every request; roundTrips: the longest chain
 * of those requests in which each one started only after the one before had finished (the
 * host page, then its scripts, then the course page, then its stylesheet), counted
 * greedily by earliest finish, which gives the longest such chain of non-overlapping
 * requests. Requests that overlap share one latency. Measured / floor near 1 means the
 * page is as fast as the network allows; what is above it is waiting that is not transfer.
 */
export function networkFloor(
  requests: readonly TimedRequest[],
  window: { fromMs: number; toMs: number },
  link: { bitsPerSecond: number; latencyMs: number },
): Floor {
  const inside = requests
    .filter((r) => r.startMs >= window.fromMs - 1 && r.endMs <= window.toMs)
    .sort((a, b) => a.endMs - b.endMs);
  let roundTrips = 0;
  let chainEnd = Number.NEGATIVE_INFINITY;
  for (const request of inside) {
    if (request.startMs >= chainEnd - 1) {
      roundTrips += 1;
      chainEnd = request.endMs;
    }
  }
  const bytes = inside.reduce((sum, r) => sum + r.bytes, 0);
  return {
    roundTrips,
    bytes,
    requests: inside.length,
    floorMs: roundTrips * link.latencyMs + (bytes * 8 * 1000) / link.bitsPerSecond,
  };
}
