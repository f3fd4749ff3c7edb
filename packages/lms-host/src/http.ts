import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSource } from './package-source.ts';

const require = createRequire(import.meta.url);
const staticDir = fileURLToPath(new URL('../static/', import.meta.url));

/** The host's own scripts and styles, served under /host/. */
const hostAssets: Record<string, { file: string; type: string }> = {
  '/host/scorm12.js': { file: require.resolve('scorm-again/scorm12/min'), type: 'text/javascript' },
  '/host/scorm2004.js': {
    file: require.resolve('scorm-again/scorm2004/min'),
    type: 'text/javascript',
  },
  '/host/host.js': { file: path.join(staticDir, 'host.js'), type: 'text/javascript' },
  '/host/host.css': { file: path.join(staticDir, 'host.css'), type: 'text/css' },
  '/host/preview.js': { file: path.join(staticDir, 'preview.js'), type: 'text/javascript' },
  '/host/preview.css': { file: path.join(staticDir, 'preview.css'), type: 'text/css' },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The host and preview pages talk only to this server. Content inside the frame is the
 * package's business and gets no policy from us: third-party packages must run unchanged.
 */
export const hostPageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function send(
  response: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), 'application/json');
}

/** Serves /host/* assets; false when the path is not one. */
export function serveHostAsset(pathname: string, response: ServerResponse): boolean {
  const asset = hostAssets[pathname];
  if (!asset) return false;
  // The runtime and the host's own files only change when Teach-in is updated: letting the
  // browser keep them for a few minutes makes every preview reload cheaper.
  send(response, 200, readFileSync(asset.file), `${asset.type}; charset=utf-8`, {
    'cache-control': 'max-age=300',
  });
  return true;
}

/** Serves one package file; `relative` is the decoded path below the package root. */
export function serveFile(files: FileSource, relative: string, response: ServerResponse): void {
  const bytes = relative.includes('\0') ? undefined : files.read(relative);
  if (!bytes) {
    send(response, 404, 'Not found', 'text/plain');
    return;
  }
  const type = contentTypes[path.extname(relative).toLowerCase()] ?? 'application/octet-stream';
  send(response, 200, bytes, type);
}

/** The request body as JSON, refused (undefined) when larger than `limit` bytes or not JSON. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
