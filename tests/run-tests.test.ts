/**
 * The `pnpm test` runner (tooling/run-tests.mjs): every suite runs even after one fails, the
 * summary names every failure, the exit code says so, and a stage's suites really run at once.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultPlan, runPlan, type Suite, selectSuites } from '../tooling/run-tests.mjs';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const node = (name: string, script: string): Suite => ({
  name,
  command: process.execPath,
  args: ['-e', script],
});

async function run(plan: Suite[][]) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => {
    text += chunk;
  });
  const result = await runPlan(plan, out);
  return { ...result, text };
}

describe('tooling/run-tests.mjs', () => {
  test('runs every suite after a failure and names every failed suite', async () => {
    const { ok, results, text } = await run([
      [node('first', 'console.log("first says hi"); process.exit(3)')],
      [node('second', 'console.log("second ran")')],
      [{ name: 'third', command: 'no-such-command-teach-in', args: [] }],
    ]);
    assert.equal(ok, false);
    assert.deepEqual(
      results.map((r) => [r.name, r.ok, r.exitCode]),
      [
        ['first', false, 3],
        ['second', true, 0],
        ['third', false, null],
      ],
    );
    assert.match(text, /first: FAILED \(exit 3\)/);
    assert.match(text, /second: passed in/);
    assert.match(text, /2 of 3 suites failed: first, third\n$/);
  });

  test('suites of one stage run side by side, and their output is printed whole', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'run-tests-'));
    const flag = JSON.stringify(path.join(dir, 'flag'));
    // "waiter" passes only if "writer" writes the flag while waiter is still running.
    const waiter = node(
      'waiter',
      `const fs = require('node:fs'); const until = Date.now() + 20000;
       const poll = () => fs.existsSync(${flag}) ? console.log('waiter saw the flag')
         : Date.now() > until ? process.exit(1) : setTimeout(poll, 20);
       poll();`,
    );
    const writer = node(
      'writer',
      `console.log('writer line 1'); require('node:fs').writeFileSync(${flag}, 'x'); console.log('writer line 2')`,
    );
    const { ok, text } = await run([[waiter, writer]]);
    assert.equal(ok, true, text);
    assert.match(text, /-- waiter output\nwaiter saw the flag\n/);
    assert.match(text, /-- writer output\nwriter line 1\nwriter line 2\n/);
    assert.match(text, /all 2 suites passed\n$/);
    assert.equal(await readFile(path.join(dir, 'flag'), 'utf8'), 'x');
  });

  test('pnpm test is the runner, over every suite the package defines', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(pkg.scripts.test, 'node tooling/run-tests.mjs');
    const scripts = defaultPlan.flat().map((s) => s.args.at(-1));
    assert.deepEqual(scripts, ['lint', 'typecheck', 'test:unit', 'test:browser', 'test:e2e']);
    for (const script of scripts) assert.ok(pkg.scripts[script], `no "${script}" script`);
    assert.deepEqual(
      selectSuites(['e2e', 'unit']).map((stage) => stage.map((s) => s.name)),
      [['unit'], ['e2e']],
    );
  });

  test('an unknown suite name is a usage error (exit 2)', () => {
    const result = spawnSync(process.execPath, ['tooling/run-tests.mjs', 'nope'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown suite nope; the suites are lint, typecheck, unit/);
  });
});
