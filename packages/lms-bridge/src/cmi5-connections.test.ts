import { expect } from '@open-wc/testing';
import { allowOnlyLaunchOrigins } from './cmi5-connections.ts';
import type { Cmi5Launch } from './cmi5-statements.ts';

const launch = (endpoint: string, fetch: string): Cmi5Launch => ({
  endpoint,
  fetch,
  actor: {},
  registration: 'r',
  activityId: 'a',
});

/** A fresh document per case: policies, once added, stay for the document's life. */
function freshDocument(): Document {
  return document.implementation.createHTMLDocument('t');
}

describe('allowOnlyLaunchOrigins', () => {
  it("adds a policy with the endpoint's and the fetch URL's origins, and no others", () => {
    const doc = freshDocument();
    const policy = allowOnlyLaunchOrigins(
      doc,
      launch('http://lrs.intranet:8080/xapi/', 'http://lms.intranet/cmi5/fetch/1?x=1'),
    );
    expect(policy).to.equal('connect-src http://lrs.intranet:8080 http://lms.intranet');
    const meta = doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).to.equal(policy);
  });

  it('names an origin once; no launch, or no http(s) address, connects nowhere', () => {
    expect(
      allowOnlyLaunchOrigins(
        freshDocument(),
        launch('https://lms.example/x/', 'https://lms.example/f'),
      ),
    ).to.equal('connect-src https://lms.example');
    expect(allowOnlyLaunchOrigins(freshDocument(), undefined)).to.equal("connect-src 'none'");
    expect(
      allowOnlyLaunchOrigins(freshDocument(), launch('javascript:alert(1)', 'data:,x')),
    ).to.equal("connect-src 'none'");
  });
});
