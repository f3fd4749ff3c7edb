import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server's own style sheet and script, at fixed routes. */
const staticFiles = {
  '/static/workshop.css': { file: 'workshop.css', type: 'text/css; charset=utf-8' },
  '/static/dashboard.js': { file: 'dashboard.js', type: 'text/javascript; charset=utf-8' },
} as const;

export interface StaticFile {
  bytes: Buffer;
  type: string;
}

const ownStatic = fileURLToPath(new URL('../static/', import.meta.url));

/**
 * Reads the static files once, at start; `themeCss` is appended to the stylesheet so the
 * room's pages look like the course. A file that is a symbolic link leading out of the
 * static folder is never served (the same rule as for course files): its route is a 404.
 */
export function readStaticFiles(themeCss = '', dir = ownStatic): Map<string, StaticFile> {
  const root = realpathSync(dir);
  const files = new Map<string, StaticFile>();
  for (const [route, { file, type }] of Object.entries(staticFiles)) {
    const real = realpathSync(path.join(root, file));
    const relative = path.relative(root, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const bytes = readFileSync(real);
    const themed =
      file === 'workshop.css' && themeCss
        ? Buffer.concat([bytes, Buffer.from(`\n${themeCss}\n`)])
        : bytes;
    files.set(route, { bytes: themed, type });
  }
  return files;
}
