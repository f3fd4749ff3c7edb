import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the resident memory of a process and all its descendants (summed, as the machine
 * pays for them) until stopped, and keeps the peak. Linux only (/proc); elsewhere it reports
 * nothing and the caller falls back to the largest single process.
 *
 * A sample every few milliseconds can miss a short spike, so callers also take GNU time's
 * exact peak of the main process: the tree's peak is never below it.
 */
export function sampleProcessTree(
  rootPid: number,
  options: { everyMs?: number; skipRoot?: boolean } = {},
): { stop(): number | undefined } {
  const { everyMs = 5, skipRoot = false } = options;
  let peak: number | undefined;
  const sample = () => {
    const total = skipRoot ? sumOver(children(rootPid)) : treeRss(rootPid);
    if (total !== undefined && (peak === undefined || total > peak)) peak = total;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Sum of VmRSS over the process and its descendants, in bytes (undefined without /proc). */
export function treeRss(rootPid: number): number | undefined {
  return sumOver([rootPid]);
}

function sumOver(roots: readonly number[]): number | undefined {
  let total = 0;
  let seen = false;
  const pending = [...roots];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const rss = processRss(pid);
    if (rss === undefined) continue;
    seen = true;
    total += rss;
    pending.push(...children(pid));
  }
  return seen ? total : undefined;
}

function processRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined; // gone between listing and reading
  }
}

/** Children of every thread of the process (a child belongs to the thread that forked it). */
function children(pid: number): number[] {
  const all = new Set<number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(/\s+/)) {
        if (child) all.add(Number(child));
      }
    }
  } catch {
    // gone, or a kernel without the children files: what was found so far
  }
  return [...all];
}
