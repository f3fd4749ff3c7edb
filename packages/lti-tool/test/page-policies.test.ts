import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { LaunchMessage } from '../test-support/index.ts';
import { formOf, launchAs, type Pair, post, startPair } from './harness.ts';

/** The directives of a Content-Security-Policy header, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

interface Checked {
  html: string;
  policy: string;
  /** How many inline scripts the page has (each one allowed, or the check failed). */
  scripts: number;
  nonces: string[];
}

/**
 * What a browser would refuse on this page, checked from the response as sent: every inline
 * script is allowed by its hash or its nonce, every inline stylesheet by its hash, there is
 * no inline handler or style attribute (no hash covers those), and script-src never says
 * 'unsafe-inline'.
 */
async function checkInlineCode(response: Response): Promise<Checked> {
  const html = await response.text();
  const policy = response.headers.get('content-security-policy') ?? '';
  const rules = directives(policy);
  assert.equal(rules.get('default-src')?.join(' '), "'none'", policy);
  const scriptSrc = rules.get('script-src') ?? rules.get('default-src') ?? [];
  const styleSrc = rules.get('style-src') ?? rules.get('default-src') ?? [];
  assert.ok(
    !scriptSrc.includes("'unsafe-inline'"),
    `script-src allows any inline script: ${policy}`,
  );
  let scripts = 0;
  const nonces: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(
    /<script([^>]*)>([\s\S]*?)<\/script>/g,
  )) {
    if (/\bsrc=/.test(attributes) || /type="application\/json"/.test(attributes)) continue;
    scripts += 1;
    const nonce = /\bnonce="([^"]+)"/.exec(attributes)?.[1];
    if (nonce) {
      nonces.push(nonce);
      assert.ok(scriptSrc.includes(`'nonce-${nonce}'`), `nonce ${nonce} not in ${policy}`);
    } else {
      assert.ok(scriptSrc.includes(sha256(text)), `script ${text.slice(0, 60)} not in ${policy}`);
    }
  }
  for (const [, text = ''] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    assert.ok(styleSrc.includes(sha256(text)), `stylesheet not in ${policy}`);
  }
  assert.doesNotMatch(html, /\sstyle="|\son[a-z]+="/, 'no inline style or handler attributes');
  return { html, policy, scripts, nonces };
}

describe('every page of the tool is allowed exactly its own inline code by its policy', () => {
  let pair: Pair;
  before(async () => {
    pair = await startPair();
  });
  after(() => pair.close());

  const loginWithStorage = (message: LaunchMessage) =>
    fetch(pair.platform.loginUrl({ target: 'lti-course', storageTarget: '_parent', ...message }), {
      redirect: 'manual',
    });

  /** Through the LMS storage's login page to the launch the LMS posts. */
  async function launchWithStorage(message: LaunchMessage) {
    const login = await checkInlineCode(await loginWithStorage(message));
    const next = /location\.replace\(("[^"]+")\)/.exec(login.html)?.[1] ?? '""';
    const form = formOf(await (await fetch(JSON.parse(next) as string)).text());
    return checkInlineCode(await post(form.action, form.fields));
  }

  test('the front page and a refusal: a stylesheet by its hash, no script at all', async () => {
    const front = await checkInlineCode(await fetch(`${pair.tool.url}/`));
    assert.equal(front.scripts, 0);
    assert.doesNotMatch(front.policy, /script-src/);
    assert.match(front.policy, /frame-ancestors \*/);
    const refused = await fetch(`${pair.tool.url}/lti/nowhere`);
    assert.equal(refused.status, 404);
    const page = await checkInlineCode(refused);
    assert.match(page.html, /data-code="not-found"/);
    assert.equal(page.scripts, 0);
  });

  test("the LMS storage's login page: its script by this response's nonce, new each time", async () => {
    const first = await checkInlineCode(await loginWithStorage({ user: 'learner-1' }));
    const second = await checkInlineCode(await loginWithStorage({ user: 'learner-1' }));
    assert.equal(first.scripts, 1);
    assert.equal(first.nonces.length, 1);
    assert.notEqual(first.nonces[0], second.nonces[0]);
    assert.match(first.html, /ask\('lti\.put_data'/);
  });

  test('the launch page that checks the state first, by its nonce', async () => {
    const launch = await launchWithStorage({ user: 'learner-2' });
    assert.equal(launch.scripts, 1);
    assert.match(launch.html, /ask\('lti\.get_data'/);
    assert.match(launch.html, /data-url="\/lti\/play\//);
  });

  test('the activity picker (with and without the storage check) and its auto-post back', async () => {
    const checked = await launchWithStorage({
      user: 'teacher-1',
      role: 'instructor',
      messageType: 'LtiDeepLinkingRequest',
    });
    assert.equal(checked.scripts, 1);
    assert.match(checked.html, /id="ti-picker" hidden/);
    const { response } = await launchAs(pair.platform, {
      user: 'teacher-1',
      role: 'instructor',
      messageType: 'LtiDeepLinkingRequest',
    });
    const picker = await checkInlineCode(response);
    assert.equal(picker.scripts, 0);
    const requestId = /name="request" value="([^"]+)"/.exec(picker.html)?.[1] ?? '';
    const answer = await post(`${pair.tool.url}/lti/deep-link`, {
      request: requestId,
      target: 'lti-course/monitoring',
    });
    const autoPost = await checkInlineCode(answer);
    assert.equal(autoPost.scripts, 1);
    assert.equal(autoPost.nonces.length, 0, 'a fixed script: its hash, no nonce');
    assert.match(autoPost.policy, /form-action \*/);
  });

  test("the instructor's class totals and the learner's course page", async () => {
    const { response } = await launchAs(pair.platform, {
      user: 'teacher-1',
      role: 'instructor',
      target: 'lti-course',
    });
    const location = response.headers.get('location') ?? '';
    assert.match(location, /\/facilitator$/);
    const totals = await checkInlineCode(await fetch(`${pair.tool.url}${location}`));
    assert.match(totals.html, /Class totals/);
    const course = await fetch(`${pair.tool.url}${location.replace(/facilitator$/, '')}`);
    const policy = course.headers.get('content-security-policy') ?? '';
    assert.deepEqual(directives(policy).get('script-src'), ["'self'"]);
    assert.match(policy, /frame-ancestors \*/);
    const html = await course.text();
    const inline = [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))/g)];
    assert.deepEqual(inline, [], 'the course page runs only its own files');
  });

  // Last: Dynamic Registration gives the platform a new client id.
  test('the registration page: its closing script by its hash', async () => {
    const response = await fetch(pair.platform.dynamicRegistrationUrl(pair.tool.registrationUrl));
    assert.equal(response.status, 200);
    const registered = await checkInlineCode(response);
    assert.equal(registered.scripts, 1);
    assert.match(registered.html, /org\.imsglobal\.lti\.close/);
  });
});
