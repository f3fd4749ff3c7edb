import { type Zippable, zipSync } from 'fflate';

/** A fixed timestamp (local fields, as zip stores them), so the same files give the same bytes. */
const fixedTime = new Date(2000, 0, 1, 0, 0, 0);

/** A zip whose bytes depend only on the files: sorted names, fixed times, fixed compression. */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    entries[name] = [files.get(name)!, { mtime: fixedTime, level: 9 }];
  }
  return zipSync(entries, { mtime: fixedTime });
}
