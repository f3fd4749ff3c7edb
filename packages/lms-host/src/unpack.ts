import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

export interface UnpackLimits {
  maxTotalBytes: number;
  maxFileBytes: number;
  maxFiles: number;
}

export const unpackLimits: UnpackLimits = {
  /** A course package is a few MB; a video-heavy one may reach a few hundred. */
  maxTotalBytes: 512 * 1024 * 1024,
  maxFileBytes: 256 * 1024 * 1024,
  maxFiles: 20_000,
};

/** Why a zip was refused; `message` is written for the person who gave us the zip. */
export class UnsafeZipError extends Error {
  override readonly name = 'UnsafeZipError';
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The entry's path inside `root`, or an error when it would land outside it (zip-slip). */
function targetOf(root: string, name: string): string {
  const target = path.resolve(root, name);
  if (
    name.includes('\\') ||
    name.includes('\0') ||
    path.isAbsolute(name) ||
    /^[a-zA-Z]:/.test(name) ||
    !target.startsWith(root + path.sep)
  ) {
    throw new UnsafeZipError(`The zip entry "${name}" points outside the package folder.`);
  }
  return target;
}

/**
 * Unpacks a package zip into `dir`, refusing entries that would escape it (zip-slip) and
 * archives that unpack to absurd sizes or file counts (zip bombs). Every entry is checked
 * from the zip's directory before anything is inflated, and nothing is written if any entry
 * is refused. A header that understates an entry's size cannot get past the limits: fflate
 * inflates into a buffer of the declared size.
 */
export function unpackZip(zip: Uint8Array, dir: string, limits = unpackLimits): string[] {
  const root = path.resolve(dir);
  let total = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter(file) {
        count++;
        if (count > limits.maxFiles) {
          throw new UnsafeZipError(`The zip holds more than ${limits.maxFiles} files.`);
        }
        if (!file.name.endsWith('/')) targetOf(root, file.name);
        if (file.originalSize > limits.maxFileBytes) {
          throw new UnsafeZipError(
            `The zip entry "${file.name}" unpacks to more than ${megabytes(limits.maxFileBytes)}.`,
          );
        }
        total += file.originalSize;
        if (total > limits.maxTotalBytes) {
          throw new UnsafeZipError(
            `The zip unpacks to more than ${megabytes(limits.maxTotalBytes)}.`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UnsafeZipError) throw error;
    throw new UnsafeZipError(`The file is not a readable zip: ${(error as Error).message}`);
  }
  const targets: Array<[string, Uint8Array]> = [];
  for (const [name, bytes] of Object.entries(entries)) {
    if (!name.endsWith('/')) targets.push([targetOf(root, name), bytes]);
  }
  for (const [target, bytes] of targets) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return targets.map(([target]) => path.relative(root, target).split(path.sep).join('/')).sort();
}
