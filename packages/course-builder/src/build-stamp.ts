/**
 * What an earlier build wrote, and from what, so that a build whose inputs did not change
 * rewrites nothing (a warm build in well under a second). Each format's output is reused
 * only when its key (the tool's own code, the course as parsed, the bytes of every asset
 * and the runtime it ships) matches and its files are still exactly as written.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Course, type ExportFormat, toolBuildId } from '@teach-in/course-schema';
import type { RuntimeBundle } from './runtime-bundle.ts';

export const stampFileName = '.teach-in-build.json';

export interface FormatStamp {
  key: string;
  /** Path relative to the course's output folder, and the SHA-256 of its bytes. */
  files: Record<string, string>;
}

export type BuildStamps = Partial<Record<ExportFormat, FormatStamp>>;

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The key of one format's output, or undefined when reuse is off. */
export function formatKey(
  course: Course,
  format: ExportFormat,
  runtimes: readonly RuntimeBundle[],
): string | undefined {
  if (!toolBuildId) return undefined;
  const hash = createHash('sha256');
  hash.update(`${toolBuildId}\n${format}\n`);
  hash.update(JSON.stringify(course));
  for (const asset of course.assets) {
    hash.update(`\n${asset}\n`);
    hash.update(readFileSync(path.join(course.dir, asset)));
  }
  for (const runtime of runtimes) hash.update(`\n${sha256(runtime.js)}\n${sha256(runtime.css)}`);
  return hash.digest('hex');
}

export function readStamps(courseDir: string): BuildStamps {
  try {
    return JSON.parse(readFileSync(path.join(courseDir, stampFileName), 'utf8')) as BuildStamps;
  } catch {
    return {};
  }
}

/** True when every file the stamp lists is still there with the same bytes. */
export function isIntact(courseDir: string, stamp: FormatStamp): boolean {
  for (const [file, digest] of Object.entries(stamp.files)) {
    try {
      if (sha256(readFileSync(path.join(courseDir, file))) !== digest) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export function stampOf(key: string, files: ReadonlyMap<string, Uint8Array>): FormatStamp {
  return {
    key,
    files: Object.fromEntries([...files].map(([name, bytes]) => [name, sha256(bytes)])),
  };
}

/** Written beside the outputs, through a temporary file so a crash never leaves half a stamp. */
export function writeStamps(courseDir: string, stamps: BuildStamps): void {
  const target = path.join(courseDir, stampFileName);
  const temporary = `${target}.${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(stamps, null, 1)}\n`);
  renameSync(temporary, target);
}
