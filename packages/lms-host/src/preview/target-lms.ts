/**
 * What a preview target's LMS side is given and gives back, apart from the target list
 * (lms-targets.ts) so that a target's own file (cmi5-target.ts) and the list do not import
 * each other.
 */
import type { Hono } from '@teach-in/http-kit';
import type { Learner } from '../launch-data.ts';
import type { PackageInfo } from '../manifest.ts';
import type { FileSource } from '../package-source.ts';

export interface LaunchContext {
  files: FileSource;
  /** The manifest's data, when the package has an imsmanifest.xml. */
  info?: PackageInfo;
  learner: Learner;
  /** `http://127.0.0.1:<port>`: for launch parameters that must name the host's endpoints. */
  origin: string;
}

/** Routes the preview server mounts for a target (cmi5's fetch and xAPI endpoints): a Hono app. */
export type ExtraRoute = Hono;

/** Sends one server-sent event to a preview page's data panel. */
export type PanelSend = (event: 'statement' | 'state', data: unknown) => void;

/** The LMS side of a target inside one preview server: it keeps records (sessions, statements). */
export interface TargetLms {
  /** Each page view is one launch (a new session for cmi5): the path below the package root. */
  launch(context: LaunchContext): string;
  routes: readonly ExtraRoute[];
  /** "Start a fresh attempt" (POST /lms/<format>/reset). */
  reset(): void;
  /** Sends the panel what the current attempt has so far, then each change; returns unsubscribe. */
  feed(send: PanelSend): () => void;
}

/** What a target's LMS side is made from, once per preview server. */
export interface PreviewServerContext {
  learner: Learner;
  /** Where the preview keeps attempts between runs; memory only when absent. */
  dataDir?: string;
}
