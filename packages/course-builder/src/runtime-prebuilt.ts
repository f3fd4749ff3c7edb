import { readFileSync } from 'node:fs';
import type { LmsKind } from '@teach-in/course-schema';
import type { RuntimeFiles } from './runtime-cache.ts';

/**
 * Runtime bundles made ahead of time, one per interface language and LMS kind. Only the
 * installable tarball has this folder (`pnpm pack:cli` writes it beside the compiled CLI):
 * there, no build ever runs a bundler. In the repository it does not exist.
 */
const prebuiltDir = new URL('../prebuilt-runtime/', import.meta.url);

export function prebuiltFileName(language: string, lms: LmsKind): string {
  return `${language}-${lms}.json`;
}

export function readPrebuilt(language: string, lms: LmsKind): RuntimeFiles | undefined {
  try {
    return JSON.parse(
      readFileSync(new URL(prebuiltFileName(language, lms), prebuiltDir), 'utf8'),
    ) as RuntimeFiles;
  } catch {
    return undefined;
  }
}

/** True when this copy of the builder was installed with its runtime prebuilt. */
export function hasPrebuiltRuntime(): boolean {
  return readPrebuilt('en', 'standalone') !== undefined;
}
