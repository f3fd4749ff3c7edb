import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unpackZip } from '@teach-in/lms-host';
import { XMLParser } from 'fast-xml-parser';
import { buildToTemp, readZip, repoRoot } from './support/build-fixture.ts';
import { validateCmi5 } from './support/xsd.ts';

/** The sample module passes at 80% and completes on "both": pages seen and passed. */
const course = path.join(repoRoot, 'tooling/bench/sample-module');
let out: string;
let dir: string;
let files: string[];

before(() => {
  out = buildToTemp(course, 'cmi5');
  dir = mkdtempSync(path.join(tmpdir(), 'teach-in-cmi5-'));
  files = unpackZip(readZip(path.join(out, 'sample-module', 'sample-module.cmi5.zip')), dir);
});
after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('the cmi5 package', () => {
  test('cmi5.xml sits at the zip root and is valid against CourseStructure.xsd', async () => {
    assert.ok(files.includes('cmi5.xml'));
    const result = await validateCmi5(readFileSync(path.join(dir, 'cmi5.xml'), 'utf8'));
    assert.deepEqual(result.errors, []);
  });

  test('one AU at a relative URL inside the zip, moveOn and masteryScore from course.yaml', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(path.join(dir, 'cmi5.xml'), 'utf8'),
    );
    const au = xml.courseStructure.au;
    assert.equal(au.moveOn, 'CompletedAndPassed');
    assert.equal(au.masteryScore, '0.8000');
    assert.equal(au.url, 'index.html');
    assert.ok(files.includes(au.url));
    assert.match(au.id, /^urn:teach-in:course:sample-module:au$/);
    assert.equal(xml.courseStructure.course.id, 'urn:teach-in:course:sample-module');
  });

  test('the page may reach the LMS endpoint, and nothing else but its own files', () => {
    const page = readFileSync(path.join(dir, 'index.html'), 'utf8');
    assert.match(page, /data-lms="cmi5"/);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    // Connections are the launch's: the runtime adds `connect-src <its origins>` before any
    // request (tests/cmi5-lrs-origin.test.ts proves that only those are reached).
    assert.doesNotMatch(policy ?? '', /connect-src|default-src/);
    assert.match(policy ?? '', /script-src 'self'/);
    assert.match(policy ?? '', /object-src 'none'/);
  });

  test('the same sources give a byte-identical zip', () => {
    const again = buildToTemp(course, 'cmi5');
    const a = readZip(path.join(out, 'sample-module', 'sample-module.cmi5.zip'));
    const b = readZip(path.join(again, 'sample-module', 'sample-module.cmi5.zip'));
    rmSync(again, { recursive: true, force: true });
    assert.deepEqual(a, b);
  });
});
