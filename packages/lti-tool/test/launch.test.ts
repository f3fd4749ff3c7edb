import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { formOf, launchAs, type Pair, post, startPair } from './harness.ts';

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';

async function countRows(pair: Pair, table: string): Promise<number> {
  const rows = await pair.tool.store.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

describe('OIDC login and resource-link launch (SQLite)', () => {
  let pair: Pair;
  before(async () => {
    pair = await startPair();
  });
  after(() => pair.close());

  test('a valid launch opens the placed module with the tracker config and no cookie needed', async () => {
    const { response } = await launchAs(pair.platform, {
      user: 'learner-1',
      target: 'lti-course/requests',
    });
    assert.equal(response.status, 303);
    const location = response.headers.get('location') ?? '';
    assert.match(location, /^\/lti\/play\/[A-Za-z0-9_-]{43}\/$/);
    const page = await fetch(`${pair.tool.url}${location}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<script type="application\/json" id="ti-workshop">\{"endpoint":"\.\/"/);
    assert.match(html, /Who may ask an employer/);
    assert.doesNotMatch(
      html,
      /Some employers track keystrokes/,
      'only the placed module is served',
    );
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
    // The data notice names what goes to the tool and what goes on to the LMS's gradebook.
    assert.match(html, /<code class="ti-lms-field">answer: question id<\/code>/);
    assert.match(html, /<code class="ti-lms-field">AGS score: scoreGiven \(of 100\)<\/code>/);
    assert.equal(await countRows(pair, 'launches'), 1);
  });

  /** Each refusal: a 4xx error page naming the problem, and no launch or nonce stored. */
  async function assertRefused(
    message: Parameters<typeof launchAs>[1],
    status: number,
    code: string,
  ) {
    const launchesBefore = await countRows(pair, 'launches');
    const noncesBefore = await countRows(pair, 'used_nonces');
    const { response } = await launchAs(pair.platform, message);
    const html = await response.text();
    assert.equal(response.status, status, html);
    assert.match(html, new RegExp(`data-code="${code}"`));
    assert.match(html, /Nothing was stored/);
    assert.equal(await countRows(pair, 'launches'), launchesBefore);
    assert.equal(await countRows(pair, 'used_nonces'), noncesBefore);
  }

  const target = 'lti-course';
  test('bad signature', () =>
    assertRefused({ user: 'u', target, rogueKey: true }, 401, 'bad-signature'));
  test('unknown issuer', () =>
    assertRefused(
      { user: 'u', target, claims: { iss: 'https://lms.invalid' } },
      401,
      'unknown-platform',
    ));
  test('wrong audience (azp names us, aud does not)', async () => {
    const clientId = pair.platform.tool?.clientId;
    await assertRefused(
      { user: 'u', target, claims: { aud: ['another-tool'], azp: clientId } },
      401,
      'wrong-audience',
    );
  });
  test('several audiences and no azp', async () => {
    const clientId = pair.platform.tool?.clientId ?? '';
    await assertRefused(
      { user: 'u', target, claims: { aud: [clientId, 'another-tool'] } },
      401,
      'unknown-platform',
    );
  });
  test('expired token', () =>
    assertRefused(
      { user: 'u', target, issuedAt: Math.floor(Date.now() / 1000) - 3600, expiresIn: 600 },
      401,
      'expired-token',
    ));
  test('unknown deployment', () =>
    assertRefused(
      { user: 'u', target, deploymentId: 'deployment-unknown' },
      403,
      'unknown-deployment',
    ));
  test('wrong message type', () =>
    assertRefused(
      { user: 'u', target, messageType: 'LtiSubmissionReviewRequest' },
      400,
      'wrong-message-type',
    ));
  test('wrong LTI version', () =>
    assertRefused(
      { user: 'u', target, claims: { [`${lti}version`]: '1.1' } },
      400,
      'wrong-version',
    ));
  test('no roles claim', () =>
    assertRefused(
      { user: 'u', target, claims: { [`${lti}roles`]: undefined } },
      400,
      'bad-claims',
    ));
  test('a launch addressed to another tool', () =>
    assertRefused(
      {
        user: 'u',
        target,
        claims: { [`${lti}target_link_uri`]: 'https://other-tool.invalid/launch' },
      },
      400,
      'foreign-target',
    ));
  test('no target_link_uri in a resource-link launch', () =>
    assertRefused(
      { user: 'u', target, claims: { [`${lti}target_link_uri`]: undefined } },
      400,
      'bad-claims',
    ));
  test('a learner cannot open the activity picker', () =>
    assertRefused({ user: 'u', messageType: 'LtiDeepLinkingRequest' }, 403, 'not-instructor'));
  test('a placement the tool does not serve', () =>
    assertRefused({ user: 'u', target: 'no-such-course' }, 404, 'unknown-placement'));

  test('a replayed launch (same id_token and nonce) is refused', async () => {
    const { response, form } = await launchAs(pair.platform, { user: 'learner-2', target });
    assert.equal(response.status, 303);
    const launches = await countRows(pair, 'launches');
    const replay = await post(form.action, form.fields);
    const html = await replay.text();
    assert.equal(replay.status, 401);
    assert.match(html, /data-code="replayed-nonce"/);
    assert.equal(await countRows(pair, 'launches'), launches);
  });

  test('a state the tool never issued is refused', async () => {
    const login = await fetch(pair.platform.loginUrl({ user: 'u', target }), {
      redirect: 'manual',
    });
    const authUrl = new URL(login.headers.get('location') ?? '');
    authUrl.searchParams.set('state', 'forged-state');
    const form = formOf(await (await fetch(authUrl)).text());
    const response = await post(form.action, form.fields);
    assert.equal(response.status, 401);
    assert.match(await response.text(), /data-code="unknown-state"/);
  });

  test('a login from an unknown client is refused before anything is stored', async () => {
    const url = new URL(pair.platform.loginUrl({ user: 'u', target }));
    url.searchParams.set('client_id', 'someone-else');
    const response = await fetch(url, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /data-code="unknown-platform"/);
  });

  test('with the LMS storage offered, the state goes there and the launch page checks it', async () => {
    const login = await fetch(
      pair.platform.loginUrl({ user: 'learner-3', target, storageTarget: '_parent' }),
      {
        redirect: 'manual',
      },
    );
    assert.equal(login.status, 200);
    const html = await login.text();
    assert.match(
      html,
      /ask\('lti\.put_data', \{ key: "ti_state_[A-Za-z0-9_-]+", value: "[A-Za-z0-9_-]+" \}\)/,
    );
    const next = /location\.replace\(("[^"]+")\)/.exec(html)?.[1] ?? '""';
    const auth = await fetch(JSON.parse(next) as string);
    const form = formOf(await auth.text());
    const launch = await post(form.action, form.fields);
    assert.equal(launch.status, 200, 'a page that checks first, not a redirect');
    const page = await launch.text();
    assert.match(page, /ask\('lti\.get_data'/);
    assert.match(page, new RegExp(`"ti_state_${form.fields.state}"`));
    assert.match(page, /data-url="\/lti\/play\/[A-Za-z0-9_-]{43}\/"/);
  });

  test('a login whose target is another site is refused (no open redirect)', async () => {
    const url = new URL(pair.platform.loginUrl({ user: 'u', target }));
    url.searchParams.set('target_link_uri', 'https://elsewhere.invalid/');
    const response = await fetch(url, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /data-code="foreign-target"/);
  });

  test('deep linking: the educator picks a module; the platform accepts the signed response', async () => {
    const { response } = await launchAs(pair.platform, {
      user: 'teacher-1',
      role: 'instructor',
      messageType: 'LtiDeepLinkingRequest',
    });
    assert.equal(response.status, 200);
    const picker = await response.text();
    assert.match(picker, /value="lti-course\/monitoring"/);
    const requestId = /name="request" value="([^"]+)"/.exec(picker)?.[1] ?? '';
    const answer = await post(`${pair.tool.url}/lti/deep-link`, {
      request: requestId,
      target: 'lti-course/monitoring',
    });
    const form = formOf(await answer.text());
    assert.equal(form.action, `${pair.platform.issuer}/deep-link-return`);
    const claims = decodeJwt(form.fields.JWT ?? '');
    assert.equal(claims[`${lti}message_type`], 'LtiDeepLinkingResponse');

    // Tampered: the payload changed (another module) without the tool's signature.
    const [header, , signature] = (form.fields.JWT ?? '').split('.');
    const items = claims['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as {
      custom: { target: string };
    }[];
    const forged = {
      ...claims,
      'https://purl.imsglobal.org/spec/lti-dl/claim/content_items': [
        { ...items[0], custom: { target: 'lti-course' } },
      ],
    };
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    const refused = await post(form.action, { JWT: tampered });
    assert.equal(refused.status, 400);
    assert.equal(pair.platform.resourceLinks.size, 0);

    const accepted = await post(form.action, form.fields);
    assert.equal(accepted.status, 200, await accepted.text());
    const link = [...pair.platform.resourceLinks.values()][0];
    assert.deepEqual(link?.custom, { target: 'lti-course/monitoring' });
    assert.equal(pair.platform.lineItems.get(link?.lineItemId ?? '')?.tag, 'lti-course/monitoring');

    // The request is single-use: posting the choice again is refused.
    const again = await post(`${pair.tool.url}/lti/deep-link`, {
      request: requestId,
      target: 'lti-course',
    });
    assert.equal(again.status, 400);
  });

  test('the JWKS serves the active key and keeps a rotated one for the grace period', async () => {
    const before = (await (await fetch(`${pair.tool.url}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    assert.equal(before.keys.length, 1);
    assert.equal(before.keys[0]?.d, undefined, 'no private part is published');
    const kid = await pair.tool.keys.rotate();
    const afterRotation = (await (
      await fetch(`${pair.tool.url}/.well-known/jwks.json`)
    ).json()) as { keys: { kid: string }[] };
    assert.deepEqual(
      afterRotation.keys.map((key) => key.kid).sort(),
      [kid, before.keys[0]?.kid].sort(),
    );
  });
});
