import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

export const unpackLimits = {
  /** A course package is a few MB; a video-heavy one may reach hundreds. */
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFiles: 20_000,
};

/**
 * Unpacks a package zip into `dir`, refusing entries that would escape it (zip-slip) and
 * archives that unpack to absurd sizes (zip bombs). Nothing is written if any entry is refused.
 */
export function unpackZip(zip: Uint8Array, dir: string, limits = unpackLimits): string[] {
  let total = 0;
  let count = 0;
  const entries = unzipSync(zip, {
    filter(file) {
      count++;
      total += file.originalSize;
      if (count > limits.maxFiles)
        throw new Error(`The zip holds more than ${limits.maxFiles} files.`);
      if (total > limits.maxTotalBytes) {
        throw new Error(`The zip unpacks to more than ${limits.maxTotalBytes} bytes.`);
      }
      return true;
    },
  });
  const root = path.resolve(dir);
  const targets: Array<[string, Uint8Array]> = [];
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const target = path.resolve(root, name);
    if (name.includes('\\') || path.isAbsolute(name) || !target.startsWith(root + path.sep)) {
      throw new Error(`The zip entry "${name}" points outside the package folder.`);
    }
    targets.push([target, bytes]);
  }
  for (const [target, bytes] of targets) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return targets.map(([target]) => path.relative(root, target).split(path.sep).join('/')).sort();
}
