/**
 * A parsed course is reused only while everything it was read from holds: each kind of
 * change (a module's text, a file that appears or vanishes, a link, the day, where the
 * command runs, the options, the tool's code) parses again, and a reused result is the
 * same as a fresh one, diagnostics included.
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type LoadCacheOptions, loadCourse, loadCourseCached } from '../src/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'teach-in-load-cache-'));
after(() => rmSync(work, { recursive: true, force: true }));

const course = path.join(work, 'course');
const cacheDir = path.join(work, 'cache');
const today = new Date('2026-12-07T12:00:00Z');
const options: LoadCacheOptions = { cacheDir, toolId: 'test-tool', today };

/** Loads through the cache and checks the result against a parse with no cache at all. */
function load(changes: Partial<LoadCacheOptions> = {}, cwd = work) {
  const merged = { ...options, ...changes };
  const cached = loadCourseCached(course, cwd, merged);
  cached.keep();
  const { reused, keep, ...result } = cached;
  assert.deepStrictEqual(result, loadCourse(course, cwd, merged), 'same as a fresh parse');
  return cached;
}

function useFixture(name: string): void {
  rmSync(course, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  cpSync(path.join(fixtures, name), course, { recursive: true });
}

describe('parsed courses kept between runs', () => {
  beforeEach(() => useFixture('every-question-type'));

  test('a second load with nothing changed is reused, and equals a fresh parse', () => {
    assert.equal(load().reused, false);
    assert.equal(load().reused, true);
  });

  test('nothing is kept until the caller says so', () => {
    const first = loadCourseCached(course, work, options);
    assert.equal(existsSync(cacheDir), false);
    assert.equal(loadCourseCached(course, work, options).reused, false);
    first.keep();
    assert.equal(loadCourseCached(course, work, options).reused, true);
  });

  test("a module's text changed: parsed again", () => {
    load();
    const module = path.join(course, 'modules', readdirSync(path.join(course, 'modules'))[0]!);
    writeFileSync(module, `${readFileSync(module, 'utf8')}\nA new closing line.\n`);
    const again = load();
    assert.equal(again.reused, false);
    assert.ok(JSON.stringify(again.course).includes('A new closing line.'));
    assert.equal(load().reused, true);
  });

  test('course.yaml changed: parsed again', () => {
    load();
    const file = path.join(course, 'course.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Renamed'));
    const again = load();
    assert.equal(again.reused, false);
    assert.equal(again.course?.title, 'Renamed');
  });

  test('a missing file that appears, then vanishes again, parses again each time', () => {
    useFixture('missing-image');
    const first = load();
    assert.ok(first.diagnostics.some((d) => d.code === 'missing-file'));
    mkdirSync(path.join(course, 'media'));
    writeFileSync(
      path.join(course, 'media', 'logo.png'),
      readFileSync(path.join(fixtures, 'valid', 'media', 'logo.png')),
    );
    const fixed = load();
    assert.equal(fixed.reused, false);
    assert.ok(!fixed.diagnostics.some((d) => d.code === 'missing-file'));
    rmSync(path.join(course, 'media', 'logo.png'));
    const broken = load();
    assert.equal(broken.reused, false);
    assert.ok(broken.diagnostics.some((d) => d.code === 'missing-file'));
  });

  test('an image replaced by a link that leads out of the course: parsed again', () => {
    useFixture('valid');
    assert.deepEqual(load().diagnostics, []);
    const logo = path.join(course, 'media', 'logo.png');
    const outside = path.join(work, 'outside.png');
    cpSync(logo, outside);
    rmSync(logo);
    symlinkSync(outside, logo);
    const again = load();
    assert.equal(again.reused, false);
    assert.ok(again.diagnostics.some((d) => d.code === 'symlink-outside-course'));
  });

  test('another day, another folder to run from, other options, other code: parsed again', () => {
    useFixture('recheck-due');
    const onTheDay = load({ today: new Date('2027-04-01T23:00:00Z') });
    assert.deepEqual(onTheDay.diagnostics, []);
    const dayAfter = load({ today: new Date('2027-04-02T00:00:00Z') });
    assert.equal(dayAfter.reused, false);
    assert.deepEqual(
      dayAfter.diagnostics.map((d) => d.code),
      ['recheck-due'],
    );
    assert.equal(load({ today: new Date('2027-04-02T00:00:00Z') }).reused, true);

    const elsewhere = load({ today: new Date('2027-04-02T00:00:00Z') }, course);
    assert.equal(elsewhere.reused, false);
    assert.equal(elsewhere.diagnostics[0]?.file, 'course.yaml', 'paths from where it runs');
    assert.equal(
      load({ today: new Date('2027-04-02T00:00:00Z'), strictTranslations: true }, course).reused,
      false,
    );
    assert.equal(
      load({ today: new Date('2027-04-02T00:00:00Z'), toolId: 'newer-tool' }, course).reused,
      false,
    );
  });

  test('--force parses again; no tool id keeps nothing; a damaged entry is parsed again', () => {
    load();
    assert.equal(load({ refresh: true }).reused, false);
    assert.equal(load().reused, true);
    for (const entry of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, entry), 'junk');
    assert.equal(load().reused, false);
    rmSync(cacheDir, { recursive: true, force: true });
    assert.equal(load({ toolId: '' }).reused, false);
    assert.equal(load({ toolId: '' }).reused, false);
    assert.ok(!existsSync(cacheDir), 'nothing kept');
  });
});

describe('a reused result is the same as a fresh parse', () => {
  for (const name of readdirSync(fixtures)) {
    if (!existsSync(path.join(fixtures, name, 'course.yaml'))) continue;
    test(name, () => {
      useFixture(name);
      load();
      assert.equal(load().reused, true);
    });
  }
});
