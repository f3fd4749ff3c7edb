import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type PackageInfo, readManifest } from './manifest.ts';
import { type UnpackLimits, UnsafeZipError, unpackLimits, unpackZip } from './unpack.ts';

/** Where a host reads a package's files: a folder on disk or files built in memory. */
export interface FileSource {
  /** The file at a package-relative path (`a/b.html`), or undefined when there is none. */
  read(relativePath: string): Uint8Array | undefined;
}

/** A folder's files; nothing outside the folder can be read, through `..` or a symlink. */
export function folderSource(dir: string): FileSource {
  const root = realpathSync(dir);
  return {
    read(relativePath) {
      const file = path.resolve(root, relativePath);
      if (!file.startsWith(root + path.sep)) return undefined;
      try {
        const real = realpathSync(file);
        if (!real.startsWith(root + path.sep) || !statSync(real).isFile()) return undefined;
        return readFileSync(real);
      } catch {
        return undefined;
      }
    },
  };
}

/** Files held in memory, as the preview builds them. */
export function memorySource(files: ReadonlyMap<string, Uint8Array>): FileSource {
  return { read: (relativePath) => files.get(relativePath) };
}

export interface OpenedPackage {
  info: PackageInfo;
  files: FileSource;
  /** The folder the package lives in (a temporary one for a zip). */
  dir: string;
  /** Removes the temporary folder a zip was unpacked into; nothing for a folder. */
  dispose(): void;
}

const decoder = new TextDecoder();

/** Reads a package's manifest from its files, with a message that says how to fix a miss. */
export function manifestOf(files: FileSource, name: string): PackageInfo {
  const xml = files.read('imsmanifest.xml');
  if (!xml) {
    throw new Error(
      `${name} has no imsmanifest.xml at its root. If the manifest is inside a folder, the ` +
        'folder was zipped instead of its contents: zip the files themselves.',
    );
  }
  try {
    return readManifest(decoder.decode(xml));
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
}

/**
 * Opens a SCORM package given as a zip or as an unpacked folder. A zip is unpacked safely
 * into a temporary folder first; an unsafe zip throws an UnsafeZipError naming the file.
 */
export function openPackage(input: string, limits: UnpackLimits = unpackLimits): OpenedPackage {
  if (!existsSync(input)) throw new Error(`${input} does not exist.`);
  if (statSync(input).isDirectory()) {
    const files = folderSource(input);
    return { info: manifestOf(files, input), files, dir: realpathSync(input), dispose() {} };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-package-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    unpackZip(new Uint8Array(readFileSync(input)), dir, limits);
    const files = folderSource(dir);
    return { info: manifestOf(files, path.basename(input)), files, dir, dispose };
  } catch (error) {
    dispose();
    if (error instanceof UnsafeZipError) {
      throw new UnsafeZipError(`Refused ${path.basename(input)}: ${error.message}`);
    }
    throw error;
  }
}
