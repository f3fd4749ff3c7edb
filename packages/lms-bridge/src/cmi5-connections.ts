import type { Cmi5Launch } from './cmi5-statements.ts';

/**
 * Where a cmi5 package may connect, decided at launch. The LRS is named by the launch URL,
 * unknown at build time and often on another origin over plain http (an intranet or test
 * LMS). A meta CSP cannot be loosened once the page has it, but a second policy can be
 * added, and the browser then enforces both. So the cmi5 page's own meta policy leaves
 * out connect-src (and default-src, which would stand in for it) and this, run by the
 * page's one script before any request, adds `connect-src <endpoint origin> <fetch origin>`:
 * the two addresses the launch names, and nothing else, not even the package's own
 * origin. No launch parameters: `connect-src 'none'`.
 */
export function allowOnlyLaunchOrigins(doc: Document, launch: Cmi5Launch | undefined): string {
  const origins = new Set(
    launch ? [originOf(launch.endpoint), originOf(launch.fetch)].filter(Boolean) : [],
  );
  const policy = `connect-src ${origins.size > 0 ? [...origins].join(' ') : "'none'"}`;
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  doc.head.append(meta);
  return policy;
}

/** `scheme://host:port` for http(s) URLs; "" for anything else (it gets no connection). */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : '';
  } catch {
    return '';
  }
}
