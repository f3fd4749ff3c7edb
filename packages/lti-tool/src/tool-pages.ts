/**
 * The tool's own pages (the login and launch hops, the activity picker, the registration
 * page, refusals), each with the Content-Security-Policy that allows exactly its inline code:
 * fixed texts by their hash, computed once when this module loads, and a script whose text
 * varies per response by a nonce of that response.
 */

import { escapeHtml } from '@teach-in/course-schema/html-text';
import {
  type ContentfulStatusCode,
  type Context,
  hashSource,
  ltiToolPagePolicy,
  newNonce,
  nonceSource,
} from '@teach-in/http-kit';

/** A script or stylesheet whose text never changes: allowed by its hash. */
export interface FixedCode {
  readonly text: string;
  readonly source: string;
}

export const fixedCode = (text: string): FixedCode => ({ text, source: hashSource(text) });

/** A page and the policy it must be sent with. */
export interface ToolPage {
  readonly html: string;
  readonly policy: string;
}

const pageStyle = fixedCode(
  'body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:0 .2em}.ti-choices{list-style:none;padding:0}',
);

function scriptElement(text: string, nonce?: string): string {
  // A script that closed its own element would end early and leave the rest as markup.
  if (/<\/script/i.test(text)) throw new Error('An inline script may not contain </script.');
  return nonce ? `<script nonce="${nonce}">${text}</script>` : `<script>${text}</script>`;
}

/**
 * A tool page: `scripts` run after the body, in order; a string is a script whose text
 * varies (it gets this response's nonce), a `FixedCode` one whose hash the policy lists.
 */
export function page(
  title: string,
  body: string,
  scripts: readonly (FixedCode | string)[] = [],
): ToolPage {
  const nonce = scripts.some((script) => typeof script === 'string') ? newNonce() : undefined;
  const elements = scripts.map((script) =>
    typeof script === 'string' ? scriptElement(script, nonce) : scriptElement(script.text),
  );
  const sources = scripts.flatMap((script) => (typeof script === 'string' ? [] : [script.source]));
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${pageStyle.text}</style></head><body>${body}${elements.join('')}</body></html>`,
    policy: ltiToolPagePolicy({
      scripts: nonce ? [...new Set(sources), nonceSource(nonce)] : [...new Set(sources)],
      styles: [pageStyle.source],
    }),
  };
}

/** Answers with a tool page and its policy. */
export function sendPage(c: Context, toolPage: ToolPage, status: ContentfulStatusCode = 200) {
  return c.html(toolPage.html, status, { 'content-security-policy': toolPage.policy });
}

const submitAutoPost = fixedCode("document.getElementById('ti-autopost').submit()");

/** An HTML form that posts itself (the OIDC and Deep Linking hops between tool and LMS). */
export function autoPostPage(action: string, fields: Record<string, string>): ToolPage {
  const inputs = Object.entries(fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  return page(
    'Continuing…',
    `<form id="ti-autopost" method="post" action="${escapeHtml(action)}">${inputs}<noscript><button>Continue</button></noscript></form>`,
    [submitAutoPost],
  );
}
