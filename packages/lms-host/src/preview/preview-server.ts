import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AttemptStore, fileAttemptStore, memoryAttemptStore } from '../attempt-store.ts';
import { closeServer, defaultLearner, listen } from '../host-server.ts';
import { type HostedPackage, handleLaunchRequest, hostConfig } from '../hosting.ts';
import { hostPageCsp, send, serveHostAsset } from '../http.ts';
import type { Learner } from '../launch-data.ts';
import { readManifest } from '../manifest.ts';
import type { FileSource } from '../package-source.ts';
import { type ExtraRoute, type LmsTarget, lmsTargets } from './lms-targets.ts';
import { type PreviewDiagnostic, previewPage } from './preview-page.ts';

export type { PreviewDiagnostic } from './preview-page.ts';

/** What the preview shows: the packages of the last build, or the errors that stopped it. */
export type PreviewBuild =
  | {
      kind: 'ready';
      title: string;
      /** Files per LMS target format (`scorm12`, `scorm2004`, `web`, ...). */
      packages: ReadonlyMap<string, FileSource>;
      warnings: readonly PreviewDiagnostic[];
    }
  | { kind: 'broken'; title: string; diagnostics: readonly PreviewDiagnostic[] };

export interface PreviewOptions {
  build: PreviewBuild;
  /** Where committed attempts are kept; in memory when absent. */
  dataDir?: string;
  learner?: Learner;
  port?: number;
  targets?: readonly LmsTarget[];
  /** Routes besides those of the targets. */
  routes?: readonly ExtraRoute[];
}

export interface RunningPreview {
  url: string;
  /** Shows a new build and tells every open page to reload. */
  update(build: PreviewBuild): void;
  /** Open live-reload connections (pages listening for rebuilds). */
  listeners(): number;
  close(): Promise<void>;
}

const decoder = new TextDecoder();

function hostedPackage(target: LmsTarget, files: FileSource, learner: Learner, origin: string) {
  const manifest = files.read('imsmanifest.xml');
  const info = manifest ? readManifest(decoder.decode(manifest)) : undefined;
  if (target.runtime !== 'none' && !info) {
    throw new Error(`The ${target.label} package has no imsmanifest.xml.`);
  }
  const launch = target.launch?.({ files, info, learner, origin }) ?? info?.launch ?? 'index.html';
  const hosted: HostedPackage = { id: target.format, runtime: target.runtime, files, launch };
  if (info) hosted.info = info;
  return hosted;
}

/** Only pages opened as this server may use it: refuses DNS-rebinding requests. */
function fromThisHost(request: IncomingMessage, origin: string): boolean {
  const host = request.headers.host ?? '';
  const { port } = new URL(origin);
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * The author's preview: the course under the LMS chosen in the switch, the calls it makes and
 * its data model beside it, and a live-reload channel (server-sent events) for rebuilds.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const targets: readonly LmsTarget[] = options.targets ?? lmsTargets;
  const routes = [...(options.routes ?? []), ...targets.flatMap((t) => t.routes ?? [])];
  const learner = options.learner ?? { ...defaultLearner, name: 'Preview, Author' };
  const store: AttemptStore = options.dataDir
    ? fileAttemptStore(options.dataDir)
    : memoryAttemptStore();
  let build = options.build;
  let origin = '';
  let hosted = new Map<string, HostedPackage>();
  const listeners = new Set<ServerResponse>();
  let buildNumber = 0;

  const prepare = () => {
    // A broken build keeps the last good packages: the page that was open still commits its
    // final data (the content suspends before the reload) and must not lose it.
    if (build.kind !== 'ready') return;
    hosted = new Map();
    for (const target of targets) {
      const files = build.packages.get(target.format);
      if (files) hosted.set(target.format, hostedPackage(target, files, learner, origin));
    }
  };

  const page = (url: URL): string => {
    const asked = url.searchParams.get('lms');
    const available = targets.filter((t) => hosted.has(t.format));
    const current = available.find((t) => t.format === asked) ?? available[0];
    const entries = targets.map((target) => ({
      target,
      available: build.kind === 'broken' || hosted.has(target.format),
      current: target === current,
    }));
    if (build.kind === 'broken') {
      return previewPage({
        title: build.title,
        switch: entries,
        diagnostics: [...build.diagnostics],
        warnings: [],
      });
    }
    const chosen = current ? hosted.get(current.format) : undefined;
    return previewPage({
      title: build.title,
      switch: entries,
      warnings: [...build.warnings],
      ...(chosen && current
        ? { config: hostConfig(chosen, learner, store, build.title), current }
        : {}),
    });
  };

  const events = (response: ServerResponse) => {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(`retry: 1000\nevent: hello\ndata: ${buildNumber}\n\n`);
    listeners.add(response);
    response.on('close', () => listeners.delete(response));
  };

  const context = { find: (id: string) => hosted.get(id), store, learner };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!fromThisHost(request, origin)) {
      send(response, 403, 'Forbidden', 'text/plain');
      return;
    }
    const get = request.method === 'GET';
    if (get && url.pathname === '/') {
      send(response, 200, page(url), 'text/html; charset=utf-8', {
        'content-security-policy': hostPageCsp,
      });
      return;
    }
    if (get && url.pathname === '/preview/events') return events(response);
    if (get && serveHostAsset(url.pathname, response)) return;
    (async () => {
      for (const route of routes) {
        if (await route(request, response, url)) return;
      }
      if (!(await handleLaunchRequest(request, response, url, context))) {
        send(response, 404, 'Not found', 'text/plain');
      }
    })().catch((error: Error) => send(response, 500, error.message, 'text/plain'));
  });
  const url = await listen(server, options.port);
  origin = url.replace(/\/$/, '');
  prepare();

  return {
    url,
    update(next) {
      build = next;
      prepare();
      buildNumber++;
      for (const listener of listeners) listener.write(`event: reload\ndata: ${buildNumber}\n\n`);
    },
    listeners: () => listeners.size,
    async close() {
      for (const listener of listeners) listener.end();
      await closeServer(server);
    },
  };
}
