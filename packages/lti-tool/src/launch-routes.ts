import { createHash, randomBytes } from 'node:crypto';
import {
  type Context,
  clearCrossSiteCookie,
  cookiesOf,
  readForm,
  setCrossSiteCookie,
} from '@teach-in/http-kit';
import { agsScope, claim, isFacilitator } from './claims.ts';
import { bodyLimits, paths, type ToolContext } from './context.ts';
import { deepLinkPicker } from './deep-linking.ts';
import { type LoginRequest, loginStateLifetimeMs, startLogin, stateCookie } from './oidc-login.ts';
import { checkThenOpenPage, storeStatePage } from './platform-storage.ts';
import { Refusal } from './refusals.ts';
import { sendPage } from './tool-pages.ts';
import { type BrowserState, verifyIdToken } from './verify-id-token.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

async function formOrQuery(c: Context): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (c.req.method === 'POST') {
    const form = await readForm(c, bodyLimits.form);
    // A field sent twice is ambiguous: neither value is taken.
    for (const [name, value] of form) if (form.getAll(name).length === 1) fields[name] = value;
  } else {
    for (const [name, value] of Object.entries(c.req.query())) fields[name] = value;
  }
  return fields;
}

/** `GET|POST /lti/login`: the LMS starts the OIDC flow. */
export async function login(context: ToolContext, c: Context) {
  const request = (await formOrQuery(c)) as LoginRequest;
  const { redirect, state, storage } = await startLogin(
    context.store,
    request,
    `${context.baseUrl}${paths.launch}`,
    new URL(context.baseUrl).origin,
    context.now(),
  );
  // Binds the state to this browser where cookies work; where an iframe blocks them the
  // single-use state and nonce in the database still stop a replay.
  setCrossSiteCookie(c, `${stateCookie}${state}`, '1', {
    path: '/lti',
    maxAgeSeconds: loginStateLifetimeMs / 1000,
  });
  if (storage) return sendPage(c, storeStatePage(storage.target, storage.origin, state, redirect));
  return c.redirect(redirect, 302);
}

/**
 * Whether this browser holds the state's cookie. One cookie per state, so two launches in
 * two tabs do not overwrite each other's; none at all means the browser blocked them.
 */
function browserState(cookies: Record<string, string>, state: string | undefined): BrowserState {
  const names = Object.keys(cookies).filter((name) => name.startsWith(stateCookie));
  if (names.length === 0) return 'no-cookies';
  return state !== undefined && names.includes(`${stateCookie}${state}`) ? 'matches' : 'other';
}

/** The placement a launch opens: the custom parameter Deep Linking set, or `?target=`. */
function targetOf(custom: Record<string, unknown> | undefined, targetLinkUri: string | undefined) {
  const fromCustom = custom?.target;
  if (typeof fromCustom === 'string' && fromCustom.length > 0) return fromCustom;
  if (!targetLinkUri) return undefined;
  return new URL(targetLinkUri).searchParams.get('target') ?? undefined;
}

/** `POST /lti/launch`: the id_token arrives; every check, then the course. */
export async function launch(context: ToolContext, c: Context) {
  const form = await formOrQuery(c);
  const now = context.now();
  let target: string | undefined;
  const message = await verifyIdToken(
    context.store,
    context.keySets,
    form,
    browserState(cookiesOf(c), form.state),
    now,
    (verified) => {
      // Only those who build the course place activities (Deep Linking §4.4 leaves it to us).
      if (verified.kind === 'deep-linking' && !isFacilitator(verified.claims[claim.roles])) {
        throw new Refusal(403, 'not-instructor', 'Only instructors can add Teach-in activities.');
      }
      if (verified.kind !== 'resource-link') return;
      const targetLinkUri = verified.claims[claim.targetLinkUri];
      if (new URL(targetLinkUri).origin !== new URL(context.baseUrl).origin) {
        throw new Refusal(
          400,
          'foreign-target',
          'The launch is addressed to another tool (target_link_uri).',
        );
      }
      target = targetOf(verified.claims[claim.custom], verified.claims[claim.targetLinkUri]);
      if (!target || !context.courses.has(target)) {
        throw new Refusal(
          404,
          'unknown-placement',
          target
            ? `This tool serves no course or module "${target}". Place the activity again.`
            : 'The link names no course or module. Add the activity through the tool (Deep Linking).',
        );
      }
    },
  );
  clearCrossSiteCookie(c, `${stateCookie}${form.state}`, { path: '/lti' });
  if (message.kind === 'deep-linking') return deepLinkPicker(context, c, message, form.state ?? '');
  const claims = message.claims;
  const ags = claims[claim.ags];
  const token = randomBytes(32).toString('base64url');
  const roles = claims[claim.roles];
  await context.store.saveLaunch(
    hashToken(token),
    {
      registrationId: message.registration.id,
      deploymentId: claims[claim.deploymentId],
      userSub: claims.sub,
      contextId: claims[claim.context]?.id ?? '',
      resourceLinkId: claims[claim.resourceLink].id,
      target: target ?? '',
      roles,
      lineitemUrl: ags?.lineitem ?? null,
      lineitemsUrl: ags?.lineitems ?? null,
      agsScopes: (ags?.scope ?? []).filter((scope) =>
        Object.values(agsScope).includes(scope as never),
      ),
      membershipsUrl: claims[claim.nrps]?.context_memberships_url ?? null,
      expiresAt: now + context.launchLifetimeMs,
    },
    now,
  );
  const home = `${paths.play}${token}/`;
  const next = isFacilitator(roles) ? `${home}facilitator` : home;
  if (message.storageTarget) {
    const origin = new URL(message.registration.authLoginUrl).origin;
    return sendPage(c, checkThenOpenPage(message.storageTarget, origin, form.state ?? '', next));
  }
  return c.redirect(next, 303);
}
