/**
 * The bench's arithmetic, without a browser: the network floor and the chart. Run with
 * `pnpm exec tsx --test tooling/bench/support/bench-support.test.ts`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderChart } from './chart.ts';
import { networkFloor, type TimedRequest } from './network-floor.ts';

const link = { bitsPerSecond: 400_000, latencyMs: 400 };
const request = (url: string, startMs: number, firstByteMs: number, endMs: number, bytes = 1000) =>
  ({ url, startMs, firstByteMs, endMs, bytes }) satisfies TimedRequest;

describe('networkFloor', () => {
  // The page's stylesheet starts once the page's first bytes name it, before the page ends.
  const load = [
    request('/index.html', 0, 400, 600, 5000),
    request('/teach-in.css', 450, 850, 900, 2000),
    request('/teach-in.js', 452, 860, 1500, 28000),
  ];

  it('counts the stylesheet as one more round trip even though it overlaps the page', () => {
    const floor = networkFloor(load, { fromMs: 0, toMs: 2000 }, link);
    assert.equal(floor.roundTrips, 2);
    assert.equal(floor.requests, 3);
    assert.equal(floor.bytes, 35000);
    assert.equal(floor.floorMs, 2 * 400 + (35000 * 8 * 1000) / 400_000);
  });

  it('adds a TCP and a TLS 1.3 handshake for the TLS floor', () => {
    const floor = networkFloor(load, { fromMs: 0, toMs: 2000 }, link);
    assert.equal(floor.tlsFloorMs, floor.floorMs + 2 * 400);
  });

  it('leaves out what finished after the window', () => {
    const floor = networkFloor(load, { fromMs: 0, toMs: 1000 }, link);
    assert.equal(floor.requests, 2);
    assert.equal(floor.bytes, 7000);
  });
});

describe('renderChart', () => {
  const svg = renderChart(
    [
      {
        title: 'First usable <question>',
        unit: 'ms',
        bars: [
          { label: 'ours', value: 2500, target: 2000 },
          { label: 'peer (quoted)', value: 29000 },
        ],
      },
    ],
    'caption & load',
  );

  it('draws the target, marks a figure over it and escapes text', () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /class="over"/);
    assert.match(svg, /class="target"/);
    assert.match(svg, /First usable &lt;question&gt;/);
    assert.match(svg, /caption &amp; load/);
  });

  it('clips a bar far beyond ours and says so', () => {
    assert.match(svg, /29.00 s, off the axis/);
  });
});
