import { createRemoteJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify } from 'jose';
import {
  claim,
  type DeepLinkingClaims,
  deepLinkingClaims,
  type ResourceLinkClaims,
  resourceLinkClaims,
} from './claims.ts';
import { unknownDeployment } from './oidc-login.ts';
import { Refusal } from './refusals.ts';
import type { LtiStore, Registration } from './storage/store.ts';

/** Clock skew between the LMS and the tool that is still accepted. */
const clockToleranceSeconds = 60;
/** An id_token older than this is refused even if its exp says otherwise. */
const maxTokenAgeSeconds = 10 * 60;

/** The state cookie: this state's, only others' (refused), or none (cookies blocked). */
export type BrowserState = 'matches' | 'other' | 'no-cookies';

export type VerifiedMessage = (
  | { kind: 'resource-link'; registration: Registration; claims: ResourceLinkClaims & JWTPayload }
  | { kind: 'deep-linking'; registration: Registration; claims: DeepLinkingClaims & JWTPayload }
) & {
  /** Where the login kept the state in the LMS's frame (client-side storage), if it did. */
  storageTarget: string | null;
};

/** Remote key sets, cached per URL (jose refetches on an unknown kid): a cache, not state. */
export class PlatformKeySets {
  readonly #sets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  get(url: string) {
    let set = this.#sets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), { cooldownDuration: 5_000, timeoutDuration: 5_000 });
      this.#sets.set(url, set);
    }
    return set;
  }
}

const refuse = (code: string, message: string) => new Refusal(401, code, message);

/**
 * Every check of the Security Framework §5.1.3 and LTI Core §5.3 on the id_token the LMS
 * posts: signature against the platform's JWKS, iss, aud, azp, exp/iat, nonce bound to the
 * state and used once, deployment known, message type and version, roles. Nothing is stored
 * unless every check passes; the state is consumed either way (it is single-use).
 */
export async function verifyIdToken(
  store: LtiStore,
  keySets: PlatformKeySets,
  form: { id_token?: string; state?: string; error?: string; error_description?: string },
  browser: BrowserState,
  now: number,
  /** The caller's own checks (the placement exists…), run before anything is recorded. */
  accept: (message: VerifiedMessage) => void = () => {},
): Promise<VerifiedMessage> {
  if (form.error) {
    throw new Refusal(
      400,
      'platform-error',
      `The LMS refused the login: ${form.error}${form.error_description ? ` (${form.error_description})` : ''}.`,
    );
  }
  const { id_token: token, state } = form;
  if (!token || !state)
    throw new Refusal(400, 'launch-incomplete', 'The launch lacks id_token or state.');

  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw new Refusal(400, 'malformed-token', 'The id_token is not a JWT.');
  }
  const audiences = typeof unverified.aud === 'string' ? [unverified.aud] : (unverified.aud ?? []);
  const azp = typeof unverified.azp === 'string' ? unverified.azp : undefined;
  const clientId = azp ?? (audiences.length === 1 ? audiences[0] : undefined);
  if (typeof unverified.iss !== 'string' || clientId === undefined) {
    throw refuse('unknown-platform', 'The id_token names no issuer or no single client.');
  }
  const registration = await store.registration(unverified.iss, clientId);
  if (!registration) {
    throw refuse(
      'unknown-platform',
      `This tool has no registration for issuer ${unverified.iss} and client ${clientId}.`,
    );
  }

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySets.get(registration.jwksUrl), {
      issuer: registration.issuer,
      audience: registration.clientId,
      algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'PS256'],
      requiredClaims: ['exp', 'iat', 'nonce', 'sub'],
      clockTolerance: clockToleranceSeconds,
      maxTokenAge: maxTokenAgeSeconds,
      currentDate: new Date(now),
    }));
  } catch (error) {
    throw tokenRefusal(error);
  }
  const verifiedAudiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
  // Security Framework §5.1.3 steps 4-5: several audiences need azp, and azp must be us.
  if (verifiedAudiences.length > 1 && payload.azp === undefined) {
    throw refuse('missing-azp', 'The id_token has several audiences and no azp.');
  }
  if (payload.azp !== undefined && payload.azp !== registration.clientId) {
    throw refuse('wrong-azp', 'The id_token was issued for another client (azp).');
  }
  const nonce = payload.nonce;
  if (typeof nonce !== 'string' || nonce.length === 0) throw refuse('missing-nonce', 'No nonce.');

  const messageType = payload[claim.messageType];
  if (messageType !== 'LtiResourceLinkRequest' && messageType !== 'LtiDeepLinkingRequest') {
    throw new Refusal(
      400,
      'wrong-message-type',
      `This tool takes resource-link launches and deep-linking requests, not "${String(messageType)}".`,
    );
  }
  if (payload[claim.version] !== '1.3.0') {
    throw new Refusal(
      400,
      'wrong-version',
      `This tool speaks LTI 1.3.0, not "${String(payload[claim.version])}".`,
    );
  }
  const parsed =
    messageType === 'LtiResourceLinkRequest'
      ? resourceLinkClaims.safeParse(payload)
      : deepLinkingClaims.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal(
      400,
      'bad-claims',
      `The id_token's claims are incomplete: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? ''}.`,
    );
  }
  const deploymentId = String(payload[claim.deploymentId]);
  if (!(await store.hasDeployment(registration.id, deploymentId))) {
    throw unknownDeployment(deploymentId);
  }

  const message: VerifiedMessage =
    messageType === 'LtiResourceLinkRequest'
      ? {
          kind: 'resource-link',
          registration,
          claims: parsed.data as ResourceLinkClaims & JWTPayload,
          storageTarget: null,
        }
      : {
          kind: 'deep-linking',
          registration,
          claims: parsed.data as DeepLinkingClaims & JWTPayload,
          storageTarget: null,
        };
  accept(message);

  if (await store.nonceUsed(registration.id, nonce)) {
    throw refuse('replayed-nonce', 'This launch was already used (the nonce was replayed).');
  }

  // The state the tool issued at login, bound to this nonce, used once.
  if (browser === 'other') {
    throw refuse('state-mismatch', 'The launch state does not belong to this browser.');
  }
  const login = await store.takeLoginState(state, now);
  if (!login || login.registrationId !== registration.id) {
    throw refuse(
      'unknown-state',
      'The launch state is unknown, expired or already used. Open the activity again.',
    );
  }
  if (login.nonce !== nonce) throw refuse('nonce-mismatch', 'The nonce does not match the login.');
  const expiresAt = ((payload.exp ?? 0) + clockToleranceSeconds) * 1000;
  if (!(await store.useNonce(registration.id, nonce, Math.max(expiresAt, now + 60_000)))) {
    throw refuse('replayed-nonce', 'This launch was already used (the nonce was replayed).');
  }
  return { ...message, storageTarget: login.storageTarget };
}

function tokenRefusal(error: unknown): Refusal {
  if (error instanceof errors.JWTExpired) {
    return refuse('expired-token', 'The id_token has expired. Open the activity again.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claimName = error.claim;
    if (claimName === 'aud')
      return refuse('wrong-audience', 'The id_token is not addressed to this tool (aud).');
    if (claimName === 'iss')
      return refuse('unknown-platform', 'The id_token has the wrong issuer.');
    if (claimName === 'iat')
      return refuse('expired-token', 'The id_token is too old or issued in the future.');
    return refuse('bad-claims', `The id_token's ${claimName} claim is wrong: ${error.reason}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return refuse('bad-signature', "The id_token's signature does not match the platform's keys.");
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return refuse(
      'bad-signature',
      "The id_token was signed with a key the platform's JWKS does not list.",
    );
  }
  if (error instanceof errors.JOSEError) {
    return refuse('bad-token', `The id_token could not be verified (${error.code}).`);
  }
  throw error;
}
