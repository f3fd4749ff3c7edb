import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectGarbage } from '../src/collect-garbage.ts';

test('collectGarbage frees what nothing refers to any more, without --expose-gc', () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'run without the flag');
  const weak = (() => new WeakRef(new Array(1_000_000).fill(0)))();
  // Let the microtask that keeps a new WeakRef's target alive for this turn pass.
  return new Promise<void>((resolve) => {
    setImmediate(() => {
      collectGarbage();
      assert.equal(weak.deref(), undefined);
      resolve();
    });
  });
});
