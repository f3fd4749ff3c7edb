import { createHash, randomBytes } from 'node:crypto';
import { escapeHtml } from '@teach-in/course-schema/html-text';
import { type Context, readForm } from '@teach-in/http-kit';
import { claim } from './claims.ts';
import { bodyLimits, paths, type ToolContext } from './context.ts';
import { checkStateScript } from './platform-storage.ts';
import { Refusal } from './refusals.ts';
import { autoPostPage, page, sendPage } from './tool-pages.ts';
import type { VerifiedMessage } from './verify-id-token.ts';

const requestLifetimeMs = 30 * 60 * 1000;
const hash = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Deep Linking 2.0 §4: the educator picks a course or one module to place. */
export async function deepLinkPicker(
  context: ToolContext,
  c: Context,
  message: Extract<VerifiedMessage, { kind: 'deep-linking' }>,
  state: string,
) {
  const settings = message.claims[claim.deepLinkingSettings];
  if (!settings.accept_types.includes('ltiResourceLink')) {
    throw new Refusal(400, 'no-resource-links', 'The LMS does not accept links to resources here.');
  }
  const id = randomBytes(24).toString('base64url');
  await context.store.saveDeepLinkRequest(
    hash(id),
    {
      registrationId: message.registration.id,
      deploymentId: message.claims[claim.deploymentId],
      returnUrl: settings.deep_link_return_url,
      data: settings.data ?? null,
    },
    context.now() + requestLifetimeMs,
  );
  const choices = context.courses
    .placeable()
    .map(
      (item, index) =>
        `<li><label><input type="radio" name="target" value="${escapeHtml(item.target)}"${index === 0 ? ' checked' : ''}> ${item.kind === 'module' ? '&nbsp;&nbsp;Module: ' : 'Whole course: '}${escapeHtml(item.title)}</label></li>`,
    )
    .join('');
  // With the LMS's client-side storage, the picker shows only once the state checks out.
  const checkScript = message.storageTarget
    ? checkStateScript(
        message.storageTarget,
        new URL(message.registration.authLoginUrl).origin,
        state,
        "document.getElementById('ti-picker').hidden = false; document.getElementById('ti-storage-check').remove();",
      )
    : undefined;
  const check = checkScript ? '<p id="ti-storage-check">Checking…</p>' : '';
  return sendPage(
    c,
    page(
      'Add a Teach-in activity',
      `<main><h1>Add a Teach-in activity</h1>${check}<form id="ti-picker"${check ? ' hidden' : ''} method="post" action="${paths.deepLink}"><input type="hidden" name="request" value="${id}"><fieldset><legend>Pick a whole course or one module</legend><ul class="ti-choices">${choices}</ul></fieldset><button>Add to the course</button></form></main>`,
      checkScript ? [checkScript] : [],
    ),
  );
}

/** `POST /lti/deep-link`: the signed LtiDeepLinkingResponse, posted back to the LMS. */
export async function deepLinkRespond(context: ToolContext, c: Context) {
  const form = await readForm(c, bodyLimits.form);
  const id = form.get('request') ?? '';
  const target = form.get('target') ?? '';
  const request = await context.store.takeDeepLinkRequest(hash(id), context.now());
  if (!request) {
    throw new Refusal(
      400,
      'unknown-request',
      'This choice expired or was already sent. Start again from the LMS.',
    );
  }
  const registration = await context.store.registrationById(request.registrationId);
  const item = context.courses.placeable().find((candidate) => candidate.target === target);
  if (!registration || !item)
    throw new Refusal(400, 'unknown-placement', 'Pick one of the courses.');
  const jwt = await context.keys.sign(
    {
      iss: registration.clientId,
      aud: registration.issuer,
      nonce: randomBytes(16).toString('base64url'),
      [claim.deploymentId]: request.deploymentId,
      [claim.messageType]: 'LtiDeepLinkingResponse',
      [claim.version]: '1.3.0',
      [claim.contentItems]: [
        {
          type: 'ltiResourceLink',
          title: item.title,
          url: `${context.baseUrl}${paths.launch}`,
          custom: { target: item.target },
          lineItem: {
            scoreMaximum: 100,
            label: item.title,
            resourceId: item.target,
            tag: item.target,
          },
        },
      ],
      ...(request.data ? { [claim.data]: request.data } : {}),
    },
    300,
  );
  return sendPage(c, autoPostPage(request.returnUrl, { JWT: jwt }));
}
