/**
 * Limits that fit a union hall: a guesser never locks the facilitator out, a room of
 * phones behind one router all join, and a flood is still refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '@teach-in/course-parser';
import { type RunningWorkshop, startWorkshopServer } from '../src/server.ts';

const fixture = fileURLToPath(new URL('./fixtures/room-course/', import.meta.url));
const { course } = loadCourse(fixture);
if (!course) throw new Error('the room course fixture does not load');

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

async function withWorkshop(
  options: Partial<Parameters<typeof startWorkshopServer>[0]>,
  run: (workshop: RunningWorkshop) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teach-in-limits-'));
  const workshop = await startWorkshopServer({ courses: [course!], dataDir, port: 0, ...options });
  try {
    await run(workshop);
  } finally {
    await workshop.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const login = (workshop: RunningWorkshop, token: string) =>
  fetch(new URL('/facilitator/login', workshop.url), form({ token }));

describe('facilitator token attempts', () => {
  it('accepts the right token after many wrong ones from the same address', async () => {
    await withWorkshop({ loginSlowdown: { stepMs: 10, maxMs: 50 } }, async (workshop) => {
      // Sent side by side, as a guessing script would.
      const wrong = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(workshop, `guess-${i}`)),
      );
      assert.deepEqual(new Set(wrong.map((r) => r.status)), new Set([403]));
      const right = await login(workshop, workshop.token);
      assert.equal(right.status, 303, 'the facilitator is never locked out');
    });
  });

  it('slows wrong tokens after the first few, and never the right one', async () => {
    await withWorkshop({ loginSlowdown: { stepMs: 1500, maxMs: 1500 } }, async (workshop) => {
      for (let i = 0; i < 10; i++) assert.equal((await login(workshop, `typo-${i}`)).status, 403);
      let started = Date.now();
      assert.equal((await login(workshop, 'one-more-guess')).status, 403);
      const wrongMs = Date.now() - started;
      assert.ok(wrongMs >= 1400, `a guess past the tenth waited ${wrongMs} ms`);
      started = Date.now();
      assert.equal((await login(workshop, workshop.token)).status, 303);
      const rightMs = Date.now() - started;
      assert.ok(rightMs < 1000, `the right token answered in ${rightMs} ms`);
    });
  });
});

describe('joining from one hall router', () => {
  it('lets 200 phones from one address join within a minute', async () => {
    await withWorkshop({}, async (workshop) => {
      const started = Date.now();
      const statuses: number[] = [];
      // Ten at a time, as phones scanning the QR code together would.
      for (let batch = 0; batch < 20; batch++) {
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            fetch(new URL('/join', workshop.url), form({ nickname: `Phone ${batch * 10 + i}` })),
          ),
        );
        statuses.push(...responses.map((r) => r.status));
      }
      assert.equal(statuses.filter((s) => s === 303).length, 200, 'every phone joined');
      assert.ok(Date.now() - started < 60_000);
    });
  });

  it('refuses a flood from one address beyond the limit', async () => {
    await withWorkshop({}, async (workshop) => {
      const statuses: number[] = [];
      for (let i = 0; i < 400; i++) {
        const response = await fetch(new URL('/join', workshop.url), form({ nickname: `F${i}` }));
        statuses.push(response.status);
        if (response.status === 429) break;
      }
      assert.equal(statuses.at(-1), 429, 'the flood is stopped');
      assert.ok(statuses.length > 200, `${statuses.length - 1} joins were let in first`);
    });
  });

  it('caps joins from every address together', async () => {
    await withWorkshop(
      {
        rateLimits: { join: { burst: 100, perMinute: 100 }, joinTotal: { burst: 3, perMinute: 1 } },
      },
      async (workshop) => {
        const statuses: number[] = [];
        for (const name of ['A', 'B', 'C', 'D']) {
          statuses.push(
            (await fetch(new URL('/join', workshop.url), form({ nickname: name }))).status,
          );
        }
        assert.deepEqual(statuses, [303, 303, 303, 429]);
      },
    );
  });
});
