import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { buildToTemp, repoRoot, runCli } from './support/build-fixture.ts';

const fixtures = path.join(repoRoot, 'tests/fixtures');
const sample = path.join(repoRoot, 'tooling/bench/sample-module');

describe('teach-in command line', () => {
  test('--help explains the commands and exits 0', () => {
    const result = runCli(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /teach-in check/);
    assert.match(result.stdout, /teach-in build/);
    const build = runCli(['build', '--help']);
    assert.equal(build.status, 0);
    assert.match(build.stdout, /--format/);
  });

  test('an unknown command or format is a usage error (exit 2)', () => {
    assert.equal(runCli(['publish']).status, 2);
    const result = runCli(['build', sample, '--format', 'pdf']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown format "pdf"/);
  });

  test('a course whose saved progress could overflow SCORM 1.2 is not built, and says by how much', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'teach-in-oversized-'));
    try {
      const course = path.join(fixtures, 'oversized-state');
      const result = runCli(['build', course, '--format', 'scorm12,web', '--out', out]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /error\[state-too-large\]/);
      assert.match(
        result.stderr,
        /saves 4,498 characters of progress; SCORM 1\.2 stores 4,096, so it is 402 characters over/,
      );
      assert.match(result.stderr, /Split the course/);
      assert.deepEqual(readdirSync(out), [], 'nothing was written');
      const check = runCli(['check', course]);
      assert.equal(check.status, 1);
      assert.match(check.stderr, /error\[state-too-large\]/);
      // SCORM 2004 holds 64,000 characters: the same course builds for it.
      const ok = runCli(['build', course, '--format', 'scorm2004', '--out', out]);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /worst-case saved progress: scorm2004 4498\/64000 characters/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('check passes on the sample course', () => {
    const result = runCli(['check', sample]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /ok sample-module: 1 modules, 4 pages/);
  });

  test('check and build warn once the recheck date has passed, naming the modules, and still build', () => {
    // recheck: 2026-01-01, a day that has passed (the parser test pins "today" either side).
    const course = path.join(fixtures, 'recheck-overdue');
    const out = mkdtempSync(path.join(tmpdir(), 'teach-in-recheck-'));
    try {
      for (const result of [
        runCli(['check', '.'], course),
        runCli(['build', '.', '--format', 'web', '--out', out], course),
      ]) {
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stderr, /warning\[recheck-due\]: The legal content was due/);
        assert.match(result.stderr, /--> course\.yaml:7:1\n/);
        assert.match(
          result.stderr,
          /on 2026-01-01 \(last checked 2025-06-01\): recheck modules\/law\.md\n/,
        );
      }
      assert.ok(existsSync(path.join(out, 'recheck-overdue', 'web', 'index.html')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('every error of a run is reported together, with position, line and hint', () => {
    const result = runCli(['check', path.join(fixtures, 'broken-course')], fixtures);
    assert.equal(result.status, 1);
    for (const expected of [
      'error[unknown-field]: Unknown field "titel"',
      'broken-course/modules/one.md:3:1',
      'hint: Did you mean "title"?',
      'error[missing-field]: Missing required field "title"',
      'error[undefined-citation]',
      'broken-course/modules/one.md:8:33',
      'error[no-correct-choice]',
      'error[unknown-question-type]: Unknown question type "singel"',
      'hint: Did you mean "single"?',
    ]) {
      assert.ok(result.stderr.includes(expected), `missing "${expected}" in:\n${result.stderr}`);
    }
    assert.match(result.stderr, /\d+ errors, 0 warnings/);
  });

  test('a build with any error writes nothing and keeps earlier output intact', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'teach-in-broken-'));
    writeFileSync(path.join(out, 'earlier.txt'), 'kept');
    const result = runCli(['build', sample, path.join(fixtures, 'broken-course'), '--out', out]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Nothing was written/);
    assert.deepEqual(readdirSync(out), ['earlier.txt']);
    rmSync(out, { recursive: true, force: true });
  });

  test('the same sources give byte-identical packages', () => {
    const first = buildToTemp(sample, 'scorm12,scorm2004');
    const second = buildToTemp(sample, 'scorm12,scorm2004');
    for (const name of ['sample-module.scorm12.zip', 'sample-module.scorm2004.zip']) {
      const a = readFileSync(path.join(first, 'sample-module', name));
      const b = readFileSync(path.join(second, 'sample-module', name));
      assert.ok(a.equals(b), `${name} differs between two builds`);
    }
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  test('build writes every format into <out>/<course-id>/', () => {
    const out = buildToTemp(sample);
    const dir = path.join(out, 'sample-module');
    assert.deepEqual(readdirSync(dir).sort(), [
      '.teach-in-build.json',
      'sample-module.scorm12.zip',
      'sample-module.scorm2004.zip',
      'web',
    ]);
    assert.deepEqual(readdirSync(path.join(dir, 'web')).sort(), [
      'index.html',
      'print.css',
      'print.html',
      'teach-in.css',
      'teach-in.js',
    ]);
    const zip = unzipSync(
      new Uint8Array(readFileSync(path.join(dir, 'sample-module.scorm12.zip'))),
    );
    assert.deepEqual(Object.keys(zip).sort(), [
      'imsmanifest.xml',
      'index.html',
      'print.css',
      'print.html',
      'teach-in.css',
      'teach-in.js',
    ]);
    assert.ok(!existsSync(path.join(out, '.sample-module.building')), 'no temporary folder left');
    rmSync(out, { recursive: true, force: true });
  });
});

describe('authored HTML in the learner package', () => {
  const out = buildToTemp(path.join(fixtures, 'unsafe-html'), 'web,scorm12');
  const page = readFileSync(path.join(out, 'unsafe-html/web/index.html'), 'utf8');
  const body = page.slice(page.indexOf('<body>'));

  test('cannot inject script, event handlers, javascript: URLs, frames or inline styles', () => {
    assert.doesNotMatch(body, /<script>/);
    assert.doesNotMatch(body, /window\.injected/);
    assert.doesNotMatch(body, /\sonerror=|\sonclick=/i);
    assert.doesNotMatch(body, /javascript:/i);
    assert.doesNotMatch(body, /<iframe/i);
    assert.doesNotMatch(
      body,
      /example\.org\/pixel/,
      'raw HTML images from other sites are dropped',
    );
    assert.doesNotMatch(body, /style=/i);
    assert.match(body, /Styled and clickable/);
    assert.match(body, /<img src="media\/square.svg" alt="A square"/);
  });

  test('question text is sanitized too, and JSON cannot close its script element', () => {
    const data = body.match(
      /<ti-single-choice><script type="application\/json">(.*?)<\/script>/s,
    )?.[1];
    assert.ok(data, 'question data is embedded');
    assert.doesNotMatch(data, /</);
    const question = JSON.parse(data) as { promptHtml: string; choices: { html: string }[] };
    assert.doesNotMatch(question.promptHtml, /onerror/);
    assert.match(question.promptHtml, /<strong>this<\/strong>/);
    assert.equal(question.choices[0]?.html, 'Right');
  });

  test('outside links open in a new window, without a referrer', () => {
    assert.match(
      body,
      /<a href="https:\/\/example.org\/rights" target="_blank" rel="noopener noreferrer">/,
    );
  });

  test('facilitator notes never reach the learner package', () => {
    const zip = unzipSync(
      new Uint8Array(readFileSync(path.join(out, 'unsafe-html/unsafe-html.scorm12.zip'))),
    );
    for (const [name, bytes] of Object.entries(zip)) {
      assert.doesNotMatch(Buffer.from(bytes).toString('utf8'), /SECRET-FACILITATOR-NOTE/, name);
    }
    assert.doesNotMatch(page, /SECRET-FACILITATOR-NOTE/);
    assert.ok(Object.keys(zip).includes('media/square.svg'), 'linked image is packaged');
  });
});
