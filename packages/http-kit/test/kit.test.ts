import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertSameOrigin,
  clearCrossSiteCookie,
  cookiesOf,
  coursePagePolicy,
  errorPages,
  eventStream,
  Hono,
  HttpError,
  hashSource,
  limitBody,
  listen,
  ltiToolPagePolicy,
  newNonce,
  nonceSource,
  onlyHosts,
  policies,
  RateLimiter,
  readForm,
  readJson,
  securityHeaders,
  setCrossSiteCookie,
  withErrorPages,
} from '../src/index.ts';

/** An app with the kit's parts, as a server builds one. */
function app(isolated: boolean) {
  const limiter = new RateLimiter({ burst: 2, perMinute: 1 }, () => 0);
  const kit = new Hono();
  kit.use(securityHeaders({ isolated, policy: policies.serverPage }));
  const pages = errorPages({ format: 'text', unexpected: 'Something went wrong.' });
  kit.onError(pages.onError);
  kit.notFound(pages.notFound);
  kit.get('/', (c) => c.text('hi'));
  kit.get('/own-policy', (c) => c.text('x', 200, { 'content-security-policy': policies.image }));
  kit.get('/cached', (c) => c.text('x', 200, { 'cache-control': 'max-age=300' }));
  kit.post('/json', async (c) => c.json(await readJson(c, 20)));
  kit.post('/form', async (c) => c.text((await readForm(c, 100)).get('a') ?? ''));
  kit.post('/limited', limitBody(10), (c) => c.text('ok'));
  kit.post('/same-origin', (c) => {
    assertSameOrigin(c);
    return c.text('ok');
  });
  kit.get('/rate', (c) => {
    limiter.takeOrRefuse('me');
    return c.text('ok');
  });
  kit.get('/refused', () => {
    throw new HttpError(403, 'Facilitator only.');
  });
  kit.get('/bug', () => {
    throw new Error('secret detail');
  });
  return kit;
}

describe('the HTTP kit', () => {
  test('an isolated server sends the whole header set; its handlers may set their own policy', async () => {
    const response = await app(true).request('/');
    assert.equal(response.headers.get('content-security-policy'), policies.serverPage);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'same-origin');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('strict-transport-security'), null);
    const own = await app(true).request('/own-policy');
    assert.equal(own.headers.get('content-security-policy'), "default-src 'none'");
    const cached = await app(true).request('/cached');
    assert.equal(cached.headers.get('cache-control'), 'max-age=300');
  });

  test('a host whose pages frame packages does not forbid framing', async () => {
    const response = await app(false).request('/');
    assert.equal(response.headers.get('x-frame-options'), null);
    assert.equal(response.headers.get('cross-origin-resource-policy'), null);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  test('a server other sites frame: no referrer and HSTS when asked, still frameable', async () => {
    const kit = new Hono();
    kit.use(securityHeaders({ isolated: false, hideReferrer: true, strictTransport: true }));
    kit.get('/', (c) => c.text('hi'));
    const response = await kit.request('/');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.match(response.headers.get('strict-transport-security') ?? '', /^max-age=\d+/);
    assert.equal(response.headers.get('x-frame-options'), null);
    assert.equal(response.headers.get('cross-origin-opener-policy'), null);
    const host = await app(false).request('/');
    assert.equal(host.headers.get('referrer-policy'), null);
    assert.equal(host.headers.get('strict-transport-security'), null);
  });

  test('inline code: hashed as the CSP spec does, nonces fresh, never unsafe-inline', () => {
    // The hash browsers accept for `<script>done();</script>` in the Web Platform Tests
    // (content-security-policy/script-src/scripthash-default-src.sub.html).
    assert.equal(hashSource('done();'), "'sha256-sc3CeiHrlck5tH2tTC4MnBYFnI9D5zp8f9odqnmGQjE='");
    const [a, b] = [newNonce(), newNonce()];
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
    const script = hashSource('go()');
    const policy = ltiToolPagePolicy({ scripts: [script, nonceSource(a)], styles: [script] });
    assert.match(policy, new RegExp(`script-src ${script.replace(/[+/]/g, '\\$&')} 'nonce-`));
    assert.match(policy, /frame-ancestors \*/);
    assert.doesNotMatch(ltiToolPagePolicy(), /script-src|style-src/, "default-src 'none' rules");
    assert.throws(() => ltiToolPagePolicy({ scripts: ["'unsafe-inline'"] }), /hash or nonce/);
    assert.throws(() => ltiToolPagePolicy({ styles: ['*'] }), /hash or nonce/);
    assert.match(
      policies.ltiCoursePage,
      /script-src 'self'; connect-src 'self'; frame-ancestors \*/,
    );
  });

  test('cross-site cookies: SameSite=None and Secure on their path; read back with the rest', async () => {
    const kit = new Hono();
    kit.get('/set', (c) => {
      setCrossSiteCookie(c, 'state_1', '1', { path: '/lti', maxAgeSeconds: 600 });
      return c.text('ok');
    });
    kit.get('/read', (c) => {
      clearCrossSiteCookie(c, 'state_1', { path: '/lti' });
      return c.json(cookiesOf(c));
    });
    const set = (await kit.request('/set')).headers.get('set-cookie') ?? '';
    for (const part of ['state_1=1', 'Max-Age=600', 'Path=/lti', 'HttpOnly', 'Secure']) {
      assert.ok(set.includes(part), `${part} in ${set}`);
    }
    assert.match(set, /SameSite=None/);
    const read = await kit.request('/read', { headers: { cookie: 'state_1=1; other=2' } });
    assert.deepEqual(await read.json(), { state_1: '1', other: '2' });
    assert.match(read.headers.get('set-cookie') ?? '', /^state_1=; Max-Age=0; Path=\/lti/);
  });

  test('a refusal writer of its own: status, message and headers from the kit', async () => {
    const logged: unknown[] = [];
    const kit = new Hono();
    withErrorPages(kit, {
      format: (c, { status, message, error }) =>
        c.html(`<p data-kind="${error === undefined ? 'miss' : 'thrown'}">${message}</p>`, status),
      unexpected: 'Try again.',
      log: (error) => logged.push(error),
    });
    kit.get('/slow-down', () => {
      throw new HttpError(429, 'Slow down.', { 'retry-after': '60' });
    });
    kit.get('/bug', () => {
      throw new Error('secret detail');
    });
    const slow = await kit.request('/slow-down');
    assert.equal(slow.status, 429);
    assert.equal(slow.headers.get('retry-after'), '60');
    assert.equal(await slow.text(), '<p data-kind="thrown">Slow down.</p>');
    const bug = await kit.request('/bug');
    assert.equal(bug.status, 500);
    assert.equal(await bug.text(), '<p data-kind="thrown">Try again.</p>');
    assert.equal((logged[0] as Error).message, 'secret detail');
    const miss = await kit.request('/nowhere');
    assert.equal(miss.status, 404);
    assert.equal(await miss.text(), '<p data-kind="miss">Not found.</p>');
  });

  test('the policy texts: a course page connects where its LMS kind says, and nowhere else', () => {
    assert.match(coursePagePolicy('none'), /^default-src 'none'; connect-src 'none'; /);
    assert.match(coursePagePolicy('self'), /connect-src 'self'/);
    assert.doesNotMatch(coursePagePolicy('launch'), /connect-src|default-src/);
    assert.match(coursePagePolicy('none', true), /media-src 'self' data:/);
    assert.equal(policies.servedCoursePage, `${coursePagePolicy('self')}; frame-ancestors 'none'`);
    for (const policy of Object.values(policies)) {
      assert.match(policy, /default-src 'none'/);
      assert.doesNotMatch(policy, /unsafe-eval|script-src[^;]*unsafe-inline/);
    }
  });

  test('bodies: JSON and forms are read within their limit, refused past it or mislabelled', async () => {
    const kit = app(true);
    const post = (path: string, body: string, type: string) =>
      kit.request(path, { method: 'POST', body, headers: { 'content-type': type } });
    assert.deepEqual(await (await post('/json', '{"a":1}', 'application/json')).json(), { a: 1 });
    assert.equal((await post('/json', '{"a":1}', 'text/plain')).status, 415);
    assert.equal((await post('/json', '{nope', 'application/json')).status, 400);
    const big = await post('/json', JSON.stringify({ a: 'x'.repeat(50) }), 'application/json');
    assert.equal(big.status, 413);
    assert.equal(big.headers.get('connection'), 'close');
    assert.equal(
      await (await post('/form', 'a=b', 'application/x-www-form-urlencoded')).text(),
      'b',
    );
    assert.equal((await post('/form', 'a=b', 'application/json')).status, 415);
    assert.equal((await post('/limited', '12345', 'text/plain')).status, 200);
    assert.equal((await post('/limited', '12345678901', 'text/plain')).status, 413);
  });

  test('a body streamed without a length is cut off at the limit too', async () => {
    const server = await listen(app(true));
    try {
      const chunks = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('x'.repeat(8)));
          controller.enqueue(new TextEncoder().encode('x'.repeat(8)));
          controller.close();
        },
      });
      const response = await fetch(`${server.url}limited`, {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      assert.equal(response.status, 413);
    } finally {
      await server.close();
    }
  });

  test('rate limits: the burst passes, then 429 with a time to wait', async () => {
    const kit = app(true);
    assert.equal((await kit.request('/rate')).status, 200);
    assert.equal((await kit.request('/rate')).status, 200);
    const refused = await kit.request('/rate');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '60');
  });

  test('error pages: a refusal says why; a bug says nothing of itself; a miss is 404', async () => {
    const kit = app(true);
    const refused = await kit.request('/refused');
    assert.equal(refused.status, 403);
    assert.equal(await refused.text(), 'Facilitator only.\n');
    assert.equal(refused.headers.get('content-security-policy'), policies.serverPage);
    const original = console.error;
    console.error = () => {};
    try {
      const bug = await kit.request('/bug');
      assert.equal(bug.status, 500);
      assert.equal(await bug.text(), 'Something went wrong.\n');
    } finally {
      console.error = original;
    }
    assert.equal((await kit.request('/nowhere')).status, 404);
  });

  test('JSON error pages for a program, with the headers its protocol needs', async () => {
    const kit = new Hono();
    const pages = errorPages({ format: 'json', headers: { 'x-experience-api-version': '1.0.3' } });
    kit.onError(pages.onError);
    kit.get('/', () => {
      throw new HttpError(401, 'Unknown or missing auth token');
    });
    const response = await kit.request('/');
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('x-experience-api-version'), '1.0.3');
    assert.deepEqual(await response.json(), { error: 'Unknown or missing auth token' });
  });

  test('same origin: another site is refused, the page itself and a typed URL are not', async () => {
    const kit = app(true);
    const post = (headers: Record<string, string>) =>
      kit.request('http://room.local/same-origin', { method: 'POST', headers });
    assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post({ 'sec-fetch-site': 'same-origin' })).status, 200);
    assert.equal((await post({ origin: 'http://evil.example', host: 'room.local' })).status, 403);
    assert.equal((await post({ origin: 'http://room.local', host: 'room.local' })).status, 200);
    assert.equal((await post({ origin: 'null' })).status, 200);
  });

  test('only its own host names: a DNS-rebinding request is refused', async () => {
    const kit = new Hono();
    kit.onError(errorPages({ format: 'text' }).onError);
    kit.use(onlyHosts(() => ['127.0.0.1:9']));
    kit.get('/', (c) => c.text('ok'));
    assert.equal((await kit.request('/', { headers: { host: '127.0.0.1:9' } })).status, 200);
    assert.equal((await kit.request('/', { headers: { host: 'attacker.example' } })).status, 403);
  });

  test('event streams: the first read holds the first event; closing ends the stream', async () => {
    let closedByClient = false;
    let channel: { close(): void } | undefined;
    const kit = new Hono();
    kit.get('/events', (c) =>
      eventStream(c, { retryMs: 1000 }, (opened) => {
        opened.send('hello', '0');
        channel = opened;
        return () => {
          closedByClient = true;
        };
      }),
    );
    const server = await listen(kit);
    try {
      const response = await fetch(`${server.url}events`);
      assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      assert.equal(first, 'retry: 1000\nevent: hello\ndata: 0\n\n');
      channel?.close();
      assert.equal((await reader.read()).done, true);
      assert.equal(closedByClient, true);
    } finally {
      await server.close();
    }
  });
});
