import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScormVersion } from '@teach-in/course-schema';

/** The CMI data model in scorm-again's JSON shape (the `cmi` object of a commit). */
export type CmiData = Record<string, unknown>;

/** Names one learner's attempt at one package in one SCORM version. */
export interface AttemptKey {
  packageId: string;
  version: ScormVersion;
  learnerId: string;
}

/** What is kept between launches: the last data the content committed. */
export interface SavedAttempt extends AttemptKey {
  savedAt: string;
  cmi: CmiData;
}

/** Persists committed CMI data, one file per attempt. */
export interface AttemptStore {
  load(key: AttemptKey): SavedAttempt | undefined;
  save(key: AttemptKey, cmi: CmiData): void;
  clear(key: AttemptKey): void;
}

/** Readable and safe as a file name whatever the identifiers hold; the hash keeps it unique. */
function fileName(key: AttemptKey): string {
  const readable = `${key.packageId}.${key.version}.${key.learnerId}`
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 80);
  const hash = createHash('sha256')
    .update(JSON.stringify([key.packageId, key.version, key.learnerId]))
    .digest('hex')
    .slice(0, 12);
  return `${readable}.${hash}.json`;
}

/**
 * Attempts as JSON files in `dataDir`. Each save writes a temporary file and renames it over
 * the old one, so a crash mid-write leaves the previous attempt whole, never half a file.
 */
export function fileAttemptStore(dataDir: string): AttemptStore {
  const fileOf = (key: AttemptKey) => path.join(dataDir, fileName(key));
  return {
    load(key) {
      try {
        const saved = JSON.parse(readFileSync(fileOf(key), 'utf8')) as SavedAttempt;
        return saved && typeof saved.cmi === 'object' && saved.cmi !== null ? saved : undefined;
      } catch {
        return undefined;
      }
    },
    save(key, cmi) {
      mkdirSync(dataDir, { recursive: true });
      const file = fileOf(key);
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      const saved: SavedAttempt = { ...key, savedAt: new Date().toISOString(), cmi };
      writeFileSync(temp, `${JSON.stringify(saved, null, 2)}\n`);
      renameSync(temp, file);
    },
    clear(key) {
      rmSync(fileOf(key), { force: true });
    },
  };
}

/** Attempts kept only while the process runs: a host started without a data folder. */
export function memoryAttemptStore(): AttemptStore {
  const attempts = new Map<string, SavedAttempt>();
  return {
    load: (key) => attempts.get(fileName(key)),
    save(key, cmi) {
      attempts.set(fileName(key), { ...key, savedAt: new Date().toISOString(), cmi });
    },
    clear(key) {
      attempts.delete(fileName(key));
    },
  };
}
