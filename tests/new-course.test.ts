/**
 * `teach-in new`: the starter course an author gets passes `check` with no warning, builds in
 * every format (manifests valid against the official XSDs), shows every feature it promises,
 * and the command never writes into a folder that holds anything.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadCourse } from '@teach-in/course-parser';
import { courseSchema, exportFormats, questionTypes } from '@teach-in/course-schema';
import { unzipSync } from 'fflate';
import { repoRoot } from './support/build-fixture.ts';
import { validateCmi5, validateManifest } from './support/xsd.ts';

const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');
const work = mkdtempSync(path.join(tmpdir(), 'teach-in-new-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The real command, run from a folder outside the repository, as an author would. */
function teachIn(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('teach-in new', () => {
  const folder = path.join(work, 'Union Rights 101');

  test('creates a course that passes check with no problem at all, named after its folder', () => {
    const created = teachIn('new', 'Union Rights 101');
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created the course "union-rights-101"/);
    assert.match(created.stdout, /teach-in check "Union Rights 101"/);
    const check = teachIn('check', folder);
    assert.equal(check.status, 0, check.stderr);
    assert.equal(check.stderr, '', 'no warning either');
    assert.match(check.stdout, /^ok union-rights-101: 1 modules, \d+ pages\n$/);
    const files = readdirSync(folder, { recursive: true }).map(String).sort();
    for (const file of ['.gitignore', 'README.md', 'course.yaml', 'workshop.md']) {
      assert.ok(files.includes(file), `${file} is written`);
    }
  });

  test('course.yaml sets every field of the course file, each with a comment above it', () => {
    const lines = readFileSync(path.join(folder, 'course.yaml'), 'utf8').split('\n');
    for (const field of Object.keys(courseSchema.shape)) {
      const at = lines.findIndex((line) => line.startsWith(`${field}:`));
      assert.ok(at > 0, `course.yaml sets "${field}"`);
      assert.match(lines[at - 1] ?? '', /^# \S/, `"${field}" has a comment right above it`);
    }
  });

  test('the module shows every question type, a citation, a glossary term, an image and a facilitator note', () => {
    const { course, diagnostics } = loadCourse(folder);
    assert.deepEqual(diagnostics, []);
    assert.ok(course);
    const blocks = course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks));
    const types = new Set(blocks.flatMap((b) => (b.kind === 'question' ? [b.question.type] : [])));
    assert.deepEqual([...types].sort(), [...questionTypes].sort());
    assert.ok(
      blocks.some((b) => b.kind === 'facilitator'),
      'a facilitator note',
    );
    assert.ok(
      course.modules.some((m) => m.pages.some((p) => p.references.length > 0)),
      'a citation',
    );
    assert.ok(course.glossary.length > 0, 'a glossary term');
    const images = course.assets.filter((a) => a.startsWith('media/'));
    assert.deepEqual(images, ['media/meeting.svg']);
    const svg = readFileSync(path.join(folder, images[0] ?? ''), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>\n$/);
    assert.doesNotMatch(svg, /<script|href=/, 'a picture only: no script, no link');
    assert.ok(
      course.workshop?.sections.some((s) => s.handout),
      'a workshop kit with a handout',
    );
  });

  test('builds in every format, with manifests the official schemas accept', async () => {
    const out = path.join(work, 'out');
    const build = teachIn('build', folder, '--out', out);
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stdout, new RegExp(`built union-rights-101: ${exportFormats.join(', ')}`));
    const dir = path.join(out, 'union-rights-101');
    for (const kind of ['scorm12', 'scorm2004'] as const) {
      const zip = unzipSync(readFileSync(path.join(dir, `union-rights-101.${kind}.zip`)));
      assert.ok(zip['media/meeting.svg'], `${kind} carries the image`);
      const result = await validateManifest(new TextDecoder().decode(zip['imsmanifest.xml']), kind);
      assert.deepEqual(result.errors, []);
    }
    const cmi5 = unzipSync(readFileSync(path.join(dir, 'union-rights-101.cmi5.zip')));
    assert.deepEqual((await validateCmi5(new TextDecoder().decode(cmi5['cmi5.xml']))).errors, []);
    assert.match(readFileSync(path.join(dir, 'union-rights-101.guide.html'), 'utf8'), /Handout/);
  });

  test('refuses a folder that holds anything (exit 2) and writes nothing there', () => {
    const full = path.join(work, 'has-notes');
    mkdirSync(full);
    writeFileSync(path.join(full, 'notes.txt'), 'my notes');
    const result = teachIn('new', 'has-notes');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /has-notes is not empty, and teach-in new never writes over files/);
    assert.deepEqual(readdirSync(full), ['notes.txt']);
    assert.equal(readFileSync(path.join(full, 'notes.txt'), 'utf8'), 'my notes');
    // The course made above is not empty either.
    assert.equal(teachIn('new', folder).status, 2);
  });

  test('an empty folder is fine; a file or a missing argument is a usage error', () => {
    mkdirSync(path.join(work, 'empty'));
    assert.equal(teachIn('new', 'empty').status, 0);
    assert.match(readFileSync(path.join(work, 'empty/course.yaml'), 'utf8'), /^id: empty$/m);
    writeFileSync(path.join(work, 'a-file'), '');
    const file = teachIn('new', 'a-file');
    assert.equal(file.status, 2);
    assert.match(file.stderr, /a-file is a file/);
    const none = teachIn('new');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /give one folder for the new course/);
  });
});
