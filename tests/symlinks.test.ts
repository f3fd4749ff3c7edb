import assert from 'node:assert/strict';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { startCoursePreview } from '@teach-in/cli';
import { unzipSync } from 'fflate';
import { buildToTemp, repoRoot, runCli } from './support/build-fixture.ts';

/**
 * A symlink in a course folder that leads out of it (media/x.png -> /etc/passwd) must never
 * put the outside file's contents in a package, the web copy or a preview response.
 */
const marker = 'SECRET-OUTSIDE-MARKER';
const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Every file under `dir`, zips included as bytes: the marker is searched in all of them. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

/** The sample course with an image that is a symlink to a file outside the course folder. */
function courseWithOutsideLink(): { course: string; secret: string } {
  const root = temp('teach-in-symlink-');
  const secret = path.join(root, 'secret.png');
  writeFileSync(secret, `${marker}\n`);
  const course = path.join(root, 'sample-module');
  cpSync(path.join(repoRoot, 'tooling/bench/sample-module'), course, { recursive: true });
  mkdirSync(path.join(course, 'media'));
  symlinkSync(secret, path.join(course, 'media/chart.png'));
  appendFileSync(
    path.join(course, 'modules/your-data-rights.md'),
    '\n![A chart of who sees your data](../media/chart.png)\n',
  );
  return { course, secret };
}

describe('a symlink out of the course folder', () => {
  test('check and build refuse it with a positioned error, and nothing is written', () => {
    const { course } = courseWithOutsideLink();
    const check = runCli(['check', course], course);
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stderr, /error\[symlink-outside-course\]/);
    assert.match(check.stderr, /--> modules\/your-data-rights\.md:\d+:1/);
    assert.doesNotMatch(check.stderr, new RegExp(marker));
    const out = temp('teach-in-symlink-out-');
    const build = runCli(['build', course, '--out', out], course);
    assert.equal(build.status, 1, build.stderr);
    assert.deepEqual(readdirSync(out), [], 'nothing was written');
  });

  test('once the link is replaced by a real file, the build packages that file, not the outside one', () => {
    const { course } = courseWithOutsideLink();
    rmSync(path.join(course, 'media/chart.png'));
    writeFileSync(path.join(course, 'media/chart.png'), 'a real picture\n');
    const out = buildToTemp(course, 'scorm12,scorm2004,cmi5,web');
    const files = everyFile(out);
    assert.ok(files.some((file) => file.endsWith('.scorm12.zip')));
    for (const file of files) {
      assert.ok(!readFileSync(file).includes(marker), `${file} holds the outside file`);
    }
  });

  test('the preview of the course shows the error and serves nothing from outside', async () => {
    const { course } = courseWithOutsideLink();
    const preview = await startCoursePreview(course, { dataDir: temp('teach-in-symlink-data-') });
    try {
      const page = await (await fetch(preview.url)).text();
      assert.match(page, /symlink-outside-course/);
      assert.doesNotMatch(page, new RegExp(marker));
      for (const area of ['web', 'scorm12', 'scorm2004', 'cmi5']) {
        const response = await fetch(new URL(`/content/${area}/media/chart.png`, preview.url));
        assert.doesNotMatch(await response.text(), new RegExp(marker), area);
      }
    } finally {
      await preview.close();
    }
  });

  test('the preview of a package folder does not follow a link out of it', async () => {
    const built = buildToTemp(path.join(repoRoot, 'tooling/bench/sample-module'), 'scorm12');
    temps.push(built);
    const scorm = temp('teach-in-symlink-package-');
    unzipTo(path.join(built, 'sample-module/sample-module.scorm12.zip'), scorm);
    const secret = path.join(temp('teach-in-symlink-secret-'), 'secret.txt');
    writeFileSync(secret, `${marker}\n`);
    symlinkSync(secret, path.join(scorm, 'linked.txt'));
    symlinkSync(path.dirname(secret), path.join(scorm, 'linked-folder'));
    const preview = await startCoursePreview(scorm, { dataDir: temp('teach-in-symlink-data-') });
    try {
      for (const area of ['scorm12', 'web']) {
        for (const file of ['linked.txt', 'linked-folder/secret.txt']) {
          const response = await fetch(new URL(`/content/${area}/${file}`, preview.url));
          assert.equal(response.status, 404, `${area}/${file}`);
          assert.doesNotMatch(await response.text(), new RegExp(marker));
        }
      }
      const index = await fetch(new URL('/content/scorm12/index.html', preview.url));
      assert.equal(index.status, 200, 'files inside the package are served');
    } finally {
      await preview.close();
    }
  });
});

function unzipTo(zip: string, dir: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(file, bytes);
  }
}
