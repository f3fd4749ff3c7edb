import { createHash, randomBytes } from 'node:crypto';

/**
 * The CSP source that allows exactly one inline script or stylesheet: `'sha256-…'` of its
 * text, as the browser hashes the element's content (UTF-8, nothing trimmed). For code whose
 * text is fixed: compute it once, when the module that holds the text loads.
 */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A fresh nonce for one response, for an inline script whose text varies from response to
 * response (so no hash can be known in advance): 128 random bits, new for every response,
 * or a page that repeats it would let an injected script reuse it.
 */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The CSP source that allows the scripts carrying `nonce="<nonce>"`. */
export const nonceSource = (nonce: string): string => `'nonce-${nonce}'`;
