import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScormVersion } from '@teach-in/course-schema';
import type { AttemptKey, AttemptStore, CmiData } from './attempt-store.ts';
import { decodePath, readJsonBody, sendJson, serveFile } from './http.ts';
import { type LaunchData, type Learner, launchData } from './launch-data.ts';
import type { PackageInfo } from './manifest.ts';
import type { FileSource } from './package-source.ts';

/** Which API the host page gives the content: a SCORM runtime, or none at all. */
export type RuntimeKind = ScormVersion | 'none';

/** One launchable package on a host, reached under /content/<id>/ and /lms/<id>/. */
export interface HostedPackage {
  id: string;
  runtime: RuntimeKind;
  files: FileSource;
  /** The manifest's data; required for a SCORM runtime. */
  info?: PackageInfo;
  /** The launch path below the package root, with any query. */
  launch: string;
}

/** What the host page needs to launch a package: everything is decided on the server. */
export interface HostConfig {
  runtime: RuntimeKind;
  title: string;
  launchUrl: string;
  commitUrl: string;
  /** POST here to drop the saved attempt, so the next launch starts afresh. */
  resetUrl: string;
  entry?: LaunchData['entry'];
  seed?: CmiData;
  learner: Learner;
}

/** A commit is the CMI data of one SCO: 64,000 characters of suspend data and the rest. */
const maxCommitBytes = 1024 * 1024;

export function attemptKey(hosted: HostedPackage, learner: Learner): AttemptKey | undefined {
  if (hosted.runtime === 'none' || !hosted.info) return undefined;
  return { packageId: hosted.info.identifier, version: hosted.runtime, learnerId: learner.id };
}

export function hostConfig(
  hosted: HostedPackage,
  learner: Learner,
  store: AttemptStore,
  title: string,
): HostConfig {
  const base = {
    runtime: hosted.runtime,
    title,
    launchUrl: `/content/${encodeURIComponent(hosted.id)}/${hosted.launch}`,
    commitUrl: `/lms/${encodeURIComponent(hosted.id)}/commit`,
    resetUrl: `/lms/${encodeURIComponent(hosted.id)}/reset`,
    learner,
  };
  const key = attemptKey(hosted, learner);
  if (!key || !hosted.info) return base;
  const launch = launchData(hosted.info, learner, store.load(key));
  return { ...base, entry: launch.entry, seed: launch.seed };
}

/**
 * The LMS side of every launch: package files under /content/<id>/, commits posted by
 * scorm-again to /lms/<id>/commit (persisted as the LMS's copy of the attempt), and
 * /lms/<id>/reset to start a fresh attempt. Returns false when the path is not one of these.
 */
export async function handleLaunchRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: { find(id: string): HostedPackage | undefined; store: AttemptStore; learner: Learner },
): Promise<boolean> {
  const match = /^\/(content|lms)\/([^/]+)\/(.*)$/.exec(url.pathname);
  if (!match) return false;
  const [, area, encodedId, rest] = match as unknown as [string, string, string, string];
  const hosted = context.find(decodePath(encodedId) ?? '');
  if (!hosted) {
    sendJson(response, 404, { result: false, errorCode: 101, message: 'No such package' });
    return true;
  }
  if (area === 'content') {
    const relative = decodePath(rest);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { message: 'Method not allowed' });
    } else if (relative === undefined) sendJson(response, 400, { message: 'Bad path' });
    else serveFile(hosted.files, relative, response);
    return true;
  }
  const key = attemptKey(hosted, context.learner);
  if (request.method !== 'POST' || !key) {
    sendJson(response, 405, { result: false, errorCode: 101, message: 'Method not allowed' });
    return true;
  }
  if (rest === 'commit') {
    const body = await readJsonBody(request, maxCommitBytes);
    const cmi = (body as { cmi?: unknown } | undefined)?.cmi;
    if (typeof cmi !== 'object' || cmi === null || Array.isArray(cmi)) {
      // scorm-again reports this to the content as a failed commit (error 101 / 391).
      sendJson(response, 400, { result: false, errorCode: 101, message: 'Not a CMI commit' });
      return true;
    }
    context.store.save(key, cmi as CmiData);
    sendJson(response, 200, { result: true, errorCode: 0 });
  } else if (rest === 'reset') {
    context.store.clear(key);
    sendJson(response, 200, { result: true });
  } else {
    sendJson(response, 404, { message: 'Not found' });
  }
  return true;
}
