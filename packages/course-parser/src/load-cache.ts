/**
 * Parsed courses kept between runs, so that a build where nothing changed does not parse
 * every module again (for the curriculum, parsing is half of such a build). An entry holds
 * what `loadCourse` returned, diagnostics included, and every file-system fact it read
 * (`course-fs.ts`): it is used only when each fact still holds and the run is otherwise
 * the same (the tool's code and Node's version, the folder, where the command runs, the
 * day for review dates, the options). Anything less, and the course is parsed as if there
 * were no cache. Entries are in V8's serialization, not JSON: it gives back exactly the
 * objects written, with no property dropped or changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { toolBuildId } from '@teach-in/course-schema';
import { type FileFact, factsHold, recordingFacts } from './course-fs.ts';
import { type LoadOptions, type LoadResult, loadCourse } from './course-loader.ts';
import { dayOf } from './review-dates.ts';

interface CacheEntry {
  key: string;
  facts: FileFact[];
  result: LoadResult;
}

export interface CachedLoad extends LoadResult {
  /** True when the result came from the cache. */
  reused: boolean;
  /**
   * Writes the entry for a result just parsed (nothing to do for a reused one). Left to
   * the caller, so that a run which fails writes nothing at all: a build calls it only
   * once its output is in place.
   */
  keep(): void;
}

export interface LoadCacheOptions extends LoadOptions {
  /** The folder entries are kept in (one file per course folder). */
  cacheDir: string;
  /** Parse again and replace the entry (`teach-in build --force`). */
  refresh?: boolean;
  /** The code the entries are keyed by: the compiled tool's (tests give their own). */
  toolId?: string;
}

/**
 * `loadCourse`, reusing the result of an earlier run when nothing it read has changed.
 * Without a compiled tool (sources run through tsx) nothing is reused or kept: the code
 * could have changed without the cache knowing.
 */
export function loadCourseCached(dir: string, cwd: string, options: LoadCacheOptions): CachedLoad {
  const { cacheDir, refresh, toolId = toolBuildId, ...loadOptions } = options;
  const nothingToKeep = () => undefined;
  if (!toolId) return { ...loadCourse(dir, cwd, loadOptions), reused: false, keep: nothingToKeep };
  const key = JSON.stringify({
    tool: toolId,
    // Unicode tables and Intl come with Node: another version may read text differently.
    node: process.version,
    dir: path.resolve(dir),
    cwd: path.resolve(cwd),
    day: dayOf(loadOptions.today ?? new Date()),
    strictTranslations: loadOptions.strictTranslations === true,
  });
  const file = path.join(cacheDir, `${sha256(path.resolve(dir)).slice(0, 24)}.bin`);
  if (!refresh) {
    const entry = readEntry(file);
    if (entry?.key === key && factsHold(entry.facts)) {
      return { ...entry.result, reused: true, keep: nothingToKeep };
    }
  }
  const { value, facts } = recordingFacts(() => loadCourse(dir, cwd, loadOptions));
  return { ...value, reused: false, keep: () => writeEntry(file, { key, facts, result: value }) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function readEntry(file: string): CacheEntry | undefined {
  try {
    return deserialize(readFileSync(file)) as CacheEntry;
  } catch {
    return undefined;
  }
}

/** Written aside, then renamed: a build running beside this one never reads half a file. */
function writeEntry(file: string, entry: CacheEntry): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(entry));
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written is no reason to fail: the next run parses again.
  }
}
