/** One finished request on the wall clock, in milliseconds, with the bytes that crossed the link. */
export interface TimedRequest {
  url: string;
  startMs: number;
  /** When the response's first byte (its headers) arrived. */
  firstByteMs: number;
  endMs: number;
  /** Response headers plus the encoded (gzipped) body, as received. */
  bytes: number;
}

export interface Floor {
  /** Requests that one after another had to wait for a byte of the previous one. */
  roundTrips: number;
  bytes: number;
  requests: number;
  floorMs: number;
  /** The same over HTTPS: a TCP and a TLS 1.3 handshake (two more round trips) first. */
  tlsFloorMs: number;
}

/** Round trips a new HTTPS connection costs before its first request: TCP, then TLS 1.3. */
export const tlsHandshakeRoundTrips = 2;

/**
 * The physical floor for a window of a page load: the least time any browser needs on this
 * link to receive what it actually received before the content was visible:
 *
 *   floor = roundTrips x latency + bytes x 8 / bandwidth
 *   floor over TLS = floor + 2 x latency (TCP and TLS 1.3 handshakes on the one connection)
 *
 * bytes: every response (headers and encoded body) that finished inside the window;
 * bandwidth: the emulated download rate in bit/s; latency: the emulated latency, which
 * Chromium's DevTools throttling adds once to every request; roundTrips: the longest chain
 * of those requests in which each one started only after a byte of the one before had
 * arrived (the host page, then its scripts, then the course page, then its stylesheet,
 * which the browser can ask for only once the page's first bytes name it: one more trip
 * even though it overlaps the page's body), counted greedily by earliest first byte, which
 * gives the longest such chain. Requests sent together share one latency. The emulation
 * adds no handshakes (the server is on the same machine), so the plain floor is the one to
 * compare the measured time with; the TLS floor is what an HTTPS LMS could at best reach.
 */
export function networkFloor(
  requests: readonly TimedRequest[],
  window: { fromMs: number; toMs: number },
  link: { bitsPerSecond: number; latencyMs: number },
): Floor {
  const inside = requests
    .filter((r) => r.startMs >= window.fromMs - 1 && r.endMs <= window.toMs)
    .sort((a, b) => a.firstByteMs - b.firstByteMs);
  let roundTrips = 0;
  let chainFirstByte = Number.NEGATIVE_INFINITY;
  for (const request of inside) {
    if (request.startMs >= chainFirstByte - 1) {
      roundTrips += 1;
      chainFirstByte = request.firstByteMs;
    }
  }
  const bytes = inside.reduce((sum, r) => sum + r.bytes, 0);
  const floorMs = roundTrips * link.latencyMs + (bytes * 8 * 1000) / link.bitsPerSecond;
  return {
    roundTrips,
    bytes,
    requests: inside.length,
    floorMs,
    tlsFloorMs: floorMs + tlsHandshakeRoundTrips * link.latencyMs,
  };
}
