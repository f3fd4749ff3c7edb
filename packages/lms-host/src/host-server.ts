import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PackageInfo, readManifest } from './manifest.ts';

export interface Learner {
  id: string;
  name: string;
}

export interface HostOptions {
  /** An unpacked SCORM package: the folder that holds imsmanifest.xml. */
  packageDir: string;
  learner?: Learner;
  /** Saved data from an earlier session (scorm-again JSON), loaded before launch. */
  resume?: Record<string, unknown>;
  port?: number;
}

export interface RunningHost {
  url: string;
  info: PackageInfo;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const staticDir = fileURLToPath(new URL('../static/', import.meta.url));
const runtimes = {
  scorm12: { file: require.resolve('scorm-again/scorm12/min'), url: '/host/scorm12.js' },
  scorm2004: { file: require.resolve('scorm-again/scorm2004/min'), url: '/host/scorm2004.js' },
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
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

const hostCsp =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; base-uri 'none'";

/** The data an LMS owns, seeded before the content starts, in scorm-again's JSON shape. */
function seedFor(info: PackageInfo, learner: Learner, resume: Record<string, unknown> | undefined) {
  if (info.version === 'scorm12') {
    return {
      core: {
        student_id: learner.id,
        student_name: learner.name,
        credit: 'credit',
        lesson_mode: 'normal',
      },
      ...(info.masteryScore === undefined
        ? {}
        : { student_data: { mastery_score: String(info.masteryScore) } }),
      ...resume,
    };
  }
  return {
    learner_id: learner.id,
    learner_name: learner.name,
    credit: 'credit',
    mode: 'normal',
    ...(info.scaledPassingScore === undefined
      ? {}
      : { scaled_passing_score: String(info.scaledPassingScore) }),
    objectives: Object.fromEntries(info.objectiveIds.map((id, i) => [i, { id }])),
    ...resume,
  };
}

function hostPage(info: PackageInfo, seed: unknown): string {
  const config = JSON.stringify({
    version: info.version,
    title: info.title,
    launchUrl: `/content/${info.launch}`,
    seed,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${info.title.replace(/[<&]/g, '')} (Teach-in host)</title>
<style>html,body{margin:0;height:100%}#content,iframe{display:block;width:100%;height:100%;border:0}</style>
</head>
<body>
<div id="content"></div>
<script type="application/json" id="host-config">${config}</script>
<script src="${runtimes[info.version].url}"></script>
<script src="/host/host.js"></script>
</body>
</html>
`;
}

/** Serves a SCORM package inside a host page running scorm-again, like an LMS does. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const packageDir = realpathSync(options.packageDir);
  const info = readManifest(readFileSync(path.join(packageDir, 'imsmanifest.xml'), 'utf8'));
  const learner = options.learner ?? { id: 'learner-1', name: 'Learner, Test' };
  const page = hostPage(info, seedFor(info, learner, options.resume));
  const runtime = runtimes[info.version];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body: string | Buffer, type: string, headers = {}) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'Method not allowed', 'text/plain');
      return;
    }
    if (url.pathname === '/') {
      send(200, page, 'text/html; charset=utf-8', { 'content-security-policy': hostCsp });
    } else if (url.pathname === runtime.url) {
      send(200, readFileSync(runtime.file), 'text/javascript; charset=utf-8');
    } else if (url.pathname === '/host/host.js') {
      send(200, readFileSync(path.join(staticDir, 'host.js')), 'text/javascript; charset=utf-8');
    } else if (url.pathname.startsWith('/content/')) {
      const relative = decodeURIComponent(url.pathname.slice('/content/'.length));
      const file = path.resolve(packageDir, relative);
      if (!file.startsWith(packageDir + path.sep)) {
        send(403, 'Forbidden', 'text/plain');
        return;
      }
      try {
        if (!statSync(file).isFile()) throw new Error('not a file');
        const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        send(200, readFileSync(file), type);
      } catch {
        send(404, 'Not found', 'text/plain');
      }
    } else {
      send(404, 'Not found', 'text/plain');
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    info,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
