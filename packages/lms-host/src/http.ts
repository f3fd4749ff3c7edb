import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, contentTypeOf, Hono, HttpError } from '@teach-in/http-kit';
import type { FileSource } from './package-source.ts';

const require = createRequire(import.meta.url);
const staticDir = fileURLToPath(new URL('../static/', import.meta.url));

/** The host's own scripts and styles, served under /host/. */
const hostAssets: Record<string, string> = {
  '/host/scorm12.js': require.resolve('scorm-again/scorm12/min'),
  '/host/scorm2004.js': require.resolve('scorm-again/scorm2004/min'),
  '/host/host.js': path.join(staticDir, 'host.js'),
  '/host/host.css': path.join(staticDir, 'host.css'),
  '/host/preview.js': path.join(staticDir, 'preview.js'),
  '/host/preview.css': path.join(staticDir, 'preview.css'),
};

/** GET /host/*: the host page's own files. */
export function hostAssetRoutes(): Hono {
  const app = new Hono();
  for (const [route, file] of Object.entries(hostAssets)) {
    // The runtime and the host's own files only change when Teach-in is updated: letting the
    // browser keep them for a few minutes makes every preview reload cheaper.
    app.get(route, (c) =>
      c.body(readFileSync(file), 200, {
        'content-type': contentTypeOf(file),
        'cache-control': 'max-age=300',
      }),
    );
  }
  return app;
}

/** One package file; `relative` is the decoded path below the package root. */
export function packageFile(c: Context, files: FileSource, relative: string): Response {
  const bytes = relative.includes('\0') ? undefined : files.read(relative);
  if (!bytes) throw new HttpError(404, 'Not found');
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': contentTypeOf(relative) });
}

export function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** The request's path as the client sent it, still percent-encoded. */
export const rawPathOf = (c: Context) => new URL(c.req.url).pathname;
