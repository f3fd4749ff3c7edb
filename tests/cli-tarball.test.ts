/**
 * The installable tool, as an educator gets it: `pnpm pack:cli` makes the tarball, npm
 * installs it into a temporary prefix with no registry (offline, empty cache), and the
 * installed `teach-in` works on a course copied to a folder outside the repository.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { buildToTemp, repoRoot } from './support/build-fixture.ts';
import { validateCmi5, validateManifest } from './support/xsd.ts';

const work = mkdtempSync(path.join(tmpdir(), 'teach-in-tarball-'));
const prefix = path.join(work, 'prefix');
const educator = path.join(work, 'educator');
const installed = path.join(prefix, 'bin', 'teach-in');
const courseId = 'sample-module';

/**
 * The environment an educator's shell has: nothing of this repository. NODE_PATH (which
 * pnpm sets for its scripts) would let the tool find the repository's packages.
 */
const educatorEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => key !== 'NODE_PATH' && !key.startsWith('TEACH_IN_') && !key.startsWith('npm_'),
  ),
);

function teachIn(args: readonly string[]) {
  try {
    const stdout = execFileSync(installed, args, {
      cwd: educator,
      env: educatorEnv,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Starts a long-running command and resolves with the first address it prints. */
function serve(args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(installed, args, { cwd: educator, env: educatorEnv, stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) resolve({ child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`teach-in ${args[0]} exited ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGINT');
  });
}

let tarball = '';

describe('the installable tarball', () => {
  before(() => {
    execFileSync(process.execPath, ['packages/cli/scripts/pack.js', '--out', work], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
    const [name] = readdirSync(work).filter((f) => /^teach-in-\d+\.\d+\.\d+\.tgz$/.test(f));
    assert.ok(name, 'pack:cli wrote teach-in-<version>.tgz');
    tarball = path.join(work, name);
    // An empty npm cache and --offline: the install succeeds only if it needs nothing from
    // a registry, and it compiles nothing (the SQLite addon is inside).
    execFileSync(
      'npm',
      [
        'install',
        '--global',
        '--offline',
        '--prefix',
        prefix,
        '--cache',
        path.join(work, 'npm-cache'),
        tarball,
      ],
      { cwd: work, env: educatorEnv, stdio: 'pipe' },
    );
    cpSync(path.join(repoRoot, 'tooling/bench', courseId), path.join(educator, courseId), {
      recursive: true,
    });
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  test('holds compiled JavaScript only: no dependencies, no TypeScript, no node_modules', () => {
    const root = path.join(prefix, 'lib', 'node_modules', 'teach-in');
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.optionalDependencies, undefined);
    const files = readdirSync(root, { recursive: true }).map(String);
    assert.deepEqual(
      files.filter((f) => f.endsWith('.ts')),
      [],
    );
    assert.deepEqual(
      files.filter((f) => f.includes('node_modules')),
      [],
    );
    assert.ok(files.includes('dist/assets/vendor/scorm-again/dist/scorm12.min.js'));
    assert.ok(files.some((f) => f.startsWith('dist/assets/course-builder/prebuilt-runtime/')));
    assert.ok(!educator.startsWith(repoRoot), 'the course is outside the repository');
  });

  test('check and build work outside the repository; the manifests pass the XSDs', async () => {
    const check = teachIn(['check', courseId]);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /ok sample-module/);

    const build = teachIn(['build', courseId]);
    assert.equal(build.status, 0, build.stderr);
    const out = path.join(educator, 'dist', courseId);
    for (const kind of ['scorm12', 'scorm2004'] as const) {
      const zip = unzipSync(
        new Uint8Array(readFileSync(path.join(out, `${courseId}.${kind}.zip`))),
      );
      const result = await validateManifest(strFromU8(zip['imsmanifest.xml']!), kind);
      assert.deepEqual(result.errors, [], `${kind} manifest`);
    }
    const cmi5 = unzipSync(new Uint8Array(readFileSync(path.join(out, `${courseId}.cmi5.zip`))));
    assert.deepEqual((await validateCmi5(strFromU8(cmi5['cmi5.xml']!))).errors, []);
    assert.ok(existsSync(path.join(out, 'web', 'index.html')));
    assert.ok(existsSync(path.join(out, `${courseId}.guide.html`)));
  });

  test('its prebuilt runtime gives the same bytes as the repository build', () => {
    const repoOut = buildToTemp(
      path.join(repoRoot, 'tooling/bench', courseId),
      'scorm12,scorm2004,cmi5',
    );
    try {
      for (const kind of ['scorm12', 'scorm2004', 'cmi5']) {
        const file = `${courseId}.${kind}.zip`;
        assert.ok(
          readFileSync(path.join(educator, 'dist', courseId, file)).equals(
            readFileSync(path.join(repoOut, courseId, file)),
          ),
          `${file} differs from the repository's`,
        );
      }
    } finally {
      rmSync(repoOut, { recursive: true, force: true });
    }
  });

  test('readability runs', () => {
    const result = teachIn(['readability', courseId]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /grade/);
  });

  test('preview serves the course under the SCORM host, scorm-again included', async () => {
    const { child, url } = await serve(['preview', courseId, '--port', '0']);
    try {
      const page = await fetch(url);
      assert.equal(page.status, 200);
      for (const asset of ['host/scorm12.js', 'host/scorm2004.js', 'host/preview.js']) {
        const response = await fetch(new URL(asset, url));
        assert.equal(response.status, 200, asset);
        assert.ok((await response.text()).length > 1000, `${asset} has content`);
      }
    } finally {
      await stop(child);
    }
  });

  test('workshop serves a room with its SQLite store, from the shipped addon', async () => {
    const data = path.join(work, 'workshop-data');
    const { child, url } = await serve(['workshop', courseId, '--port', '0', '--data', data]);
    try {
      assert.equal((await fetch(url)).status, 200);
      const css = await fetch(new URL('static/workshop.css', url));
      assert.equal(css.status, 200);
      assert.ok(existsSync(path.join(data, 'workshop.sqlite')));
    } finally {
      await stop(child);
    }
  });

  test('serve runs the LTI tool with its SQLite store and publishes its keys', async () => {
    const data = path.join(work, 'lti-data');
    const { child, url } = await serve(['serve', courseId, '--port', '0', '--data', data]);
    try {
      const jwks = (await (await fetch(new URL('.well-known/jwks.json', url))).json()) as {
        keys: { kty: string }[];
      };
      assert.equal(jwks.keys[0]?.kty, 'RSA');
      assert.equal((await fetch(new URL('lti/canvas.json', url))).status, 200);
      assert.ok(existsSync(path.join(data, 'lti-tool.sqlite')));
    } finally {
      await stop(child);
    }
  });

  test('new scaffolds a course that checks and builds', {
    skip: !teachInHelpListsNew() && 'teach-in new is not on this branch yet',
  }, () => {
    const created = teachIn(['new', 'my-course']);
    assert.equal(created.status, 0, created.stderr);
    assert.equal(teachIn(['check', 'my-course']).status, 0);
    const built = teachIn(['build', 'my-course', '--out', 'my-dist']);
    assert.equal(built.status, 0, built.stderr);
  });
});

function teachInHelpListsNew(): boolean {
  return readFileSync(path.join(repoRoot, 'packages/cli/src/help.ts'), 'utf8').includes(
    'teach-in new',
  );
}
