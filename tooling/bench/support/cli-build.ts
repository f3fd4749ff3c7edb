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
 * same with the runtime cache filled by an earlier build of the same sources; `unchanged`
 * also keeps the output of that earlier build, as for an author who runs the build again
 * with nothing changed (the builder then reuses every output: build-stamp.ts).
 */
export type Cache = 'cold' | 'warm' | 'unchanged';

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
  const keptOut = cache === 'unchanged' ? mkdtempSync(path.join(tempDir, 'build-')) : undefined;
  const all: ProcessFigures[] = [];
  try {
    if (cache !== 'cold') {
      await buildOnce(args, { TEACH_IN_RUNTIME_CACHE: warmCache }, tempDir, keptOut);
    }
    for (let i = 0; i < runs; i += 1) {
      const runtimeCache =
        cache === 'cold' ? mkdtempSync(path.join(tempDir, 'runtime-cache-')) : warmCache;
      all.push(await buildOnce(args, { TEACH_IN_RUNTIME_CACHE: runtimeCache }, tempDir, keptOut));
      if (cache === 'cold') rmSync(runtimeCache, { recursive: true, force: true });
    }
  } finally {
    rmSync(warmCache, { recursive: true, force: true });
    if (keptOut) rmSync(keptOut, { recursive: true, force: true });
  }
  return {
    wallMs: median(all.map((r) => r.wallMs)),
    cpuMs: median(all.map((r) => r.cpuMs)),
    peakRssBytes: median(all.map((r) => r.peakRssBytes)),
    peakTreeRssBytes: median(all.map((r) => r.peakTreeRssBytes)),
    runs: all,
  };
}

/** One build, into `keptOut` when given (left in place), else into a new folder removed after. */
async function buildOnce(
  args: (out: string) => string[],
  env: Record<string, string>,
  tempDir: string,
  keptOut?: string,
): Promise<ProcessFigures> {
  const out = keptOut ?? mkdtempSync(path.join(tempDir, 'build-'));
  try {
    return await measureNode(args(out), repoRoot, env);
  } finally {
    if (!keptOut) rmSync(out, { recursive: true, force: true });
  }
}
