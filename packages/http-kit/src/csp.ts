/**
 * Every Content-Security-Policy Teach-in writes, defined once: the meta policies the
 * builder puts into packages and guides, and the header policies the servers send. This
 * module imports nothing, so the builder can use it (`@teach-in/http-kit/csp`) without
 * loading a server.
 */

const policy = (...directives: readonly string[]): string => directives.join('; ');

/** The rest of a course page's policy: only its own files, no fonts, no base, no forms. */
const coursePageRest = (mediaFromData: boolean) => [
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // The offline copy's captions are data: URLs (render-media.ts): file:// loads no track.
  mediaFromData ? "media-src 'self' data:" : "media-src 'self'",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * Where a course page may connect. `none`: a package talks to nothing outside its own folder
 * (SCORM talks to the LMS through a JavaScript API on the window, not over the network).
 * `self`: a page served by `teach-in workshop` talks to that server. `launch`: cmi5 connects
 * to the LRS the launch URL names, unknown at build time, so this policy has no connect-src
 * (and so no default-src, which would stand in for it; every other directive is listed
 * instead), and the runtime adds a second policy with exactly the launch's origins before
 * any request (lms-bridge cmi5-connections.ts).
 */
export type CourseConnections = 'none' | 'self' | 'launch';

const connectDirectives = {
  none: ["default-src 'none'", "connect-src 'none'"],
  self: ["default-src 'none'", "connect-src 'self'"],
  launch: ["object-src 'none'", "frame-src 'none'", "worker-src 'none'", "manifest-src 'none'"],
} as const satisfies Record<CourseConnections, readonly string[]>;

/**
 * The policy in a course page's meta tag. Lit's styles use constructable stylesheets,
 * which style-src does not govern, so no 'unsafe-inline' is needed.
 */
export function coursePagePolicy(connections: CourseConnections, mediaFromData = false): string {
  return policy(...connectDirectives[connections], ...coursePageRest(mediaFromData));
}

export const policies = {
  /**
   * The host and preview pages talk only to their server. Content inside the frame is the
   * package's business and gets no policy from lms-host: third-party packages must run
   * unchanged.
   */
  hostPage: policy(
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ),
  /** The cmi5 host's launch page: one frame and one inline style, nothing else. */
  cmi5LaunchPage: policy("default-src 'none'", "frame-src 'self'", "style-src 'unsafe-inline'"),
  /** A server's own pages (the workshop's): its own files only, no framing. */
  serverPage: policy(
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ),
  /**
   * A course page served by the workshop server, and its files: the page's own meta policy,
   * plus no framing. Both policies apply, so neither can loosen the other.
   */
  servedCoursePage: policy(coursePagePolicy('self'), "frame-ancestors 'none'"),
  /**
   * A course page served by the LTI tool, and its files: the workshop kind's page (it talks
   * to the server that served it), framed by the LMS, so any ancestor. The page's own meta
   * policy (coursePagePolicy('self')) applies as well and forbids inline styles; this header
   * keeps the tool's earlier style-src text, because with the meta text as the header the
   * Chromium test (tests/lti.test.ts) lost the learner's frame in 1 run of 5 (0 of 20 with
   * this text). The cause is not found yet; scripts are 'self' either way.
   */
  ltiCoursePage: policy(
    "default-src 'none'",
    "img-src 'self' data:",
    "media-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "connect-src 'self'",
    'frame-ancestors *',
    "base-uri 'none'",
    "form-action 'none'",
  ),
  /** A picture (the QR code): nothing runs, nothing loads. */
  image: policy("default-src 'none'"),
  /** The facilitator guide: one inline stylesheet, images from its folder, no script. */
  guide: policy("default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:"),
} as const;

/** An inline source a policy may list: a hash (`'sha256-…'`) or a nonce (`'nonce-…'`). */
const inlineSource = /^'(sha256-[A-Za-z0-9+/]+={0,2}|nonce-[A-Za-z0-9+/_-]+={0,2})'$/;

function inlineSources(directive: string, sources: readonly string[]): string[] {
  for (const source of sources) {
    if (!inlineSource.test(source)) {
      throw new Error(`${directive} takes hash or nonce sources only, not ${source}.`);
    }
  }
  return sources.length > 0 ? [`${directive} ${sources.join(' ')}`] : [];
}

/**
 * An LTI tool page (the login and launch hops, the activity picker, the registration page,
 * refusals): the LMS frames it, so any ancestor; its forms post on to the LMS, any address.
 * Inline code runs only when the page names it: a hash for a fixed text, a nonce for a
 * script whose text varies per response (inline-code.ts). Never 'unsafe-inline', which
 * would also run a script someone managed to inject.
 */
export function ltiToolPagePolicy(
  inline: { scripts?: readonly string[]; styles?: readonly string[] } = {},
): string {
  return policy(
    "default-src 'none'",
    ...inlineSources('script-src', inline.scripts ?? []),
    ...inlineSources('style-src', inline.styles ?? []),
    'form-action *',
    'frame-ancestors *',
    "base-uri 'none'",
  );
}
