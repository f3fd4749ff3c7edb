// @ts-check
/**
 * better-sqlite3 for the installed tarball. Its addon is compiled for one platform and
 * Node ABI; `pnpm pack:cli` ships the one this machine built (native/), so installing
 * compiles nothing and needs no network. Elsewhere (another OS, another Node major), a
 * better-sqlite3 installed beside teach-in (`npm install -g better-sqlite3@12.9.0`) is used.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { addonName } from './native-name.js';

const require = createRequire(import.meta.url);

/** @type {unknown} */
let addon;

function loadAddon() {
  if (addon) return addon;
  const shipped = fileURLToPath(new URL(`./native/${addonName()}`, import.meta.url));
  try {
    addon = require(shipped);
    return addon;
  } catch (shippedError) {
    try {
      const installed = require.resolve('better-sqlite3/package.json');
      addon = require(installed.replace(/package\.json$/, 'build/Release/better_sqlite3.node'));
      return addon;
    } catch {
      throw new Error(
        `The workshop needs SQLite built for ${process.platform}-${process.arch} Node ${process.versions.node}, and this teach-in was packed elsewhere (${/** @type {Error} */ (shippedError).message.split('\n')[0]}). Install it beside teach-in: npm install -g better-sqlite3@12.9.0`,
      );
    }
  }
}

/**
 * @param {string} filename
 * @param {import('better-sqlite3').Options} [options]
 */
function ShippedDatabase(filename, options) {
  return new Database(filename, { nativeBinding: /** @type {any} */ (loadAddon()), ...options });
}
ShippedDatabase.prototype = Database.prototype;

export default ShippedDatabase;
