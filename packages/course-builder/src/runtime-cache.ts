import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { LmsKind } from '@teach-in/course-schema';
import type { BundledRuntime } from './runtime-vite.ts';

export interface RuntimeFiles {
  js: string;
  css: string;
}

/**
 * Runtime bundles kept on disk between runs, so that a build whose runtime did not change
 * runs no bundler. An entry is named by a hash of everything its bundle came from: the
 * content of every module the bundler read, the lockfile (the versions of lit, Vite and
 * the rest), the interface language, the LMS kind and the build settings.
 *
 * Which modules a bundle read is known only after bundling, so each variant keeps an index
 * of its last inputs. The hash of their current content names the entry: an edit to any of
 * them (and so any new import, which is an edit) names a different entry.
 */
export class RuntimeCache {
  constructor(
    /** The folder entries are written to. */
    readonly dir: string,
    /** Input paths are kept relative to this (the repository). */
    readonly root: string,
    /** The lockfile whose content is part of every key, when there is one. */
    readonly lockfile: string | undefined,
    /**
     * Bundles kept: every variant (25) of a few versions of the sources. Editing the
     * runtime makes new entries; the oldest beyond this are removed.
     */
    readonly keep = 100,
  ) {}

  /** The cached bundle for this variant, if its inputs are unchanged since it was made. */
  read(language: string, lms: LmsKind, settings: string): RuntimeFiles | undefined {
    const index = readJson<{ inputs: string[] }>(this.indexFile(language, lms));
    if (!index) return undefined;
    const key = this.key(language, lms, settings, index.inputs);
    if (key === undefined) return undefined;
    return readJson<RuntimeFiles>(this.entryFile(key));
  }

  /** Keeps a bundle just made. A cache that cannot be written is no reason to fail a build. */
  write(language: string, lms: LmsKind, settings: string, bundle: BundledRuntime): void {
    const inputs = bundle.inputs
      .filter((id) => path.isAbsolute(id) && !id.split(path.sep).includes('node_modules'))
      .map((id) => path.relative(this.root, id).split(path.sep).join('/'))
      .sort();
    const key = this.key(language, lms, settings, inputs);
    if (key === undefined) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeAtomically(this.entryFile(key), JSON.stringify({ js: bundle.js, css: bundle.css }));
      writeAtomically(this.indexFile(language, lms), JSON.stringify({ inputs }, null, 1));
      this.prune();
    } catch {
      // Read-only or full disk: the next build bundles again.
    }
  }

  /** The entry's name, or undefined when an input has gone (it must be bundled again). */
  key(
    language: string,
    lms: LmsKind,
    settings: string,
    inputs: readonly string[],
  ): string | undefined {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(['teach-in runtime 1', language, lms, settings]));
    if (this.lockfile && existsSync(this.lockfile)) hash.update(readFileSync(this.lockfile));
    for (const input of inputs) {
      const file = path.join(this.root, input);
      if (!existsSync(file)) return undefined;
      hash.update(`\0${input}\0`);
      hash.update(readFileSync(file));
    }
    return hash.digest('hex').slice(0, 32);
  }

  private prune(): void {
    const entries = readdirSync(this.dir)
      .filter((name) => /^[0-9a-f]{32}\.json$/.test(name))
      .map((name) => {
        const file = path.join(this.dir, name);
        return { file, mtime: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
      })
      .sort((a, b) => b.mtime - a.mtime);
    for (const { file } of entries.slice(this.keep)) rmSync(file, { force: true });
  }

  private indexFile(language: string, lms: LmsKind): string {
    return path.join(this.dir, `${language}-${lms}.inputs.json`);
  }

  private entryFile(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}

/** Where the cache lives: TEACH_IN_RUNTIME_CACHE, else node_modules/.cache in the repository. */
export function runtimeCacheFor(runtimeDir: string): RuntimeCache {
  const root = findUp(runtimeDir, 'pnpm-lock.yaml') ?? path.dirname(runtimeDir);
  const lockfile = path.join(root, 'pnpm-lock.yaml');
  const dir =
    process.env.TEACH_IN_RUNTIME_CACHE ||
    path.join(root, 'node_modules', '.cache', 'teach-in', 'runtime');
  return new RuntimeCache(path.resolve(dir), root, existsSync(lockfile) ? lockfile : undefined);
}

function findUp(from: string, name: string): string | undefined {
  let dir = path.resolve(from);
  while (true) {
    if (existsSync(path.join(dir, name))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Concurrent builds (tests, two terminals) never see half a file: write aside, then rename. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
