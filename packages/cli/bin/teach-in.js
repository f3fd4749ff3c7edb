#!/usr/bin/env node
// In the repository: runs the compiled CLI (packages/cli/dist), compiled first when a
// source changed since the last compile (scripts/compile.js). TEACH_IN_FROM_SOURCE=1 runs
// the TypeScript sources through tsx instead, for debugging with exact line numbers.
let main;
if (process.env.TEACH_IN_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
} else {
  const { compiledCli } = await import('../scripts/compile.js');
  ({ main } = await import(await compiledCli()));
}
process.exitCode = await main(process.argv.slice(2));
