import type { LaunchMessage, TestPlatform } from './platform.ts';

/** The hidden fields of an auto-posting form, and where it posts. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}

export const postForm = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

/**
 * What a browser does on a launch, without one: the login redirect, the platform's
 * auto-posting form, and the launch POST. Returns the launch response (unfollowed).
 */
export async function launchWithoutBrowser(platform: TestPlatform, message: LaunchMessage) {
  const login = await fetch(platform.loginUrl(message), { redirect: 'manual' });
  if (login.status !== 302)
    throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const auth = await fetch(login.headers.get('location') ?? '', { redirect: 'manual' });
  if (auth.status !== 200) throw new Error(`auth answered ${auth.status}: ${await auth.text()}`);
  const form = formOf(await auth.text());
  const response = await postForm(form.action, form.fields);
  return { response, form };
}

/** Deep-links one placement as an instructor; returns the platform's new resource link id. */
export async function deepLinkWithoutBrowser(
  platform: TestPlatform,
  toolUrl: string,
  target: string,
): Promise<string> {
  const { response } = await launchWithoutBrowser(platform, {
    user: 'instructor-of-record',
    role: 'instructor',
    messageType: 'LtiDeepLinkingRequest',
  });
  const requestId = /name="request" value="([^"]+)"/.exec(await response.text())?.[1] ?? '';
  const answer = await postForm(`${toolUrl}/lti/deep-link`, { request: requestId, target });
  const form = formOf(await answer.text());
  const placed = await postForm(form.action, form.fields);
  if (placed.status !== 200) throw new Error(`deep linking answered ${placed.status}`);
  return [...platform.resourceLinks.values()].at(-1)?.id ?? '';
}
