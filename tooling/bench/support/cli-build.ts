import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../tests/support/build-fixture.ts';
import { median } from '../format.ts';
import { measureNode, type ProcessFigures } from './measure-process.ts';

const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');

export interface BuildFigures extends ProcessFigures {
  runs: ProcessFigures[];
}

/**
 * How much a build finds ready: `cold` is a new process, an empty output folder and an
 * empty runtime cache (so Vite bundles the runtime, as on a fresh clone); `warm` is the
 * same with the runtime cache filled by an earlier build of the same sources, as for an
 * author's second build.
 */
export type Cache = 'cold' | 'warm';

let compiled = false;

/**
 * Builds with the real CLI (compiled JavaScript, as `pnpm exec teach-in` runs it), each
 * run a new process writing into a new, empty folder. Returns the median wall time, CPU
 * time and peak memory (the process's, and its whole process tree's) of `runs` runs.
 */
export async function measureBuild(
  sources: readonly string[],
  formats: string,
  runs: number,
  tempDir: string,
  cache: Cache = 'cold',
): Promise<BuildFigures> {
  if (!compiled) {
    // The CLI compiles itself when its sources changed: never inside a measured run.
    execFileSync(process.execPath, [cli, '--help'], { stdio: 'ignore' });
    compiled = true;
  }
  const args = (out: string) => [cli, 'build', ...sources, '--format', formats, '--out', out];
  const warmCache = mkdtempSync(path.join(tempDir, 'runtime-cache-'));
  const all: ProcessFigures[] = [];
  try {
    if (cache === 'warm') await buildOnce(args, { TEACH_IN_RUNTIME_CACHE: warmCache }, tempDir);
    for (let i = 0; i < runs; i += 1) {
      const runtimeCache =
        cache === 'warm' ? warmCache : mkdtempSync(path.join(tempDir, 'runtime-cache-'));
      all.push(await buildOnce(args, { TEACH_IN_RUNTIME_CACHE: runtimeCache }, tempDir));
      if (cache === 'cold') rmSync(runtimeCache, { recursive: true, force: true });
    }
  } finally {
    rmSync(warmCache, { recursive: true, force: true });
  }
  return {
    wallMs: median(all.map((r) => r.wallMs)),
    cpuMs: median(all.map((r) => r.cpuMs)),
    peakRssBytes: median(all.map((r) => r.peakRssBytes)),
    peakTreeRssBytes: median(all.map((r) => r.peakTreeRssBytes)),
    runs: all,
  };
}

async function buildOnce(
  args: (out: string) => string[],
  env: Record<string, string>,
  tempDir: string,
): Promise<ProcessFigures> {
  const out = mkdtempSync(path.join(tempDir, 'build-'));
  try {
    return await measureNode(args(out), repoRoot, env);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
