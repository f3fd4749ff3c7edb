// Loaded with `node --import` by tests/bad-input-cli.test.ts only: makes the file system
// throw an unexpected (non-file-system) error when a course.yaml is looked up, so the test
// sees what an author sees when Teach-in itself has a bug. Nothing in the CLI knows of it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const existsSync = fs.existsSync;
fs.existsSync = (file) => {
  if (String(file).endsWith('course.yaml')) throw new TypeError('injected fault for the crash test');
  return existsSync(file);
};
syncBuiltinESMExports();
