/**
 * LTI Client Side postMessages (1EdTech lti-cs-pm, with the OIDC login profile lti-cs-oidc):
 * where the LMS offers `lti_storage_target`, the tool keeps the login state in the LMS's
 * own frame through postMessage, because an iframe on another site often has no cookies.
 * At login the tool stores the state there; at launch its page reads it back and opens
 * the course only if it is the same, so a launch forged in someone else's browser stops.
 */
import { escapeHtml } from '@teach-in/course-schema/html-text';
import { page, type ToolPage } from './tool-pages.ts';

/** `_parent` or the name of a frame of the LMS page (the spec's lti_storage_target). */
export function validStorageTarget(target: string | undefined): string | null {
  return target && /^[A-Za-z0-9_-]{1,64}$/.test(target) ? target : null;
}

export const stateKey = (state: string) => `ti_state_${state}`;

/**
 * The shared script: send one message to the LMS frame, resolve with its answer (or
 * reject after 10 s (a busy phone) or on an error answer). The origin is the LMS's OIDC endpoint's.
 */
function messenger(target: string, origin: string): string {
  return `const lms = ${JSON.stringify(target)} === '_parent' ? window.parent : window.parent.frames[${JSON.stringify(target)}];
const origin = ${JSON.stringify(origin)};
function ask(subject, fields) {
  return new Promise((resolve, reject) => {
    const id = crypto.randomUUID();
    const timer = setTimeout(() => reject(new Error('no answer')), 10000);
    window.addEventListener('message', function listen(event) {
      if (event.origin !== origin || !event.data || event.data.message_id !== id) return;
      window.removeEventListener('message', listen);
      clearTimeout(timer);
      if (event.data.subject !== subject + '.response' || event.data.error) reject(new Error('refused'));
      else resolve(event.data);
    });
    if (!lms) reject(new Error('no frame'));
    else lms.postMessage(Object.assign({ subject, message_id: id }, fields), origin);
  });
}`;
}

/** Login: put the state in the LMS's storage, then go on to the LMS's OIDC endpoint. */
export function storeStatePage(
  target: string,
  origin: string,
  state: string,
  next: string,
): ToolPage {
  const script = `${messenger(target, origin)}
ask('lti.put_data', { key: ${JSON.stringify(stateKey(state))}, value: ${JSON.stringify(state)} })
  .finally(() => location.replace(${JSON.stringify(next)}));`;
  // The script's text names this login's state: allowed by the response's nonce.
  return page('Signing in…', '<p>Signing in…</p>', [script]);
}

/**
 * Launch: read the state back from the LMS's storage; only when it matches does the page
 * reveal what follows (`reveal` runs), otherwise it says why it stops.
 */
export function checkStateScript(target: string, origin: string, state: string, reveal: string) {
  return `${messenger(target, origin)}
ask('lti.get_data', { key: ${JSON.stringify(stateKey(state))} }).then(
  (answer) => {
    if (answer.value !== ${JSON.stringify(state)}) throw new Error('mismatch');
    ${reveal}
  },
).catch(() => {
  document.getElementById('ti-storage-check').textContent = 'This launch did not start in this browser. Open the activity again from your LMS.';
});`;
}

/** The launch page that opens the course once the LMS's storage confirms the state. */
export function checkThenOpenPage(
  target: string,
  origin: string,
  state: string,
  url: string,
): ToolPage {
  const script = checkStateScript(
    target,
    origin,
    state,
    `location.replace(${JSON.stringify(url)});`,
  );
  return page(
    'Opening the course…',
    `<main><p id="ti-storage-check" data-url="${escapeHtml(url)}">Opening the course…</p></main>`,
    [script],
  );
}
