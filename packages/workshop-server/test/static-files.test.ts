import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readStaticFiles } from '../src/static-files.ts';

const ownStatic = fileURLToPath(new URL('../static/', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'teach-in-static-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the server serves its own static files', () => {
  const files = readStaticFiles();
  assert.deepEqual([...files.keys()].sort(), ['/static/dashboard.js', '/static/workshop.css']);
  assert.match(files.get('/static/workshop.css')!.type, /^text\/css/);
});

test('a static file that is a symbolic link out of the static folder is never served', () => {
  const secret = path.join(root, 'secret.txt');
  writeFileSync(secret, 'SECRET-OUTSIDE-MARKER\n');
  const dir = path.join(root, 'static');
  mkdirSync(dir);
  copyFileSync(path.join(ownStatic, 'dashboard.js'), path.join(dir, 'dashboard.js'));
  symlinkSync(secret, path.join(dir, 'workshop.css'));
  const files = readStaticFiles('', dir);
  assert.deepEqual([...files.keys()], ['/static/dashboard.js']);
  for (const file of files.values()) {
    assert.doesNotMatch(file.bytes.toString('utf8'), /SECRET-OUTSIDE-MARKER/);
  }
});
