/**
 * The preview sees every save, however the editor writes the file: in place, a new file
 * renamed over the old one (vim, `sed -i`, most IDEs), or delete-then-create; and a burst
 * of saves gives one rebuild. Each save flips a marker in the module, and the test waits
 * for a rebuild whose web copy shows the new marker.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { PreviewBuild } from '@teach-in/lms-host';
import { type CoursePreview, startCoursePreview } from '../src/commands/preview.ts';
import { watchCourse } from '../src/commands/watch-course.ts';

const template = fileURLToPath(new URL('../templates/new-course/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'teach-in-saves-'));
const course = path.join(work, 'course');
const moduleFile = path.join(course, 'modules/getting-started.md');
const original = readFileSync(path.join(template, 'modules/getting-started.md'), 'utf8');
const anchor = 'This module shows every kind of question';

/** The module with a marker sentence in its first page. */
const withMarker = (marker: string) => original.replace(anchor, `${marker}. ${anchor}`);

function webText(build: PreviewBuild): string {
  if (build.kind !== 'ready') return `broken: ${build.diagnostics.map((d) => d.code).join(' ')}`;
  const page = build.packages.get('web')?.read('index.html');
  return page ? new TextDecoder().decode(page) : '';
}

describe('the preview sees every kind of save', () => {
  let preview: CoursePreview;
  const builds: PreviewBuild[] = [];
  let waiters: Array<() => void> = [];

  /** Resolves at the first rebuild (past or future) whose web copy contains `marker`. */
  async function rebuiltWith(marker: string, since: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!builds.slice(since).some((b) => webText(b).includes(marker))) {
      const left = deadline - Date.now();
      if (left <= 0) {
        const last = builds.at(-1);
        assert.fail(`no rebuild showed "${marker}"; last: ${last ? webText(last) : 'none'}`);
      }
      await Promise.race([new Promise<void>((r) => waiters.push(r)), sleep(Math.min(left, 500))]);
    }
  }

  before(async () => {
    cpSync(template, course, { recursive: true });
    const yaml = path.join(course, 'course.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8')
        .replace(/__COURSE_\w+__/g, 'saves')
        .replace('__CHECKED__', '2026-12-01')
        .replace('__RECHECK__', '2099-12-01'),
    );
    preview = await startCoursePreview(course, {
      port: 0,
      dataDir: path.join(work, 'data'),
      onRebuild: (build) => {
        builds.push(build);
        for (const wake of waiters) wake();
        waiters = [];
      },
    });
  });

  after(async () => {
    await preview?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('a write in place', async () => {
    const since = builds.length;
    writeFileSync(moduleFile, withMarker('Marker in place'));
    await rebuiltWith('Marker in place', since);
  });

  test('sed -i: a new file renamed over the old one', async () => {
    const since = builds.length;
    execFileSync('sed', ['-i', 's/Marker in place/Marker from sed/', moduleFile]);
    assert.match(readFileSync(moduleFile, 'utf8'), /Marker from sed/);
    await rebuiltWith('Marker from sed', since);
  });

  test('vim: the old file moved to a backup, the new one written, the backup removed', async () => {
    const since = builds.length;
    renameSync(moduleFile, `${moduleFile}~`);
    writeFileSync(moduleFile, withMarker('Marker from vim'));
    unlinkSync(`${moduleFile}~`);
    await rebuiltWith('Marker from vim', since);
  });

  test('an IDE: written to a temporary file, then renamed into place', async () => {
    const since = builds.length;
    const temporary = path.join(course, 'modules', '.getting-started.md.tmp-1234');
    writeFileSync(temporary, withMarker('Marker from rename'));
    renameSync(temporary, moduleFile);
    await rebuiltWith('Marker from rename', since);
  });

  test('delete, then create the file again', async () => {
    const since = builds.length;
    unlinkSync(moduleFile);
    // Long enough for the deletion to be seen on its own: the course is broken meanwhile.
    await rebuiltWith('broken: missing-module-file', since);
    writeFileSync(moduleFile, withMarker('Marker recreated'));
    await rebuiltWith('Marker recreated', since);
  });

  test('each of several saves after that is seen, the last one wins', async () => {
    const since = builds.length;
    for (let n = 1; n <= 3; n++) {
      renameSync(moduleFile, `${moduleFile}~`);
      writeFileSync(moduleFile, withMarker(`Marker round ${n}`));
      unlinkSync(`${moduleFile}~`);
      await rebuiltWith(`Marker round ${n}`, since);
    }
    assert.match(webText(builds.at(-1)!), /Marker round 3/);
  });
});

describe('watchCourse', () => {
  test('a burst of saves gives one rebuild; a save during a rebuild gives one more', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-burst-'));
    const file = path.join(dir, 'a.md');
    writeFileSync(file, '0');
    let rebuilds = 0;
    let release: () => void = () => {};
    let started: () => void = () => {};
    let firstStarted = new Promise<void>((r) => {
      started = r;
    });
    const stop = await watchCourse(
      dir,
      async () => {
        rebuilds += 1;
        started();
        if (rebuilds === 1) await new Promise<void>((r) => (release = r));
      },
      100,
    );
    try {
      for (let n = 1; n <= 5; n++) writeFileSync(file, String(n));
      await firstStarted;
      assert.equal(rebuilds, 1);
      // Saved while the first rebuild runs: one more rebuild, after it.
      firstStarted = Promise.resolve();
      writeFileSync(file, 'during');
      writeFileSync(path.join(dir, 'b.md'), 'during');
      await sleep(400);
      assert.equal(rebuilds, 1, 'never two rebuilds at once');
      release();
      const deadline = Date.now() + 10_000;
      while (rebuilds < 2 && Date.now() < deadline) await sleep(20);
      assert.equal(rebuilds, 2);
      await sleep(400);
      assert.equal(rebuilds, 2, 'and no more');
    } finally {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('ignores build output, version control and editor swap files in the course folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-ignore-'));
    let rebuilds = 0;
    const stop = await watchCourse(
      dir,
      async () => {
        rebuilds += 1;
      },
      50,
    );
    try {
      for (const name of ['dist', '.git']) {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, 'x'), 'x');
      }
      writeFileSync(path.join(dir, '.a.md.swp'), 'x');
      writeFileSync(path.join(dir, 'a.md~'), 'x');
      await sleep(500);
      assert.equal(rebuilds, 0);
      writeFileSync(path.join(dir, 'a.md'), 'x');
      const deadline = Date.now() + 10_000;
      while (rebuilds < 1 && Date.now() < deadline) await sleep(20);
      assert.equal(rebuilds, 1, 'a course file is still seen');
    } finally {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
