import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityHeaderOptions {
  /** The policy of every response that sets none itself (csp.ts); none when absent. */
  policy?: string;
  /**
   * A server whose pages are never framed and never used by other sites (the workshop, the
   * LTI tool): no framing, no referrer, a browsing context and resources of its own. Off
   * for lms-host, whose pages frame the package's files and must run third-party content.
   */
  isolated: boolean;
  /**
   * No referrer, on a server that other sites frame (so not isolated) and whose addresses
   * carry a secret: the LTI tool, inside an LMS's iframe, with a launch's token in its paths.
   * An isolated server sends no referrer anyway.
   */
  hideReferrer?: boolean;
  /**
   * HSTS, for a server reached over HTTPS on the internet (the LTI tool behind its TLS
   * proxy): browsers keep to HTTPS for half a year. Browsers ignore it over plain http, so
   * a run on this computer is unaffected.
   */
  strictTransport?: boolean;
}

/**
 * The headers every response gets unless its handler set them: no sniffing, no caching
 * (a learner's data must not linger in a shared computer's cache), the policy, and for an
 * isolated server the rest of the set. Hono's `secureHeaders` writes the fixed ones; its
 * defaults that mean nothing on a local http server (HSTS, unless asked for, and old-browser
 * headers) are off.
 */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const { isolated, policy } = options;
  const fixed = secureHeaders({
    crossOriginResourcePolicy: isolated,
    crossOriginOpenerPolicy: isolated,
    referrerPolicy: isolated || options.hideReferrer === true,
    xFrameOptions: isolated ? 'DENY' : false,
    xContentTypeOptions: true,
    originAgentCluster: false,
    strictTransportSecurity: options.strictTransport === true,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    overwrite: false,
  });
  const defaults: MiddlewareHandler = async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    if (policy && !headers.has('content-security-policy')) {
      headers.set('content-security-policy', policy);
    }
  };
  return every(fixed, defaults);
}
