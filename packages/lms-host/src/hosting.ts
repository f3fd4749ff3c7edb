import type { ScormVersion } from '@teach-in/course-schema';
import { type Context, Hono, HttpError, readJson } from '@teach-in/http-kit';
import type { AttemptKey, AttemptStore, CmiData } from './attempt-store.ts';
import { decodePath, packageFile, rawPathOf } from './http.ts';
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

type LaunchContext = {
  find(id: string): HostedPackage | undefined;
  store: AttemptStore;
  learner: Learner;
};

/** A refusal scorm-again reports to the content as a failed call (error 101). */
const scormRefusal = (c: Context, status: 400 | 404 | 405, message: string) =>
  c.json({ result: false, errorCode: 101, message }, status);

async function commit(c: Context, store: AttemptStore, key: AttemptKey): Promise<Response> {
  // Too large or not JSON is the same refusal as JSON that is not CMI data.
  const body = await readJson(c, maxCommitBytes, { requireType: false }).catch(() => undefined);
  const cmi = (body as { cmi?: unknown } | undefined)?.cmi;
  if (typeof cmi !== 'object' || cmi === null || Array.isArray(cmi)) {
    // scorm-again reports this to the content as a failed commit (error 101 / 391).
    return scormRefusal(c, 400, 'Not a CMI commit');
  }
  store.save(key, cmi as CmiData);
  return c.json({ result: true, errorCode: 0 });
}

/**
 * The LMS side of every launch: package files under /content/<id>/, commits posted by
 * scorm-again to /lms/<id>/commit (persisted as the LMS's copy of the attempt), and
 * /lms/<id>/reset to start a fresh attempt.
 */
export function launchRoutes(context: LaunchContext): Hono {
  const app = new Hono();
  const handler = async (c: Context) => {
    // Matched on the path as sent: a package id or file name may hold an encoded slash.
    const match = /^\/(content|lms)\/([^/]+)\/(.*)$/.exec(rawPathOf(c));
    if (!match) throw new HttpError(404, 'Not found');
    const [, area, encodedId, rest] = match as unknown as [string, string, string, string];
    const hosted = context.find(decodePath(encodedId) ?? '');
    if (!hosted) return scormRefusal(c, 404, 'No such package');
    if (area === 'content') {
      const relative = decodePath(rest);
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
        return c.json({ message: 'Method not allowed' }, 405);
      }
      if (relative === undefined) return c.json({ message: 'Bad path' }, 400);
      return packageFile(c, hosted.files, relative);
    }
    const key = attemptKey(hosted, context.learner);
    if (c.req.method !== 'POST' || !key) return scormRefusal(c, 405, 'Method not allowed');
    if (rest === 'commit') return commit(c, context.store, key);
    if (rest === 'reset') {
      context.store.clear(key);
      return c.json({ result: true });
    }
    return c.json({ message: 'Not found' }, 404);
  };
  app.all('/content/*', handler);
  app.all('/lms/*', handler);
  return app;
}
