import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sampleProcessTree } from './process-tree.ts';

export interface ProcessFigures {
  wallMs: number;
  /**
   * User plus system CPU time of the process. Other work on a shared machine stretches wall
   * time far more than CPU time, so growth is easier to read from this.
   */
  cpuMs: number;
  /** Peak resident memory of the process, in bytes. */
  peakRssBytes: number;
  /**
   * Peak resident memory of the process and its children together (what the machine
   * needs), sampled every 5 ms from /proc, and never below the process's own exact peak.
   * Equal to peakRssBytes where /proc is missing.
   */
  peakTreeRssBytes: number;
}

const gnuTime = '/usr/bin/time';

/**
 * Where no GNU time is installed, the child reports on itself: a preloaded one-liner prints
 * process.resourceUsage() as it exits, in GNU time's words (memory in kilobytes, CPU in
 * microseconds here, seconds there).
 */
const reportOnExit = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nMaximum resident set size (kbytes): '+u.maxRSS+'\\nUser time (seconds): '+u.userCPUTime/1e6+'\\nSystem time (seconds): '+u.systemCPUTime/1e6+'\\n')})`;

/**
 * Runs `node <args>` in a fresh process (cold: nothing loaded, nothing cached in memory)
 * and returns its wall time, CPU time and peak memory. Wall time is taken here, around the spawn, so
 * it includes Node's start-up: what an author waits for. Peak memory comes from GNU time's
 * rusage when present (the child's maximum resident set), else from the child itself.
 */
export function measureNode(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<ProcessFigures> {
  const useGnuTime = existsSync(gnuTime);
  const [command, commandArgs] = useGnuTime
    ? [gnuTime, ['-v', process.execPath, ...args]]
    : [process.execPath, ['--import', reportOnExit, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // GNU time is only the wrapper: the tree measured starts at its child.
    const tree = child.pid ? sampleProcessTree(child.pid, { skipRoot: useGnuTime }) : undefined;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const treePeak = tree?.stop();
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const seconds = (label: string) =>
        Number(
          new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? Number.NaN,
        );
      const cpuMs = (seconds('User') + seconds('System')) * 1000;
      if (code !== 0 || !peak || Number.isNaN(cpuMs)) {
        reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      const peakRssBytes = Number(peak[1]) * 1024;
      resolve({
        wallMs,
        cpuMs,
        peakRssBytes,
        peakTreeRssBytes: Math.max(peakRssBytes, treePeak ?? 0),
      });
    });
  });
}
