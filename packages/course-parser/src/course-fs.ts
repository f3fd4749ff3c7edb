/**
 * The parser's only door to the file system. Every answer it gives can be written down as a
 * fact (what was asked, and a digest of the answer), so that a later run can tell whether
 * reading the course again would give the same result: if every fact still holds, it
 * would (the parser reads nothing else). `load-cache.ts` keeps a parsed course with the
 * facts it rests on.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';

export type FileOperation = 'read' | 'exists' | 'stat' | 'list' | 'realpath';

export interface FileFact {
  op: FileOperation;
  path: string;
  /** A digest of the answer: a file's SHA-256, a kind and size, a listing, an error code. */
  answer: string;
}

let facts: Map<string, FileFact> | undefined;

/** Runs `read` and returns what it returned with every file-system fact it depended on. */
export function recordingFacts<T>(read: () => T): { value: T; facts: FileFact[] } {
  const outer = facts;
  facts = new Map();
  try {
    const value = read();
    return { value, facts: [...facts.values()] };
  } finally {
    facts = outer;
  }
}

/** True when asking again gives every answer that was written down. */
export function factsHold(written: readonly FileFact[]): boolean {
  return written.every((fact) => answer(fact.op, fact.path) === fact.answer);
}

function note(op: FileOperation, path: string, digest: string): void {
  const key = `${op}\0${path}`;
  if (facts && !facts.has(key)) facts.set(key, { op, path, answer: digest });
}

const errorCode = (error: unknown) => `error:${(error as NodeJS.ErrnoException).code ?? '?'}`;

/** The digest of an answer, asked now: what `factsHold` compares. */
function answer(op: FileOperation, path: string): string {
  try {
    switch (op) {
      case 'read':
        return sha256(readFileSync(path));
      case 'exists':
        return String(existsSync(path));
      case 'stat':
        return kindOf(statSync(path));
      case 'list':
        return listingOf(path);
      case 'realpath':
        return realpathSync(path);
    }
  } catch (error) {
    return errorCode(error);
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function kindOf(stat: { isFile(): boolean; isDirectory(): boolean; size: number }): string {
  if (stat.isFile()) return `file:${stat.size}`;
  return stat.isDirectory() ? 'directory' : 'other';
}

const listingOf = (path: string): string => listingDigest(entriesOf(path));

function entriesOf(path: string): ListedEntry[] {
  return readdirSync(path, { withFileTypes: true }).map((entry) => ({
    name: entry.name,
    isFile: entry.isFile(),
    isDirectory: entry.isDirectory(),
  }));
}

function listingDigest(entries: readonly ListedEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => [entry.name, entry.isDirectory ? 'd' : entry.isFile ? 'f' : 'o']),
  );
}

/** A file's bytes; throws as readFileSync does. */
export function readBytes(path: string): Buffer {
  try {
    const bytes = readFileSync(path);
    note('read', path, sha256(bytes));
    return bytes;
  } catch (error) {
    note('read', path, errorCode(error));
    throw error;
  }
}

export const readText = (path: string): string => readBytes(path).toString('utf8');

export function exists(path: string): boolean {
  const found = existsSync(path);
  note('exists', path, String(found));
  return found;
}

export interface PathKind {
  isFile: boolean;
  isDirectory: boolean;
  /** Bytes, for a file. */
  size: number;
}

/** What is at `path`; throws as statSync does (a missing path, say). */
export function statOf(path: string): PathKind {
  try {
    const stat = statSync(path);
    note('stat', path, kindOf(stat));
    return { isFile: stat.isFile(), isDirectory: stat.isDirectory(), size: stat.size };
  } catch (error) {
    note('stat', path, errorCode(error));
    throw error;
  }
}

/** True when `path` is a file (following links). */
export const isFile = (path: string): boolean => exists(path) && statOf(path).isFile;

/** True when `path` is a folder (following links). */
export const isDirectory = (path: string): boolean => exists(path) && statOf(path).isDirectory;

export interface ListedEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

/** A folder's entries, in the order the system gives them; throws as readdirSync does. */
export function listDirectory(path: string): ListedEntry[] {
  try {
    const entries = entriesOf(path);
    note('list', path, listingDigest(entries));
    return entries;
  } catch (error) {
    note('list', path, errorCode(error));
    throw error;
  }
}

/** The path with every link resolved; throws as realpathSync does. */
export function realPath(path: string): string {
  try {
    const real = realpathSync(path);
    note('realpath', path, real);
    return real;
  } catch (error) {
    note('realpath', path, errorCode(error));
    throw error;
  }
}
