import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** 1, 5 and 15-minute load averages when the run started: above the core count, other work shared the CPU and times are stretched. */
  loadAverage: number[];
}

/** What the figures were measured on, so that a reader can compare like with like. */
export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${distribution() ?? os.type()} (${os.platform()} ${os.release()}, ${os.arch()})`,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

function distribution(): string | undefined {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1];
  } catch {
    return undefined;
  }
}
