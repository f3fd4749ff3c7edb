import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertSameOrigin,
  coursePagePolicy,
  errorPages,
  eventStream,
  Hono,
  HttpError,
  limitBody,
  listen,
  onlyHosts,
  policies,
  RateLimiter,
  readForm,
  readJson,
  securityHeaders,
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
