import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context } from '@teach-in/http-kit';
import { z } from 'zod';
import { agsScope, nrpsScope } from './claims.ts';
import { paths, type ToolContext } from './context.ts';
import { Refusal } from './refusals.ts';
import type { Registration } from './storage/store.ts';
import { fixedCode, page, sendPage } from './tool-pages.ts';

export interface ManualRegistration {
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
}

export const manualRegistration = z.strictObject({
  issuer: z.string().url(),
  clientId: z.string().min(1),
  authLoginUrl: z.string().url(),
  tokenUrl: z.string().url(),
  jwksUrl: z.string().url(),
  deploymentIds: z.array(z.string().min(1)).min(1),
});

/** Manual registration: what the LMS's admin page shows, typed into a JSON file. */
export async function registerPlatform(
  context: Pick<ToolContext, 'store' | 'now'>,
  input: ManualRegistration,
): Promise<Registration> {
  const saved = await context.store.saveRegistration({ id: randomUUID(), ...input }, context.now());
  for (const deploymentId of input.deploymentIds)
    await context.store.addDeployment(saved.id, deploymentId);
  return saved;
}

const scopes = [agsScope.lineItem, agsScope.score, nrpsScope];

/** What the LMS needs to know about the tool, in Dynamic Registration 1.0 §3.1 terms. */
function toolConfiguration(baseUrl: string) {
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${baseUrl}${paths.login}`,
    redirect_uris: [`${baseUrl}${paths.launch}`],
    client_name: 'Teach-in',
    jwks_uri: `${baseUrl}${paths.jwks}`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: scopes.join(' '),
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(baseUrl).host,
      target_link_uri: `${baseUrl}${paths.launch}`,
      claims: ['iss', 'sub'],
      messages: [{ type: 'LtiDeepLinkingRequest', target_link_uri: `${baseUrl}${paths.launch}` }],
    },
  };
}

const platformConfiguration = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  registration_endpoint: z.string().url(),
});

/** Dynamic Registration §3.6: the tool tells the LMS's window or frame it is done. */
const closeRegistration = fixedCode(
  "(window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*')",
);

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Dynamic Registration 1.0: the admin pastes `<tool>/lti/register?key=…` into the LMS; the
 * LMS opens it with its openid_configuration; the tool registers itself and closes the window.
 */
export async function dynamicRegistration(
  context: ToolContext,
  c: Context,
  registrationKey: string,
) {
  if (!sameKey(c.req.query('key') ?? '', registrationKey)) {
    throw new Refusal(
      403,
      'registration-key',
      'This registration address is not valid. Copy it again from the tool.',
    );
  }
  const configUrl = c.req.query('openid_configuration');
  if (!configUrl)
    throw new Refusal(400, 'no-openid-configuration', 'The LMS sent no openid_configuration.');
  const token = c.req.query('registration_token');
  const configResponse = await context.fetch(configUrl, {
    headers: { accept: 'application/json' },
  });
  const parsed = platformConfiguration.safeParse(
    configResponse.ok ? await configResponse.json() : {},
  );
  // §3.5.1: the issuer must share the configuration URL's origin.
  if (!parsed.success || new URL(parsed.data.issuer).origin !== new URL(configUrl).origin) {
    throw new Refusal(
      400,
      'bad-openid-configuration',
      "The LMS's configuration could not be read.",
    );
  }
  const platform = parsed.data;
  const registered = await context.fetch(platform.registration_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(toolConfiguration(context.baseUrl)),
  });
  const answer = (registered.ok ? await registered.json() : {}) as {
    client_id?: unknown;
    'https://purl.imsglobal.org/spec/lti-tool-configuration'?: { deployment_id?: unknown };
  };
  const deploymentId =
    answer['https://purl.imsglobal.org/spec/lti-tool-configuration']?.deployment_id;
  if (typeof answer.client_id !== 'string' || typeof deploymentId !== 'string') {
    throw new Refusal(
      400,
      'registration-refused',
      `The LMS refused the registration (${registered.status}).`,
    );
  }
  await registerPlatform(context, {
    issuer: platform.issuer,
    clientId: answer.client_id,
    authLoginUrl: platform.authorization_endpoint,
    tokenUrl: platform.token_endpoint,
    jwksUrl: platform.jwks_uri,
    deploymentIds: [deploymentId],
  });
  return sendPage(
    c,
    page(
      'Teach-in is registered',
      '<main><h1>Teach-in is registered</h1><p id="ti-registered">The LMS can now add Teach-in activities.</p></main>',
      [closeRegistration],
    ),
  );
}

/** Canvas's developer key JSON (Canvas LTI 1.3 "Paste JSON" configuration). */
export function canvasConfiguration(baseUrl: string) {
  return {
    title: 'Teach-in',
    description: 'Union courses from Teach-in, with grades back to the gradebook.',
    oidc_initiation_url: `${baseUrl}${paths.login}`,
    target_link_uri: `${baseUrl}${paths.launch}`,
    public_jwk_url: `${baseUrl}${paths.jwks}`,
    scopes,
    extensions: [
      {
        platform: 'canvas.instructure.com',
        privacy_level: 'anonymous',
        settings: {
          placements: [
            {
              placement: 'assignment_selection',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: `${baseUrl}${paths.launch}`,
            },
            {
              placement: 'link_selection',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: `${baseUrl}${paths.launch}`,
            },
          ],
        },
      },
    ],
    custom_fields: {},
  };
}
