import { randomBytes } from 'node:crypto';
import { validStorageTarget } from './platform-storage.ts';
import { Refusal } from './refusals.ts';
import type { LtiStore } from './storage/store.ts';

/** A login state lives long enough for the LMS round trip, no longer. */
export const loginStateLifetimeMs = 10 * 60 * 1000;
/** Prefix of the per-state cookie: `ti_lti_state_<state>`. */
export const stateCookie = 'ti_lti_state_';

export interface LoginRequest {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
  lti_storage_target?: string;
}

/**
 * Third-party-initiated login (LTI Core 1.3 §5.1.1, Security Framework §5.1.1): the LMS
 * names itself; the tool answers with an OIDC authentication request carrying a fresh
 * state and nonce, both kept in the database so any tool process can take the launch.
 */
export async function startLogin(
  store: LtiStore,
  request: LoginRequest,
  launchUrl: string,
  toolOrigin: string,
  now: number,
): Promise<{ redirect: string; state: string; storage?: { target: string; origin: string } }> {
  const { iss, login_hint: loginHint, target_link_uri: target } = request;
  if (!iss || !loginHint || !target) {
    throw new Refusal(
      400,
      'login-incomplete',
      'The login request lacks iss, login_hint or target_link_uri.',
    );
  }
  const registration = await store.registration(iss, request.client_id);
  if (!registration) {
    throw new Refusal(
      400,
      'unknown-platform',
      `This tool has no registration for the platform ${iss}${request.client_id ? ` with client ${request.client_id}` : ''}.`,
    );
  }
  // The launch may only land on this tool: never redirect to another site afterwards.
  if (!sameOrigin(target, toolOrigin)) {
    throw new Refusal(400, 'foreign-target', 'The target_link_uri is not an address of this tool.');
  }
  if (request.lti_deployment_id) {
    const known = await store.hasDeployment(registration.id, request.lti_deployment_id);
    if (!known) throw unknownDeployment(request.lti_deployment_id);
  }
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  const storageTarget = validStorageTarget(request.lti_storage_target);
  await store.saveLoginState(
    state,
    nonce,
    registration.id,
    storageTarget,
    now + loginStateLifetimeMs,
  );
  const auth = new URL(registration.authLoginUrl);
  const params: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: registration.clientId,
    redirect_uri: launchUrl,
    login_hint: loginHint,
    state,
    nonce,
    ...(request.lti_message_hint ? { lti_message_hint: request.lti_message_hint } : {}),
  };
  for (const [name, value] of Object.entries(params)) auth.searchParams.set(name, value);
  return {
    redirect: auth.href,
    state,
    ...(storageTarget ? { storage: { target: storageTarget, origin: auth.origin } } : {}),
  };
}

export function unknownDeployment(deploymentId: string): Refusal {
  return new Refusal(
    403,
    'unknown-deployment',
    `The deployment ${deploymentId} is not registered with this tool. Ask the tool's administrator to add it.`,
  );
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
