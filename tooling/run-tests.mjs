#!/usr/bin/env node
// `pnpm test`: runs every suite, even after one fails, prints each suite's result and a
// summary, and exits 1 if any suite failed. Plain Node so that it runs before anything else.
//
// Stages run one after another; the suites inside a stage run side by side. Only lint and
// typecheck share a stage: they read files and never time anything, so running them together
// cannot make a test flaky. The unit, browser and end-to-end suites have tests that wait for
// servers and browsers, so each gets the machine to itself.
//
// A suite that runs alone streams its output as it comes (CI reads node's closing lines and
// the `browser: N passed, N failed` line). Suites that share a stage are buffered and printed
// whole, one after the other, so their lines never interleave.
//
// Usage: node tooling/run-tests.mjs [suite...]   (default: every suite, e.g. `unit e2e`)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** @typedef {{ name: string, command: string, args: string[] }} Suite */
/** @typedef {{ name: string, ok: boolean, seconds: number, exitCode: number | null }} SuiteResult */

/** @type {Suite[][]} */
export const defaultPlan = [
  [
    { name: 'lint', command: 'pnpm', args: ['run', 'lint'] },
    { name: 'typecheck', command: 'pnpm', args: ['run', 'typecheck'] },
  ],
  [{ name: 'unit', command: 'pnpm', args: ['run', 'test:unit'] }],
  [{ name: 'browser', command: 'pnpm', args: ['run', 'test:browser'] }],
  [{ name: 'e2e', command: 'pnpm', args: ['run', 'test:e2e'] }],
];

/**
 * @param {Suite} suite
 * @param {boolean} buffered
 * @param {NodeJS.WritableStream} out
 * @returns {Promise<SuiteResult & { output: string }>}
 */
function runSuite(suite, buffered, out) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(suite.command, suite.args, {
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const finish = (/** @type {number | null} */ exitCode, /** @type {string} */ extra) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ name: suite.name, ok: exitCode === 0, seconds, exitCode, output: output + extra });
    };
    child.on('error', (error) => {
      const message = `could not start ${suite.command}: ${error.message}\n`;
      if (!buffered) out.write(message);
      finish(null, buffered ? message : '');
    });
    child.on('close', (code) => finish(code, ''));
  });
}

/** @param {SuiteResult} result */
function resultLine(result) {
  const verdict = result.ok ? 'passed' : `FAILED (exit ${result.exitCode ?? 'none'})`;
  return `${result.name}: ${verdict} in ${result.seconds.toFixed(1)} s`;
}

/**
 * Runs the plan's stages in order; every suite runs whatever happened before.
 * @param {Suite[][]} plan
 * @param {NodeJS.WritableStream} [out]
 * @returns {Promise<{ ok: boolean, results: SuiteResult[] }>}
 */
export async function runPlan(plan, out = process.stdout) {
  /** @type {SuiteResult[]} */
  const results = [];
  const started = performance.now();
  for (const stage of plan) {
    const buffered = stage.length > 1;
    if (buffered) out.write(`\n== ${stage.map((s) => s.name).join(' + ')} (side by side)\n`);
    const running = stage.map((suite) => {
      if (!buffered) out.write(`\n== ${suite.name}\n`);
      return runSuite(suite, buffered, out);
    });
    for (const pending of running) {
      const { output, ...result } = await pending;
      if (buffered) out.write(`\n-- ${result.name} output\n${output}`);
      out.write(`== ${resultLine(result)}\n`);
      results.push(result);
    }
  }
  const failed = results.filter((r) => !r.ok);
  const total = ((performance.now() - started) / 1000).toFixed(1);
  out.write(`\n== summary (${total} s)\n`);
  for (const result of results) out.write(`  ${resultLine(result)}\n`);
  out.write(
    failed.length === 0
      ? `all ${results.length} suites passed\n`
      : `${failed.length} of ${results.length} suites failed: ${failed.map((r) => r.name).join(', ')}\n`,
  );
  return { ok: failed.length === 0, results };
}

/**
 * The default plan narrowed to the named suites, keeping stages; unknown names throw.
 * @param {string[]} names
 * @returns {Suite[][]}
 */
export function selectSuites(names) {
  if (names.length === 0) return defaultPlan;
  const known = defaultPlan.flat().map((s) => s.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new Error(`unknown suite ${unknown.join(', ')}; the suites are ${known.join(', ')}`);
  }
  return defaultPlan
    .map((stage) => stage.filter((s) => names.includes(s.name)))
    .filter((stage) => stage.length > 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let plan;
  try {
    plan = selectSuites(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`run-tests: ${/** @type {Error} */ (error).message}\n`);
    process.exit(2);
  }
  const { ok } = await runPlan(plan);
  process.exitCode = ok ? 0 : 1;
}
