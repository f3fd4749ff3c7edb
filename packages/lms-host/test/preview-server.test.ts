import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { Hono } from '@teach-in/http-kit';
import { memorySource } from '../src/package-source.ts';
import { type LmsTarget, lmsTargets } from '../src/preview/lms-targets.ts';
import { type PreviewBuild, startPreview } from '../src/preview/preview-server.ts';

const encoder = new TextEncoder();
const page = memorySource(new Map([['index.html', encoder.encode('<!doctype html><p>Hi')]]));

/** A standard added the way cmi5 will be: one more target, with its launch and its routes. */
const demoTarget: LmsTarget = {
  format: 'demo',
  label: 'Demo standard',
  runtime: 'none',
  description: 'A standard whose content calls the host over HTTP.',
  launch: ({ origin, learner }) =>
    `index.html?endpoint=${encodeURIComponent(`${origin}/demo/`)}&actor=${encodeURIComponent(learner.id)}`,
  routes: [new Hono().get('/demo/ping', (c) => c.text('pong'))],
};

const ready = (formats: string[]): PreviewBuild => ({
  kind: 'ready',
  title: 'Demo course',
  packages: new Map(formats.map((f) => [f, page])),
  warnings: [],
});

function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('the preview server', () => {
  test('a target added to the list gets its switch entry, launch and routes', async () => {
    const preview = await startPreview({
      build: ready(['web', 'demo']),
      targets: [...lmsTargets, demoTarget],
    });
    try {
      const html = await (await fetch(`${preview.url}?lms=demo`)).text();
      assert.match(html, /<a href="\/\?lms=demo" aria-current="page">Demo standard<\/a>/);
      assert.match(html, /SCORM 1\.2 <span class="ti-note">\(not in this package\)/);
      const origin = preview.url.replace(/\/$/, '');
      const launchUrl = `/content/demo/index.html?endpoint=${encodeURIComponent(`${origin}/demo/`)}`;
      assert.ok(html.includes(`"launchUrl":"${launchUrl}&actor=learner-1"`), html);
      assert.equal(await (await fetch(`${preview.url}demo/ping`)).text(), 'pong');
    } finally {
      await preview.close();
    }
  });

  test('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const preview = await startPreview({ build: ready(['web']) });
    try {
      assert.equal(await getWithHost(preview.url, 'attacker.example'), 403);
      assert.equal(await getWithHost(`${preview.url}host/host.js`, 'attacker.example'), 403);
      assert.equal(
        await getWithHost(`${preview.url}content/web/index.html`, 'attacker.example'),
        403,
      );
      assert.equal(await getWithHost(preview.url, new URL(preview.url).host), 200);
    } finally {
      await preview.close();
    }
  });

  test('refuses a commit that is not CMI data or is too large', async () => {
    const manifest = `<?xml version="1.0"?><manifest identifier="M"><metadata><schemaversion>1.2</schemaversion></metadata>
<organizations default="O"><organization identifier="O"><item identifier="I" identifierref="R"><title>T</title></item></organization></organizations>
<resources><resource identifier="R" href="index.html"/></resources></manifest>`;
    const files = memorySource(
      new Map([
        ['imsmanifest.xml', encoder.encode(manifest)],
        ['index.html', encoder.encode('<p>x')],
      ]),
    );
    const preview = await startPreview({
      build: { kind: 'ready', title: 'T', packages: new Map([['scorm12', files]]), warnings: [] },
    });
    try {
      const post = (body: string) =>
        fetch(`${preview.url}lms/scorm12/commit`, { method: 'POST', body });
      assert.equal((await post('not json')).status, 400);
      assert.equal((await post('{"cmi": "x"}')).status, 400);
      assert.equal((await post(JSON.stringify({ cmi: { big: 'x'.repeat(1100000) } }))).status, 400);
      const ok = await post(JSON.stringify({ cmi: { core: { exit: 'suspend' } } }));
      assert.deepEqual(await ok.json(), { result: true, errorCode: 0 });
      const html = await (await fetch(preview.url)).text();
      assert.match(html, /Entry: <code id="entry">resume<\/code>/);
    } finally {
      await preview.close();
    }
  });

  test('cmi5: each view is a launch, a broken statement is listed as rejected with its reasons, a fresh attempt is a new registration', async () => {
    const cmi5Xml = `<?xml version="1.0"?><courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
<course id="https://example.org/c"><title><langstring lang="en">C</langstring></title><description><langstring lang="en">C</langstring></description></course>
<au id="https://example.org/c/au" moveOn="Completed"><title><langstring lang="en">AU</langstring></title><description><langstring lang="en">AU</langstring></description><url>index.html</url></au>
</courseStructure>`;
    const files = memorySource(
      new Map([
        ['cmi5.xml', encoder.encode(cmi5Xml)],
        ['index.html', encoder.encode('<p>AU')],
      ]),
    );
    const preview = await startPreview({
      build: { kind: 'ready', title: 'C', packages: new Map([['cmi5', files]]), warnings: [] },
    });
    const launchOf = async () => {
      const html = await (await fetch(`${preview.url}?lms=cmi5`)).text();
      assert.match(html, /data-panel="xapi"/);
      const config = /<script type="application\/json" id="host-config">(.*?)<\/script>/.exec(html);
      const launchUrl = new URL(JSON.parse(config?.[1] ?? '{}').launchUrl, preview.url);
      assert.equal(launchUrl.pathname, '/content/cmi5/index.html');
      return launchUrl.searchParams;
    };
    const events = await fetch(`${preview.url}preview/events?lms=cmi5`);
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const until = async (text: string) => {
      while (!received.includes(text)) received += decoder.decode((await reader.read()).value);
    };
    try {
      const launch = await launchOf();
      const fetched = await fetch(launch.get('fetch') ?? '', { method: 'POST' });
      const token = ((await fetched.json()) as { 'auth-token': string })['auth-token'];
      // `answered` before `initialized` breaks a cmi5 rule: refused, and the panel says why.
      const answered = {
        actor: JSON.parse(launch.get('actor') ?? '{}'),
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
        object: { id: `${launch.get('activityId')}/q1` },
        result: { success: true },
        context: { registration: launch.get('registration') },
      };
      const refused = await fetch(`${launch.get('endpoint')}statements`, {
        method: 'POST',
        headers: { authorization: `Basic ${token}`, 'x-experience-api-version': '1.0.3' },
        body: JSON.stringify(answered),
      });
      assert.equal(refused.status, 400);
      await until('"verdict":"rejected"');
      assert.match(
        received,
        /event: statement\ndata: .*"sentBy":"lms","verdict":"accepted","verb":"launched"/,
      );
      assert.match(received, /"verb":"answered","result":\{"success":true\}/);
      assert.match(received, /sent before \\"initialized\\"/);
      assert.match(received, /event: state\ndata: \{"LMS.LaunchData":\{/);

      const reset = await fetch(`${preview.url}lms/cmi5/reset`, { method: 'POST' });
      assert.equal(reset.status, 200);
      const next = await launchOf();
      assert.notEqual(next.get('registration'), launch.get('registration'));
      assert.notEqual(next.get('fetch'), launch.get('fetch'));
    } finally {
      await reader.cancel();
      await preview.close();
    }
  });

  test('tells every open page to reload when a new build arrives', async () => {
    const preview = await startPreview({ build: ready(['web']) });
    try {
      const response = await fetch(`${preview.url}preview/events`);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let received = decoder.decode((await reader.read()).value);
      assert.match(received, /event: hello/);
      preview.update({ kind: 'broken', title: 'Demo course', diagnostics: [] });
      while (!received.includes('event: reload')) {
        received += decoder.decode((await reader.read()).value);
      }
      assert.match(received, /event: reload\ndata: 1\n/);
      await reader.cancel();
    } finally {
      await preview.close();
    }
  });
});
