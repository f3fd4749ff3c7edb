import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { fileAttemptStore } from '../src/attempt-store.ts';
import { readManifest } from '../src/manifest.ts';
import { folderSource, openPackage } from '../src/package-source.ts';
import { UnsafeZipError, unpackLimits, unpackZip } from '../src/unpack.ts';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const temps: string[] = [];
const temp = (prefix = 'teach-in-test-') => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const manifest12 = readFileSync(path.join(fixtures, 'third-party-sco-12/imsmanifest.xml'));
const page = strToU8('<!doctype html><title>x</title>');

function refused(zip: Uint8Array, message: RegExp, limits = unpackLimits) {
  const dir = temp();
  assert.throws(
    () => unpackZip(zip, path.join(dir, 'pkg'), limits),
    (error: Error) => {
      assert.ok(error instanceof UnsafeZipError, `an UnsafeZipError, got ${error.name}`);
      assert.match(error.message, message);
      return true;
    },
  );
  assert.deepEqual(readdirSync(dir), [], 'nothing was written');
}

describe('unsafe zips are refused before anything is written', () => {
  test('an entry that climbs out of the folder', () => {
    refused(
      zipSync({ 'imsmanifest.xml': manifest12, '../evil.html': page }),
      /"\.\.\/evil\.html" points outside the package folder/,
    );
  });

  test('an absolute path and a Windows drive path', () => {
    refused(zipSync({ '/etc/evil.html': page }), /points outside the package folder/);
    refused(zipSync({ 'C:/evil.html': page }), /points outside the package folder/);
  });

  test('a backslash path that climbs on Windows', () => {
    refused(zipSync({ '..\\evil.html': page }), /points outside the package folder/);
  });

  test('more files than the limit', () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.txt`, page]));
    refused(zipSync(many), /more than 10 files/, { ...unpackLimits, maxFiles: 10 });
  });

  test('more bytes than the limit, in total or in one file (a zip bomb)', () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const bomb = zipSync({ 'a.bin': zeros, 'b.bin': zeros }, { level: 9 });
    assert.ok(bomb.byteLength < 64 * 1024, 'compresses to almost nothing');
    const mb = 1024 * 1024;
    refused(bomb, /unpacks to more than 5 MB/, {
      ...unpackLimits,
      maxTotalBytes: 5 * mb,
    });
    refused(bomb, /"a\.bin" unpacks to more than 2 MB/, { ...unpackLimits, maxFileBytes: 2 * mb });
  });

  test('a file that is not a zip', () => {
    refused(strToU8('not a zip at all'), /not a readable zip/);
  });

  test('openPackage names the file it refused', () => {
    const zip = path.join(temp(), 'course.zip');
    writeFileSync(zip, zipSync({ '../../x.html': page }));
    assert.throws(() => openPackage(zip), /^UnsafeZipError: Refused course\.zip: .*outside/);
  });

  test('a zipped folder instead of its contents is explained', () => {
    const zip = path.join(temp(), 'course.zip');
    writeFileSync(zip, zipSync({ 'course/imsmanifest.xml': manifest12 }));
    assert.throws(() => openPackage(zip), /no imsmanifest\.xml at its root.*folder was zipped/s);
  });
});

describe('opening packages', () => {
  test('a safe zip unpacks and opens, and its folder is removed on dispose', () => {
    const zip = path.join(temp(), 'course.zip');
    writeFileSync(zip, zipSync({ 'imsmanifest.xml': manifest12, 'sco/start.html': page }));
    const opened = openPackage(zip);
    assert.equal(opened.info.version, 'scorm12');
    assert.equal(opened.info.launch, 'sco/start.html');
    assert.deepEqual(new Uint8Array(opened.files.read('sco/start.html')!), page);
    opened.dispose();
    assert.equal(existsSync(opened.dir), false);
  });

  test('a folder source never reads outside its folder', () => {
    const files = folderSource(path.join(fixtures, 'third-party-sco-12'));
    assert.ok(files.read('sco/sco.js'));
    assert.equal(files.read('../third-party-sco-2004/imsmanifest.xml'), undefined);
    assert.equal(files.read('/etc/passwd'), undefined);
    assert.equal(files.read('sco'), undefined, 'a folder is not a file');
  });
});

describe('manifests', () => {
  test('SCORM 1.2: mastery score and data from the LMS', () => {
    const info = readManifest(manifest12.toString());
    assert.equal(info.identifier, 'com.example.break-room-rights');
    assert.equal(info.masteryScore, 70);
    assert.equal(info.dataFromLms, 'branch=warehouse');
  });

  test('SCORM 2004: objectives, scaled passing score and data from the LMS', () => {
    const info = readManifest(
      readFileSync(path.join(fixtures, 'third-party-sco-2004/imsmanifest.xml'), 'utf8'),
    );
    assert.equal(info.version, 'scorm2004');
    assert.deepEqual(info.objectiveIds, ['break-rules', 'rest-periods']);
    assert.equal(info.scaledPassingScore, 0.7);
    assert.equal(info.dataFromLms, 'branch=warehouse');
  });
});

describe('the attempt store', () => {
  const key = { packageId: 'MANIFEST/../x', version: 'scorm12', learnerId: 'a b' } as const;

  test('saves atomically, loads, and clears', () => {
    const dir = temp();
    const store = fileAttemptStore(path.join(dir, 'data'));
    assert.equal(store.load(key), undefined);
    store.save(key, { core: { lesson_location: 'p1' } });
    store.save(key, { core: { lesson_location: 'p2' } });
    const files = readdirSync(path.join(dir, 'data'));
    assert.equal(files.length, 1, 'one file per attempt, no temporary files left');
    assert.match(files[0]!, /^[A-Za-z0-9._-]+\.json$/, 'a safe file name');
    assert.deepEqual(store.load(key)?.cmi, { core: { lesson_location: 'p2' } });
    assert.equal(store.load({ ...key, version: 'scorm2004' }), undefined, 'per version');
    assert.equal(store.load({ ...key, learnerId: 'other' }), undefined, 'per learner');
    store.clear(key);
    assert.equal(store.load(key), undefined);
  });

  test('a damaged file reads as no attempt instead of failing the launch', () => {
    const dir = temp();
    const store = fileAttemptStore(dir);
    store.save(key, {});
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), '{"cmi": ');
    assert.equal(store.load(key), undefined);
  });
});
