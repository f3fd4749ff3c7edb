import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './support/build-fixture.ts';

/** `teach-in serve`'s command line: mistakes are usage errors that say what to fix. */
const work = mkdtempSync(path.join(tmpdir(), 'teach-in-serve-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('a registration file with a missing field is refused before anything starts', () => {
  const file = path.join(work, 'platform.json');
  writeFileSync(file, JSON.stringify({ issuer: 'https://lms.example', clientId: 'c' }));
  const result = runCli(['serve', 'courses', '--platform', file, '--data', work]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--platform .*platform\.json: authLoginUrl/);
});

test('a bad port is a usage error', () => {
  const result = runCli(['serve', '--port', 'eighty']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--port must be a number/);
});

test('--forget-learner needs the issuer; --delete-data removes the database', () => {
  const forget = runCli(['serve', '--forget-learner', 'user-1', '--data', work]);
  assert.equal(forget.status, 2);
  assert.match(forget.stderr, /--issuer/);
  writeFileSync(path.join(work, 'lti-tool.sqlite'), '');
  const deleted = runCli(['serve', '--delete-data', '--data', work]);
  assert.equal(deleted.status, 0, deleted.stderr);
  assert.match(deleted.stdout, /Deleted .*lti-tool\.sqlite/);
  const again = runCli(['serve', '--delete-data', '--data', work]);
  assert.match(again.stdout, /Deleted nothing/);
});

test('serve --help lists its options', () => {
  const result = runCli(['serve', '--help']);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /DATABASE_URL/);
  assert.match(result.stdout, /--rotate-keys/);
});
