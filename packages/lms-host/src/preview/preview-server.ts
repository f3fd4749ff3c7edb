import {
  type Context,
  type EventChannel,
  eventStream,
  listen,
  onlyHosts,
} from '@teach-in/http-kit';
import { type AttemptStore, fileAttemptStore, memoryAttemptStore } from '../attempt-store.ts';
import { defaultLearner, hostApp, hostPageResponse } from '../host-server.ts';
import { type HostedPackage, hostConfig, launchRoutes } from '../hosting.ts';
import type { Learner } from '../launch-data.ts';
import { readManifest } from '../manifest.ts';
import type { FileSource } from '../package-source.ts';
import { type ExtraRoute, type LmsTarget, lmsTargets, type TargetLms } from './lms-targets.ts';
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
  // A target with its own LMS side launches per page view (see `page`), not per build.
  const launch =
    (target.lms ? undefined : target.launch?.({ files, info, learner, origin })) ??
    info?.launch ??
    'index.html';
  const hosted: HostedPackage = { id: target.format, runtime: target.runtime, files, launch };
  if (info) hosted.info = info;
  return hosted;
}

/**
 * The author's preview: the course under the LMS chosen in the switch, the calls it makes and
 * its data model beside it, and a live-reload channel (server-sent events) for rebuilds.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const targets: readonly LmsTarget[] = options.targets ?? lmsTargets;
  const learner = options.learner ?? { ...defaultLearner, name: 'Preview, Author' };
  const targetLms = new Map<string, TargetLms>();
  for (const target of targets) {
    const made = target.lms?.({
      learner,
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    });
    if (made) targetLms.set(target.format, made);
  }
  const routes = [
    ...(options.routes ?? []),
    ...targets.flatMap((t) => t.routes ?? []),
    ...[...targetLms.values()].flatMap((lms) => lms.routes),
  ];
  const store: AttemptStore = options.dataDir
    ? fileAttemptStore(options.dataDir)
    : memoryAttemptStore();
  let build = options.build;
  let origin = '';
  let hosted = new Map<string, HostedPackage>();
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

  /** Each view of a target with its own LMS side is a new launch (a new cmi5 session). */
  const launchFor = (target: LmsTarget, hostedPackage: HostedPackage, pageOrigin: string) => {
    const lms = targetLms.get(target.format);
    if (!lms) return hostedPackage;
    const launch = lms.launch({
      files: hostedPackage.files,
      ...(hostedPackage.info ? { info: hostedPackage.info } : {}),
      learner,
      origin: pageOrigin,
    });
    return { ...hostedPackage, launch };
  };

  const page = (url: URL, pageOrigin: string): string => {
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
    const found = current ? hosted.get(current.format) : undefined;
    const chosen = found && current ? launchFor(current, found, pageOrigin) : undefined;
    return previewPage({
      title: build.title,
      switch: entries,
      warnings: [...build.warnings],
      ...(chosen && current
        ? { config: hostConfig(chosen, learner, store, build.title), current }
        : {}),
    });
  };

  const listeners = new Set<EventChannel>();
  const events = (c: Context) =>
    eventStream(c, { retryMs: 1000 }, (channel) => {
      channel.send('hello', String(buildNumber));
      listeners.add(channel);
      // A page whose panel lists what an LMS side recorded also hears of each new record.
      const lms = targetLms.get(c.req.query('lms') ?? '');
      const unsubscribe = lms?.feed((event, data) => channel.send(event, JSON.stringify(data)));
      return () => {
        listeners.delete(channel);
        unsubscribe?.();
      };
    });

  const context = { find: (id: string) => hosted.get(id), store, learner };
  // Only pages opened as this server may use it: refuses DNS-rebinding requests.
  const app = hostApp(onlyHosts(() => [`127.0.0.1:${port}`, `localhost:${port}`]));
  app.get('/', (c) => {
    // The launch names the endpoints by the host the author opened (127.0.0.1 or localhost),
    // so the content's xAPI requests stay same-origin.
    const pageOrigin = `http://${c.req.header('host') ?? `127.0.0.1:${port}`}`;
    let html: string;
    try {
      html = page(new URL(c.req.url), pageOrigin);
    } catch (error) {
      // A package the LMS side cannot launch (no cmi5.xml): say why instead of failing.
      return c.text((error as Error).message, 500);
    }
    return hostPageResponse(c, html);
  });
  app.get('/preview/events', events);
  // "Start a fresh attempt" for a target with its own LMS side; the others' is launchRoutes'.
  app.post('/lms/:format/reset', (c, next) => {
    const lms = targetLms.get(c.req.param('format'));
    if (!lms) return next();
    lms.reset();
    return c.json({ result: true });
  });
  for (const route of routes) app.route('/', route);
  app.route('/', launchRoutes(context));
  const server = await listen(app, options.port === undefined ? {} : { port: options.port });
  const port = server.port;
  origin = server.origin;
  prepare();

  return {
    url: server.url,
    update(next) {
      build = next;
      prepare();
      buildNumber++;
      for (const listener of listeners) listener.send('reload', String(buildNumber));
    },
    listeners: () => listeners.size,
    async close() {
      for (const listener of listeners) listener.close();
      await server.close();
    },
  };
}
