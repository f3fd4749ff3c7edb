/**
 * The Spanish edition of the translated fixture course, built by the real CLI beside the
 * English one: its manifests validate against the XSDs, its SCORM packages play under
 * scorm-again in Spanish (interface and content), and its offline copy is axe-clean with
 * lang="es", the review notice and the language switch.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type StoredStatement, startCmi5Host, unpackZip } from '@teach-in/lms-host';
import type { Browser } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { buildToTemp, readZip, repoRoot, runCli } from './support/build-fixture.ts';
import { launchChromium, recordPage } from './support/chromium.ts';
import { answer, lastSet, launch, next, type QuestionPlay, type Version } from './support/play.ts';
import { type Call, strictViolations } from './support/strict-values.ts';
import { validateCmi5, validateManifest } from './support/xsd.ts';

const course = path.join(repoRoot, 'tests/fixtures/translated-course');
const id = 'translated-course';
let out: string;
let browser: Browser;

before(async () => {
  out = buildToTemp(course, 'scorm12,scorm2004,cmi5,web,guide');
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

const built = (name: string) => path.join(out, id, name);

/** The Spanish questions of the fixture, page by page, answered rightly or wrongly. */
const pageTwo = (rightly: boolean): QuestionPlay[] => [
  {
    type: 'single',
    prompt: '¿Cuál de estos datos suele recoger una aplicación de turnos?',
    picks: [rightly ? 'Tu disponibilidad y tus horas trabajadas' : 'El PIN de tu banco'],
    expect: rightly ? 'Correcto.' : 'No del todo.',
  },
  {
    type: 'multiple',
    prompt: 'Elige todos los datos que pueden ser datos personales:',
    picks: rightly ? ['Tu nombre', 'Tu ubicación GPS'] : ['Tu nombre'],
    expect: rightly ? 'Correcto.' : 'No del todo.',
  },
];
const pageThree = (rightly: boolean): QuestionPlay[] => [
  {
    type: 'dropdown',
    prompt: 'Elige las palabras que faltan.',
    picks: [rightly ? 'un mes' : 'una semana'],
  },
  {
    type: 'true-false',
    prompt: 'Valora cada frase:',
    picks: [
      `Los algoritmos pueden asignar turnos solos.=${rightly ? 'Verdadero' : 'Falso'}`,
      `Las herramientas de IA siempre son neutrales.=${rightly ? 'Falso' : 'Verdadero'}`,
    ],
    expect: rightly ? 'Correcto.' : 'No del todo.',
  },
];

async function play(version: Version, rightly: boolean): Promise<Call[]> {
  const context = await browser.newContext();
  const run = await launch(context, built(`${id}.es.${version}.zip`), version, {
    ready: /Siguiente|Terminar/,
  });
  try {
    assert.equal(await run.frame.locator('html').getAttribute('lang'), 'es');
    await run.frame
      .getByRole('note')
      .getByText('Esta traducción está pendiente de revisión por una persona hablante nativa')
      .waitFor();
    await next(run.frame, 'Siguiente');
    for (const q of pageTwo(rightly)) await answer(run.frame, q, 'Comprobar respuesta');
    await next(run.frame, 'Siguiente');
    for (const q of pageThree(rightly)) await answer(run.frame, q, 'Comprobar respuesta');
    await next(run.frame, 'Terminar');
    await run.frame.getByRole('heading', { name: 'Tu resultado' }).waitFor();
    await run.closeContent();
    const finish = version === 'scorm12' ? 'LMSFinish' : 'Terminate';
    await run.page.waitForFunction(
      (method) =>
        (window as unknown as { teachInHost: { calls: Call[] } }).teachInHost.calls.some(
          (c) => c.method === method,
        ),
      finish,
    );
    assert.deepEqual(run.errors, []);
    return await run.calls();
  } finally {
    await run.close();
    await context.close();
  }
}

describe('per-language packages', () => {
  test('the Spanish files sit beside the English ones, whose names are unchanged', () => {
    const names = readdirSync(path.join(out, id)).sort();
    for (const suffix of ['scorm12.zip', 'scorm2004.zip', 'cmi5.zip', 'guide.html']) {
      assert.ok(names.includes(`${id}.${suffix}`), `${id}.${suffix}`);
      assert.ok(names.includes(`${id}.es.${suffix}`), `${id}.es.${suffix}`);
    }
    assert.ok(existsSync(built('web/es/index.html')));
    const guide = readFileSync(built(`${id}.es.guide.html`), 'utf8');
    assert.match(guide, /<html lang="es">/);
    assert.match(guide, /Tiempo: 5 minutos/, 'facilitator notes in Spanish');
    assert.match(guide, /Hoja para repartir: Tus derechos/, 'the Spanish workshop kit');
    assert.match(
      guide,
      /<p class="eyebrow">Guía para quien dinamiza<\/p>/,
      'the guide speaks Spanish',
    );
    assert.match(guide, /Módulo 1, unos 10 minutos/);
    assert.match(guide, /\(respuesta correcta\)/, 'the answer key too');
    assert.doesNotMatch(guide, /Facilitator|right answer|Module 1/);
  });

  test('the build prints each translation review status', () => {
    const result = runCli([
      'build',
      course,
      '--format',
      'guide',
      '--out',
      mkdtempSync(path.join(tmpdir(), 'ti-es-')),
    ]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /translated-course \(es\): awaiting review by a native speaker/);
  });

  for (const version of ['scorm12', 'scorm2004'] as const) {
    test(`${version}: the Spanish manifest is valid against the XSDs, with its own identifiers`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ti-es-manifest-'));
      unpackZip(readZip(built(`${id}.es.${version}.zip`)), dir);
      const xml = readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
      rmSync(dir, { recursive: true, force: true });
      assert.deepEqual((await validateManifest(xml, version)).errors, []);
      assert.match(xml, /identifier="MANIFEST-translated-course\.es"/);
      assert.match(xml, /Tus derechos sobre tus datos en el trabajo/);
    });
  }

  test('cmi5: the Spanish cmi5.xml is valid against CourseStructure.xsd, in Spanish, its own IRIs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ti-es-cmi5-'));
    unpackZip(readZip(built(`${id}.es.cmi5.zip`)), dir);
    const xml = readFileSync(path.join(dir, 'cmi5.xml'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual((await validateCmi5(xml)).errors, []);
    assert.match(xml, /lang="es"/);
    assert.match(xml, /urn:teach-in:course:translated-course\.es/);
  });
});

describe('the Spanish packages under scorm-again', () => {
  test('SCORM 1.2: answering rightly ends passed, wrongly failed', async () => {
    const right = await play('scorm12', true);
    assert.deepEqual(strictViolations('scorm12', right), []);
    assert.equal(lastSet(right, 'cmi.core.lesson_status'), 'passed');
    assert.equal(lastSet(right, 'cmi.core.score.raw'), '100');
    assert.equal(lastSet(right, 'cmi.interactions.0.id'), 'scheduling-app-data');
    const wrong = await play('scorm12', false);
    assert.deepEqual(strictViolations('scorm12', wrong), []);
    assert.equal(lastSet(wrong, 'cmi.core.lesson_status'), 'failed');
  });

  test('SCORM 2004: answering rightly ends completed and passed', async () => {
    const calls = await play('scorm2004', true);
    assert.deepEqual(strictViolations('scorm2004', calls), []);
    assert.equal(lastSet(calls, 'cmi.completion_status'), 'completed');
    assert.equal(lastSet(calls, 'cmi.success_status'), 'passed');
  });
});

describe('the Spanish cmi5 package under the cmi5 host', () => {
  test('answering rightly: the host, which refuses statements that break cmi5, stores passed', async () => {
    const packageDir = mkdtempSync(path.join(tmpdir(), 'ti-es-cmi5-play-'));
    unpackZip(readZip(built(`${id}.es.cmi5.zip`)), packageDir);
    const host = await startCmi5Host({ packageDir });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const { errors } = recordPage(page);
      await page.goto(host.url);
      const frame = page.frameLocator('iframe');
      await frame.getByRole('button', { name: 'Siguiente' }).waitFor();
      assert.equal(await frame.locator('html').getAttribute('lang'), 'es');
      await next(frame, 'Siguiente');
      for (const q of pageTwo(true)) await answer(frame, q, 'Comprobar respuesta');
      await next(frame, 'Siguiente');
      for (const q of pageThree(true)) await answer(frame, q, 'Comprobar respuesta');
      await next(frame, 'Terminar');
      await frame.getByRole('heading', { name: 'Tu resultado' }).waitFor();
      const verb = (st: StoredStatement) => st.verb?.id?.split('/').pop() ?? '';
      const deadline = Date.now() + 20_000;
      while (!host.statements().some((st) => verb(st) === 'passed') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const verbs = host.statements().map(verb);
      assert.deepEqual(verbs.slice(0, 2), ['launched', 'initialized']);
      assert.ok(verbs.includes('completed'), verbs.join(', '));
      assert.ok(verbs.includes('passed'), verbs.join(', '));
      const activity = host.statements()[1]?.object as { id?: string } | undefined;
      assert.match(activity?.id ?? '', /translated-course\.es/);
      // xAPI answers 404 for the state document of a first launch: expected, logged by Chromium.
      assert.deepEqual(
        errors.filter((e) => !e.includes('status of 404')),
        [],
      );
    } finally {
      await context.close();
      await host.close();
      rmSync(packageDir, { recursive: true, force: true });
    }
  });
});

describe('the offline copy in two languages', () => {
  test('lang="es", the review notice and a language switch both ways, axe-clean', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(built('web/es/index.html')).href);
      assert.equal(await page.locator('html').getAttribute('lang'), 'es');
      const nav = page.getByRole('navigation', { name: 'Idioma' });
      await nav.getByRole('link', { name: 'Español' }).waitFor();
      assert.equal(
        await nav.getByRole('link', { name: 'Español' }).getAttribute('aria-current'),
        'page',
      );
      await page
        .getByRole('button', { name: /Siguiente/ })
        .first()
        .waitFor();
      assert.deepEqual(await axeViolations(page), []);
      // The keyboard reaches the switch and follows it to the English copy.
      const english = nav.getByRole('link', { name: 'English' });
      await Promise.all([
        page.waitForURL(/\/web\/index\.html(#.*)?$/),
        // Focus and Enter in one step: the shell may move focus to a heading as it starts.
        english.press('Enter'),
      ]);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page
        .getByRole('navigation', { name: 'Language' })
        .getByRole('link', { name: 'Español' })
        .waitFor();
      assert.equal(await page.getByRole('note').count(), 0, 'no review notice on the source');
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await page.close();
    }
  });
});
