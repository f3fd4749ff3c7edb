/**
 * A small LTI 1.3 platform for tests, written from the specs (LTI Core 1.3, Security
 * Framework 1.0, Deep Linking 2.0, AGS 2.0, NRPS 2.0, Dynamic Registration 1.0): its own
 * keys and JWKS, the OIDC authentication endpoint, the token endpoint (client_credentials
 * with a JWT client assertion checked against the tool's JWKS), line items and scores (the
 * gradebook), memberships, and the Dynamic Registration initiation. It checks what a strict
 * platform checks, so the tool cannot pass by being lenient.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Hono, listen } from '@teach-in/http-kit';
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

export const roles = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
} as const;

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';

/** What one launch should carry; the test's switches make it wrong on purpose. */
export interface LaunchMessage {
  user: string;
  role?: keyof typeof roles;
  messageType?: string;
  resourceLinkId?: string;
  /** The custom target, unless the resource link came from Deep Linking. */
  target?: string;
  deploymentId?: string;
  /** Claims to replace or add after everything else (`undefined` removes one). */
  claims?: Record<string, unknown>;
  /** Sign with a key the platform's JWKS does not list. */
  rogueKey?: boolean;
  /** Offer the LTI client-side storage: the frame name sent as lti_storage_target. */
  storageTarget?: string;
  /** The LMS page acknowledges stored values but keeps none (a storage that lost them). */
  storageForgets?: boolean;
  /** Seconds from now; negative makes an expired token. */
  expiresIn?: number;
  issuedAt?: number;
}

export interface GradebookScore {
  lineItemId: string;
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  activityProgress: string;
  gradingProgress: string;
  timestamp: string;
}

interface LineItem {
  id: string;
  label: string;
  scoreMaximum: number;
  resourceLinkId?: string;
  resourceId?: string;
  tag?: string;
}

interface ToolRegistration {
  clientId: string;
  deploymentId: string;
  loginUrl: string;
  redirectUris: string[];
  jwksUrl: string;
}

interface ResourceLink {
  id: string;
  title: string;
  custom: Record<string, string>;
  lineItemId?: string;
}

export interface TestPlatform {
  issuer: string;
  contextId: string;
  tool: ToolRegistration | undefined;
  /** Registers the tool by hand (what an admin types into the LMS). */
  registerTool(tool: { loginUrl: string; launchUrl: string; jwksUrl: string }): ToolRegistration;
  /** What the tool's admin types in for this platform (manual registration). */
  manualRegistration(): {
    issuer: string;
    clientId: string;
    authLoginUrl: string;
    tokenUrl: string;
    jwksUrl: string;
    deploymentIds: string[];
  };
  /** Dynamic Registration: the URL the LMS opens (the tool's registration URL + our params). */
  dynamicRegistrationUrl(toolRegistrationUrl: string): string;
  /** The third-party-initiated login the LMS sends the browser to. */
  loginUrl(message: LaunchMessage): string;
  /** An LMS course page showing the activity in an iframe, as Moodle or Canvas do. */
  coursePageUrl(message: LaunchMessage): string;
  resourceLinks: Map<string, ResourceLink>;
  lineItems: Map<string, LineItem>;
  scores: GradebookScore[];
  /** Answers the score endpoint with this status instead of accepting (null accepts). */
  refuseScoresWith: number | null;
  /** How many score posts were refused (refuseScoresWith). */
  refusedScores: number;
  deepLinkResults: { ok: boolean; error?: string; items?: unknown[] }[];
  /** A deep-linking response posted to the platform: checked like a strict LMS does. */
  close(): Promise<void>;
}

export async function startTestPlatform(
  options: {
    members?: { user: string; role: keyof typeof roles }[];
    /** `localhost` puts the LMS on another site than a tool on 127.0.0.1 (third-party iframe). */
    hostname?: '127.0.0.1' | 'localhost';
  } = {},
): Promise<TestPlatform> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const pendingMessages = new Map<string, LaunchMessage>();
  const accessTokens = new Map<string, string[]>();
  const usedAssertionIds = new Set<string>();
  const registrationTokens = new Set<string>();
  const pagesToShow = new Map<string, LaunchMessage>();
  const contextId = 'class-7';
  const app = new Hono();
  let issuer = '';
  let toolKeys: ReturnType<typeof createRemoteJWKSet> | undefined;

  const platform: TestPlatform = {
    issuer: '',
    contextId,
    tool: undefined,
    resourceLinks: new Map(),
    lineItems: new Map(),
    scores: [],
    refuseScoresWith: null,
    refusedScores: 0,
    deepLinkResults: [],
    registerTool(tool) {
      platform.tool = {
        clientId: `client-${randomBytes(4).toString('hex')}`,
        deploymentId: 'deployment-1',
        loginUrl: tool.loginUrl,
        redirectUris: [tool.launchUrl],
        jwksUrl: tool.jwksUrl,
      };
      toolKeys = createRemoteJWKSet(new URL(tool.jwksUrl));
      return platform.tool;
    },
    manualRegistration() {
      const tool = requireTool();
      return {
        issuer,
        clientId: tool.clientId,
        authLoginUrl: `${issuer}/auth`,
        tokenUrl: `${issuer}/token`,
        jwksUrl: `${issuer}/jwks`,
        deploymentIds: [tool.deploymentId],
      };
    },
    dynamicRegistrationUrl(toolRegistrationUrl) {
      const token = randomBytes(16).toString('base64url');
      registrationTokens.add(token);
      const url = new URL(toolRegistrationUrl);
      url.searchParams.set('openid_configuration', `${issuer}/.well-known/openid-configuration`);
      url.searchParams.set('registration_token', token);
      return url.href;
    },
    loginUrl(message) {
      const tool = requireTool();
      const hint = randomBytes(12).toString('base64url');
      pendingMessages.set(hint, message);
      const url = new URL(tool.loginUrl);
      url.searchParams.set('iss', issuer);
      url.searchParams.set('login_hint', message.user);
      url.searchParams.set('target_link_uri', tool.redirectUris[0] ?? '');
      url.searchParams.set('lti_message_hint', hint);
      url.searchParams.set('client_id', tool.clientId);
      if (message.storageTarget) url.searchParams.set('lti_storage_target', message.storageTarget);
      return url.href;
    },
    coursePageUrl(message) {
      const hint = randomBytes(12).toString('base64url');
      pagesToShow.set(hint, message);
      return `${issuer}/lms/course/${hint}`;
    },
    close: async () => {},
  };

  function requireTool(): ToolRegistration {
    if (!platform.tool) throw new Error('Register the tool first.');
    return platform.tool;
  }

  async function idToken(message: LaunchMessage, nonce: string): Promise<string> {
    const tool = requireTool();
    const now = message.issuedAt ?? Math.floor(Date.now() / 1000);
    const messageType = message.messageType ?? 'LtiResourceLinkRequest';
    const linkId = message.resourceLinkId ?? 'link-1';
    const link = platform.resourceLinks.get(linkId);
    const custom = link?.custom ?? (message.target ? { target: message.target } : {});
    const claims: Record<string, unknown> = {
      nonce,
      sub: message.user,
      [`${lti}message_type`]: messageType,
      [`${lti}version`]: '1.3.0',
      [`${lti}deployment_id`]: message.deploymentId ?? tool.deploymentId,
      [`${lti}target_link_uri`]: tool.redirectUris[0],
      [`${lti}roles`]: [roles[message.role ?? 'learner']],
      [`${lti}context`]: { id: contextId, title: 'Union reps, autumn class' },
      [`${lti}custom`]: custom,
      'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
        context_memberships_url: `${issuer}/contexts/${contextId}/memberships`,
        service_versions: ['2.0'],
      },
    };
    if (messageType === 'LtiDeepLinkingRequest') {
      claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] = {
        deep_link_return_url: `${issuer}/deep-link-return`,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        accept_multiple: false,
        data: 'opaque-platform-data',
      };
    } else {
      claims[`${lti}resource_link`] = { id: linkId, title: link?.title ?? 'Activity' };
      claims['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'] = {
        scope: [
          'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
          'https://purl.imsglobal.org/spec/lti-ags/scope/score',
        ],
        lineitems: `${issuer}/contexts/${contextId}/lineitems`,
        ...(link?.lineItemId
          ? { lineitem: `${issuer}/contexts/${contextId}/lineitems/${link.lineItemId}` }
          : {}),
      };
    }
    for (const [name, value] of Object.entries(message.claims ?? {})) {
      if (value === undefined) delete claims[name];
      else claims[name] = value;
    }
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + (message.expiresIn ?? 300));
    if (!('iss' in (message.claims ?? {}))) jwt.setIssuer(issuer);
    if (!('aud' in (message.claims ?? {}))) jwt.setAudience(tool.clientId);
    return jwt.sign(message.rogueKey ? rogue.privateKey : privateKey);
  }

  function autoPost(action: string, fields: Record<string, string>): string {
    const inputs = Object.entries(fields)
      .map(
        ([name, value]) =>
          `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`,
      )
      .join('');
    return `<!doctype html><html><body><form id="platform-post" method="post" action="${action}">${inputs}</form><script>document.getElementById('platform-post').submit()</script></body></html>`;
  }

  app.get('/jwks', (c) => c.json({ keys: [publicJwk] }));

  app.get('/lms/course/:hint', (c) => {
    const message = pagesToShow.get(c.req.param('hint'));
    if (!message) return c.text('no such page', 404);
    const src = platform.loginUrl(message).replace(/&/g, '&amp;');
    // The platform side of LTI Client Side postMessages: put_data and get_data, the values
    // kept per origin of the frame that sent them, for as long as this page lives.
    const storage = `<script>
const kept = new Map();
const forgets = ${message.storageForgets === true};
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data.subject !== 'string' || !event.source) return;
  const key = event.origin + ' ' + data.key;
  const reply = (fields) => event.source.postMessage({ message_id: data.message_id, ...fields }, event.origin);
  if (data.subject === 'lti.capabilities') {
    reply({ subject: 'lti.capabilities.response', supported_messages: [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }] });
  } else if (data.subject === 'lti.put_data') {
    if (!forgets) kept.set(key, data.value);
    reply({ subject: 'lti.put_data.response', key: data.key, value: data.value });
  } else if (data.subject === 'lti.get_data') {
    reply({ subject: 'lti.get_data.response', key: data.key, value: kept.get(key) });
  }
});
</script>`;
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS course page</title>${storage}</head><body><h1>Union reps, autumn class</h1><iframe title="Teach-in activity" src="${src}" style="width:100%;height:80vh;border:0"></iframe></body></html>`,
    );
  });

  // OIDC authentication endpoint (Security Framework §5.1.1.2-3).
  app.get('/auth', async (c) => {
    const q = c.req.query();
    const tool = requireTool();
    const problems = [
      q.scope !== 'openid' && 'scope',
      q.response_type !== 'id_token' && 'response_type',
      q.response_mode !== 'form_post' && 'response_mode',
      q.prompt !== 'none' && 'prompt',
      q.client_id !== tool.clientId && 'client_id',
      !tool.redirectUris.includes(q.redirect_uri ?? '') && 'redirect_uri',
      !q.nonce && 'nonce',
    ].filter(Boolean);
    const message = pendingMessages.get(q.lti_message_hint ?? '');
    if (problems.length > 0 || !message || message.user !== q.login_hint) {
      return c.text(`invalid_request: ${problems.join(', ') || 'login_hint'}`, 400);
    }
    const token = await idToken(message, q.nonce ?? '');
    return c.html(
      autoPost(q.redirect_uri ?? '', { id_token: token, ...(q.state ? { state: q.state } : {}) }),
    );
  });

  // Token endpoint: client_credentials with a JWT client assertion (Security Framework §4.1).
  app.post('/token', async (c) => {
    const body = await c.req.parseBody();
    const tool = requireTool();
    if (
      body.grant_type !== 'client_credentials' ||
      body.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
      typeof body.client_assertion !== 'string' ||
      !toolKeys
    ) {
      return c.json({ error: 'invalid_request' }, 400);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(body.client_assertion, toolKeys, {
        issuer: tool.clientId,
        subject: tool.clientId,
        audience: `${issuer}/token`,
        requiredClaims: ['jti', 'exp', 'iat'],
      }));
    } catch {
      return c.json({ error: 'invalid_client' }, 401);
    }
    if (usedAssertionIds.has(payload.jti ?? '')) return c.json({ error: 'invalid_grant' }, 400);
    usedAssertionIds.add(payload.jti ?? '');
    const scopes = String(body.scope ?? '')
      .split(' ')
      .filter(Boolean);
    const token = randomBytes(24).toString('base64url');
    accessTokens.set(token, scopes);
    return c.json({
      access_token: token,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: scopes.join(' '),
    });
  });

  function allowed(authorization: string | undefined, scope: string): boolean {
    const token = authorization?.replace(/^Bearer /, '') ?? '';
    return accessTokens.get(token)?.includes(scope) ?? false;
  }
  const agsScope = 'https://purl.imsglobal.org/spec/lti-ags/scope/';
  const lineItemUrl = (id: string) => `${issuer}/contexts/${contextId}/lineitems/${id}`;
  const lineItemJson = (item: LineItem) => ({ ...item, id: lineItemUrl(item.id) });

  app.get(`/contexts/${contextId}/lineitems`, (c) => {
    if (!allowed(c.req.header('authorization'), `${agsScope}lineitem`)) return c.body(null, 401);
    const { resource_link_id: link, tag } = c.req.query();
    const items = [...platform.lineItems.values()].filter(
      (item) => (!link || item.resourceLinkId === link) && (!tag || item.tag === tag),
    );
    c.header('content-type', 'application/vnd.ims.lis.v2.lineitemcontainer+json');
    return c.body(JSON.stringify(items.map(lineItemJson)));
  });
  app.post(`/contexts/${contextId}/lineitems`, async (c) => {
    if (!allowed(c.req.header('authorization'), `${agsScope}lineitem`)) return c.body(null, 401);
    if (c.req.header('content-type') !== 'application/vnd.ims.lis.v2.lineitem+json')
      return c.body(null, 415);
    const body = (await c.req.json()) as Omit<LineItem, 'id'>;
    if (typeof body.label !== 'string' || !(body.scoreMaximum > 0)) return c.body(null, 400);
    const item = { ...body, id: String(platform.lineItems.size + 1) };
    platform.lineItems.set(item.id, item);
    return c.json(lineItemJson(item), 201);
  });
  app.post(`/contexts/${contextId}/lineitems/:id/scores`, async (c) => {
    if (!allowed(c.req.header('authorization'), `${agsScope}score`)) return c.body(null, 401);
    if (c.req.header('content-type') !== 'application/vnd.ims.lis.v1.score+json')
      return c.body(null, 415);
    const id = c.req.param('id');
    if (!platform.lineItems.has(id)) return c.body(null, 404);
    if (platform.refuseScoresWith !== null) {
      platform.refusedScores += 1;
      return c.body(null, platform.refuseScoresWith as 503);
    }
    const score = (await c.req.json()) as Omit<GradebookScore, 'lineItemId'>;
    // AGS §3.4.1: userId, activityProgress, gradingProgress and timestamp are required.
    if (!score.userId || !score.activityProgress || !score.gradingProgress || !score.timestamp) {
      return c.body(null, 400);
    }
    platform.scores.push({ lineItemId: id, ...score });
    return c.body(null, 204);
  });

  app.get(`/contexts/${contextId}/memberships`, (c) => {
    const scope = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
    if (!allowed(c.req.header('authorization'), scope)) return c.body(null, 401);
    const role = c.req.query('role');
    const members = (options.members ?? [])
      .map((member) => ({
        user_id: member.user,
        status: 'Active',
        roles: [roles[member.role] as string],
        name: `Name of ${member.user}`,
      }))
      .filter((member) => !role || member.roles.includes(role));
    c.header('content-type', 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json');
    return c.body(JSON.stringify({ id: c.req.url, context: { id: contextId }, members }));
  });

  // Deep Linking 2.0 §4.5: the response JWT, checked against the tool's keys.
  app.post('/deep-link-return', async (c) => {
    const body = await c.req.parseBody();
    const tool = requireTool();
    try {
      if (typeof body.JWT !== 'string' || !toolKeys) throw new Error('no JWT');
      const { payload } = await jwtVerify(body.JWT, toolKeys, {
        issuer: tool.clientId,
        audience: issuer,
      });
      if (payload[`${lti}message_type`] !== 'LtiDeepLinkingResponse')
        throw new Error('message type');
      if (payload[`${lti}version`] !== '1.3.0') throw new Error('version');
      if (payload[`${lti}deployment_id`] !== tool.deploymentId) throw new Error('deployment');
      if (typeof payload.nonce !== 'string') throw new Error('nonce');
      if (payload['https://purl.imsglobal.org/spec/lti-dl/claim/data'] !== 'opaque-platform-data')
        throw new Error('data');
      const items = payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as {
        type: string;
        title: string;
        custom?: Record<string, string>;
        lineItem?: { scoreMaximum: number; label: string; resourceId?: string; tag?: string };
      }[];
      for (const item of items) {
        const linkId = `link-${platform.resourceLinks.size + 1}`;
        let lineItemId: string | undefined;
        if (item.lineItem) {
          lineItemId = String(platform.lineItems.size + 1);
          platform.lineItems.set(lineItemId, {
            ...item.lineItem,
            id: lineItemId,
            resourceLinkId: linkId,
          });
        }
        platform.resourceLinks.set(linkId, {
          id: linkId,
          title: item.title,
          custom: item.custom ?? {},
          lineItemId,
        });
      }
      platform.deepLinkResults.push({ ok: true, items });
      return c.html(`<p id="platform-deep-linked">Added ${items.length} item(s).</p>`);
    } catch (error) {
      platform.deepLinkResults.push({ ok: false, error: (error as Error).message });
      return c.html(
        `<p id="platform-deep-link-refused">Refused: ${(error as Error).message}</p>`,
        400,
      );
    }
  });

  // Dynamic Registration 1.0 §3.4 (configuration) and §3.5 (registration).
  app.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      registration_endpoint: `${issuer}/register`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      scopes_supported: ['openid'],
      response_types_supported: ['id_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: 'teach-in-test-platform',
        version: '1.0',
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
      },
    }),
  );
  app.post('/register', async (c) => {
    const token = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
    if (!registrationTokens.delete(token)) return c.json({ error: 'invalid_token' }, 401);
    const body = (await c.req.json()) as {
      initiate_login_uri?: string;
      redirect_uris?: string[];
      jwks_uri?: string;
      'https://purl.imsglobal.org/spec/lti-tool-configuration'?: unknown;
    };
    if (!body.initiate_login_uri || !body.redirect_uris?.[0] || !body.jwks_uri) {
      return c.json({ error: 'invalid_client_metadata' }, 400);
    }
    const tool = platform.registerTool({
      loginUrl: body.initiate_login_uri,
      launchUrl: body.redirect_uris[0],
      jwksUrl: body.jwks_uri,
    });
    return c.json({
      ...body,
      client_id: tool.clientId,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': {
        ...(body['https://purl.imsglobal.org/spec/lti-tool-configuration'] as object),
        deployment_id: tool.deploymentId,
      },
    });
  });

  const hostname = options.hostname ?? '127.0.0.1';
  // localhost may resolve to ::1 or 127.0.0.1: listen on both.
  const server = await listen(app, { hostname: hostname === 'localhost' ? '::' : hostname });
  issuer = `http://${hostname}:${server.port}`;
  platform.issuer = issuer;
  platform.close = () => server.close();
  return platform;
}
