import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ProcessFigures {
  wallMs: number;
  /** Peak resident memory of the process, in bytes. */
  peakRssBytes: number;
}

const gnuTime = '/usr/bin/time';

/**
 * Where no GNU time is installed, the child reports its own peak: a preloaded one-liner
 * prints process.resourceUsage().maxRSS (kilobytes) to stderr as the process exits.
 */
const reportOnExit =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMaximum resident set size (kbytes): '+process.resourceUsage().maxRSS+'\\n'))";

/**
 * Runs `node <args>` in a fresh process (cold: nothing loaded, nothing cached in memory)
 * and returns its wall time and peak memory. Wall time is taken here, around the spawn, so
 * it includes Node's start-up: what an author waits for. Peak memory comes from GNU time's
 * rusage when present (the child's maximum resident set), else from the child itself.
 */
export function measureNode(args: readonly string[], cwd: string): Promise<ProcessFigures> {
  const useGnuTime = existsSync(gnuTime);
  const [command, commandArgs] = useGnuTime
    ? [gnuTime, ['-v', process.execPath, ...args]]
    : [process.execPath, ['--import', reportOnExit, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (code !== 0 || !peak) {
        reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ wallMs, peakRssBytes: Number(peak[1]) * 1024 });
    });
  });
}
