import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { RuntimeCache } from '../src/runtime-cache.ts';

let root = '';
let cache: RuntimeCache;
const settings = '{"minify":true}';

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'teach-in-runtime-cache-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/main.ts'), 'import "./shell.ts";');
  writeFileSync(path.join(root, 'src/shell.ts'), 'export const shell = 1;');
  writeFileSync(path.join(root, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n');
  cache = new RuntimeCache(path.join(root, 'cache'), root, path.join(root, 'pnpm-lock.yaml'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function bundled(js: string) {
  return {
    js,
    css: 'p{}',
    // As the bundler reports them: absolute, node_modules included (the lockfile covers those).
    inputs: [
      path.join(root, 'src/main.ts'),
      path.join(root, 'src/shell.ts'),
      path.join(root, 'node_modules/lit/index.js'),
    ],
  };
}

test('a bundle written is read back while its inputs are unchanged', () => {
  assert.equal(cache.read('en', 'scorm12', settings), undefined, 'empty cache');
  cache.write('en', 'scorm12', settings, bundled('one()'));
  assert.deepEqual(cache.read('en', 'scorm12', settings), { js: 'one()', css: 'p{}' });
  assert.equal(cache.read('en', 'scorm2004', settings), undefined, 'another LMS kind');
  assert.equal(cache.read('fr', 'scorm12', settings), undefined, 'another language');
  assert.equal(cache.read('en', 'scorm12', '{"minify":false}'), undefined, 'other settings');
  assert.deepEqual(
    readdirSync(cache.dir).filter((name) => name.endsWith('.tmp')),
    [],
    'written aside, then renamed into place',
  );
});

test('editing any module the bundler read, or the lockfile, misses; undoing it hits again', () => {
  cache.write('en', 'cmi5', settings, bundled('one()'));
  writeFileSync(path.join(root, 'src/shell.ts'), 'export const shell = 2;');
  assert.equal(cache.read('en', 'cmi5', settings), undefined, 'an edited input');
  writeFileSync(path.join(root, 'src/shell.ts'), 'export const shell = 1;');
  assert.deepEqual(cache.read('en', 'cmi5', settings)?.js, 'one()');
  writeFileSync(path.join(root, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n# lit 3.4\n');
  assert.equal(cache.read('en', 'cmi5', settings), undefined, 'another lockfile');
});

test('a deleted input misses, and two versions of the sources keep two entries', () => {
  cache.write('en', 'standalone', settings, bundled('one()'));
  writeFileSync(path.join(root, 'src/shell.ts'), 'export const shell = 2;');
  cache.write('en', 'standalone', settings, bundled('two()'));
  assert.equal(cache.read('en', 'standalone', settings)?.js, 'two()');
  writeFileSync(path.join(root, 'src/shell.ts'), 'export const shell = 1;');
  assert.equal(cache.read('en', 'standalone', settings)?.js, 'one()', 'switched back');
  rmSync(path.join(root, 'src/shell.ts'));
  assert.equal(cache.read('en', 'standalone', settings), undefined);
});

test('only the newest bundles are kept', () => {
  const small = new RuntimeCache(cache.dir, root, cache.lockfile, 2);
  const entries = () =>
    existsSync(small.dir)
      ? readdirSync(small.dir).filter((name) => /^[0-9a-f]{32}\.json$/.test(name))
      : [];
  for (const [age, lms] of (['scorm12', 'scorm2004', 'cmi5'] as const).entries()) {
    const before = new Set(entries());
    small.write('en', lms, settings, bundled(`${lms}()`));
    // Distinct ages, oldest first, whatever the file system's timestamp resolution.
    for (const name of entries().filter((name) => !before.has(name))) {
      utimesSync(path.join(small.dir, name), 1_000_000 + age, 1_000_000 + age);
    }
  }
  assert.equal(entries().length, 2);
  assert.equal(small.read('en', 'scorm12', settings), undefined, 'the oldest is gone');
  assert.equal(small.read('en', 'cmi5', settings)?.js, 'cmi5()', 'the newest is kept');
});
