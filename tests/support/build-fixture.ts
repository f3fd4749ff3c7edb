import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');

/** Runs the real `teach-in` command, as an author would. */
export function runCli(args: readonly string[], cwd = repoRoot) {
  try {
    const stdout = execFileSync(process.execPath, [cli, ...args], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Builds a course with the CLI into a fresh temporary folder and returns that folder. */
export function buildToTemp(courseDir: string, formats = 'scorm12,scorm2004,web'): string {
  const out = mkdtempSync(path.join(tmpdir(), 'teach-in-build-'));
  const result = runCli(['build', courseDir, '--format', formats, '--out', out]);
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
  return out;
}

export function readZip(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}
