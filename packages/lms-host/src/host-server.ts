import {
  type Context,
  Hono,
  type ListeningServer,
  listen,
  type MiddlewareHandler,
  policies,
  securityHeaders,
  withErrorPages,
} from '@teach-in/http-kit';
import {
  type AttemptStore,
  type CmiData,
  fileAttemptStore,
  memoryAttemptStore,
} from './attempt-store.ts';
import { hostPage } from './host-page.ts';
import { type HostConfig, type HostedPackage, hostConfig, launchRoutes } from './hosting.ts';
import { hostAssetRoutes } from './http.ts';
import type { Learner } from './launch-data.ts';
import type { PackageInfo } from './manifest.ts';
import { openPackage } from './package-source.ts';

export interface HostOptions {
  /** A SCORM package: a zip, or the folder that holds imsmanifest.xml. */
  package?: string;
  /** An unpacked SCORM package (kept for callers that only have folders). */
  packageDir?: string;
  learner?: Learner;
  /**
   * Where committed data is kept (one JSON file per package and learner), so the next host
   * started on the same folder resumes the attempt. Without it, data lives in memory.
   */
  dataDir?: string;
  /** Data from an earlier session (scorm-again JSON, with exit "suspend" to resume it). */
  resume?: CmiData;
  port?: number;
}

export interface RunningHost {
  url: string;
  info: PackageInfo;
  /** The launch configuration the next page load gets (entry, seed). */
  config(): HostConfig;
  close(): Promise<void>;
}

export const defaultLearner: Learner = { id: 'learner-1', name: 'Learner, Test' };

/**
 * The host's server: an app with lms-host's headers (its pages frame package files, so
 * framing is not refused) and plain-text error pages, then `guards` (which Hono runs only
 * for routes added after them), then the host's own files under /host/.
 */
export function hostApp(...guards: MiddlewareHandler[]): Hono {
  const app = new Hono();
  app.use(securityHeaders({ isolated: false }), ...guards);
  withErrorPages(app, { format: 'text' });
  app.route('/', hostAssetRoutes());
  return app;
}

/** A host or preview page, under the host pages' policy. */
export const hostPageResponse = (c: Context, html: string, status: 200 | 500 = 200) =>
  c.html(html, status, { 'content-security-policy': policies.hostPage });

/**
 * Hosts a SCORM package like an LMS: reads its manifest, seeds the data an LMS owns, launches
 * the SCO in a frame under scorm-again, keeps what it commits and resumes it on the next launch.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const input = options.package ?? options.packageDir;
  if (!input) throw new Error('startHost needs a package (a zip or a folder).');
  const opened = openPackage(input);
  const { info } = opened;
  const learner = options.learner ?? defaultLearner;
  const store: AttemptStore = options.dataDir
    ? fileAttemptStore(options.dataDir)
    : memoryAttemptStore();
  const hosted: HostedPackage = {
    id: info.version,
    runtime: info.version,
    files: opened.files,
    info,
    launch: info.launch,
  };
  if (options.resume) {
    store.save(
      { packageId: info.identifier, version: info.version, learnerId: learner.id },
      options.resume,
    );
  }
  const config = () => hostConfig(hosted, learner, store, info.title);
  const context = { find: (id: string) => (id === hosted.id ? hosted : undefined), store, learner };

  const app = hostApp();
  app.get('/', (c) => hostPageResponse(c, hostPage(config())));
  app.route('/', launchRoutes(context));
  let server: ListeningServer;
  try {
    server = await listen(app, options.port === undefined ? {} : { port: options.port });
  } catch (error) {
    opened.dispose();
    throw error;
  }
  return {
    url: server.url,
    info,
    config,
    async close() {
      await server.close();
      opened.dispose();
    },
  };
}
