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
 * Cold builds with the real CLI: each run is a new process writing into a new, empty
 * folder. Returns the median wall time, CPU time and peak memory of `runs` runs.
 * (tsx's transpile cache on disk stays warm, as it is for an author after the first build.)
 */
export async function measureBuild(
  sources: readonly string[],
  formats: string,
  runs: number,
  tempDir: string,
): Promise<BuildFigures> {
  const all: ProcessFigures[] = [];
  for (let i = 0; i < runs; i += 1) {
    const out = mkdtempSync(path.join(tempDir, 'build-'));
    try {
      all.push(
        await measureNode([cli, 'build', ...sources, '--format', formats, '--out', out], repoRoot),
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return {
    wallMs: median(all.map((r) => r.wallMs)),
    cpuMs: median(all.map((r) => r.cpuMs)),
    peakRssBytes: median(all.map((r) => r.peakRssBytes)),
    runs: all,
  };
}
