import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AttemptStore,
  type CmiData,
  fileAttemptStore,
  memoryAttemptStore,
} from './attempt-store.ts';
import { hostPage } from './host-page.ts';
import { type HostConfig, type HostedPackage, handleLaunchRequest, hostConfig } from './hosting.ts';
import { hostPageCsp, send, serveHostAsset } from './http.ts';
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

export async function listen(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

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

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/' && request.method === 'GET') {
      send(response, 200, hostPage(config()), 'text/html; charset=utf-8', {
        'content-security-policy': hostPageCsp,
      });
      return;
    }
    if (request.method === 'GET' && serveHostAsset(url.pathname, response)) return;
    handleLaunchRequest(request, response, url, context)
      .then((handled) => {
        if (!handled) send(response, 404, 'Not found', 'text/plain');
      })
      .catch((error: Error) => send(response, 500, error.message, 'text/plain'));
  });
  let url: string;
  try {
    url = await listen(server, options.port);
  } catch (error) {
    opened.dispose();
    throw error;
  }
  return {
    url,
    info,
    config,
    async close() {
      await closeServer(server);
      opened.dispose();
    },
  };
}
