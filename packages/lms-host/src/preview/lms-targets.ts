import type { RuntimeKind } from '../hosting.ts';
import { cmi5PreviewLms } from './cmi5-target.ts';
import type { ExtraRoute, LaunchContext, PreviewServerContext, TargetLms } from './target-lms.ts';

// Re-exported so that importers of the target list need not know the split.
export type {
  ExtraRoute,
  LaunchContext,
  PanelSend,
  PreviewServerContext,
  TargetLms,
} from './target-lms.ts';

/** What the data panel lists: the SCORM API calls and data model, what the course keeps in
 * the browser, or the xAPI statements the LMS handled and the state documents. */
export type PanelKind = 'scorm-api' | 'browser-storage' | 'xapi';

/** One entry of the preview's LMS switch. */
export interface LmsTarget {
  /** The export format the preview builds for this entry (course-builder's format names). */
  format: string;
  label: string;
  /** The API the host page gives the content. */
  runtime: RuntimeKind;
  /** One sentence for authors: where the course's data goes under this entry. */
  description: string;
  /**
   * The launch path below the package root, with any query string. Default: the manifest's
   * launch when there is an imsmanifest.xml, else index.html.
   */
  launch?: (context: LaunchContext) => string;
  /** Endpoints the LMS side of this standard needs beside the SCORM ones. */
  routes?: readonly ExtraRoute[];
  /** Default: `scorm-api` with a runtime, `browser-storage` without. */
  panel?: PanelKind;
  /** An LMS side with its own records (made once per preview server); replaces `launch`. */
  lms?: (server: PreviewServerContext) => TargetLms;
}

/**
 * The LMS switch, in display order; the first one the course provides is the default. A new
 * standard is one more entry here: a format the builder exports (the CLI builds every listed
 * format that course-builder's `exporters` has), the runtime the host page provides (`none`
 * for a standard without a JavaScript API on the window, like cmi5), its own `launch` when the
 * launch URL needs parameters, and its own `routes` for the endpoints the content calls; or,
 * for an LMS that keeps its own records, an `lms` that provides all three per server.
 */
export const lmsTargets = [
  {
    format: 'scorm12',
    label: 'SCORM 1.2',
    runtime: 'scorm12',
    description: 'The course talks to a SCORM 1.2 LMS (scorm-again), which keeps what it commits.',
  },
  {
    format: 'scorm2004',
    label: 'SCORM 2004',
    runtime: 'scorm2004',
    description:
      'The course talks to a SCORM 2004 4th edition LMS (scorm-again), which keeps what it commits.',
  },
  {
    format: 'cmi5',
    label: 'cmi5',
    runtime: 'none',
    description:
      'The course sends xAPI statements to a cmi5 LMS, which refuses those that break the cmi5 rules.',
    panel: 'xapi',
    lms: cmi5PreviewLms,
  },
  {
    format: 'web',
    label: 'No LMS (web copy)',
    runtime: 'none',
    description:
      'No LMS: the course keeps progress in this browser (localStorage) and sends nothing.',
  },
] as const satisfies readonly LmsTarget[];

export type LmsTargetFormat = (typeof lmsTargets)[number]['format'];
