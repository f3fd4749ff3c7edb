import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes a file takes on the wire from a server that compresses (gzip level 9). */
export function gzippedSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export interface FirstLoad {
  /** The page and every script and stylesheet it references, in request order. */
  files: string[];
  gzipBytes: number;
}

/**
 * What a browser must fetch to open a built page (web/index.html or the SCORM launch page):
 * the page itself plus the scripts and stylesheets it references. Shared by the byte
 * budgets (tests/budgets.test.ts) and the bench (tooling/bench) so both count the same.
 */
export function firstLoad(pageFile: string): FirstLoad {
  const page = readFileSync(pageFile, 'utf8');
  const referenced = [...page.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const files = [path.basename(pageFile), ...referenced];
  const dir = path.dirname(pageFile);
  const gzipBytes = files.reduce((sum, file) => sum + gzippedSize(path.join(dir, file)), 0);
  return { files, gzipBytes };
}
