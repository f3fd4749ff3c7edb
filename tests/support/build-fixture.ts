import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');

/** Runs the real `teach-in` command, as an author would; stderr is kept on success too (warnings). */
export function runCli(args: readonly string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Builds a course with the CLI into a fresh temporary folder and returns that folder. */
export function buildToTemp(courseDir: string, formats = 'scorm12,scorm2004,web'): string {
  const out = mkdtempSync(path.join(tmpdir(), 'teach-in-build-'));
  const result = runCli(['build', courseDir, '--format', formats, '--out', out]);
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
  return out;
}

/**
 * The id of the one course a build wrote into `out` (its folder's name). Hidden entries are
 * the build's own, such as its parse cache.
 */
export function builtCourseId(out: string): string {
  const [id, ...more] = readdirSync(out).filter((name) => !name.startsWith('.'));
  if (!id || more.length > 0) throw new Error(`expected one course folder in ${out}`);
  return id;
}

export function readZip(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}
