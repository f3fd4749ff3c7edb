// @ts-check
/**
 * Compiles the `teach-in` command, with the workspace packages and npm packages it
 * imports, into plain JavaScript for Node 20 (esbuild). Two targets:
 *
 * - `repo`: what `pnpm exec teach-in` runs (bin/teach-in.js compiles on demand when a
 *   source changed). Every workspace module keeps its own `import.meta.url`, so its static
 *   files and `require.resolve` find what they find under tsx. Vite and better-sqlite3 stay
 *   outside the bundle (a bundler with native parts; a native addon), imported by their
 *   absolute location in node_modules.
 * - `tarball`: a folder with no node_modules, for `pnpm pack:cli`. Each workspace file's
 *   `new URL('<relative>', import.meta.url)` and `require.resolve('<package file>')` is
 *   rewritten to a copy under `assets/` beside the code (npm packages' files under
 *   `assets/vendor/`), and the copy is made. Any other use of `import.meta.url` stops the
 *   compile: it would break only once installed.
 *
 * Every file in src/commands is an entry point, so a new command is compiled without
 * being listed here; main.ts imports each command only when it runs.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const cliRoot = fileURLToPath(new URL('../', import.meta.url));
export const repoRoot = path.resolve(cliRoot, '../..');
const packagesDir = path.join(repoRoot, 'packages');

/** Asset folders the installed tool does not need: the runtime ships prebuilt instead. */
const notShipped = [path.join(packagesDir, 'course-builder/runtime')];

/**
 * @param {{ mode: 'repo' | 'tarball', outDir: string, extraEntries?: Record<string, string> }} options
 * @returns {Promise<{ metafile: import('esbuild').Metafile, assets: string[] }>}
 */
export async function compile({ mode, outDir, extraEntries = {} }) {
  const { build } = await import('esbuild');
  /** @type {Map<string, string>} copy from (absolute) to (relative to outDir) */
  const assets = new Map();
  const commandsDir = path.join(cliRoot, 'src/commands');
  /** @type {Record<string, string>} */
  const entryPoints = { main: path.join(cliRoot, 'src/main.ts'), ...extraEntries };
  for (const name of readdirSync(commandsDir)) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      entryPoints[`command-${name.slice(0, -3)}`] = path.join(commandsDir, name);
    }
  }
  const result = await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // One flat folder: every file's import.meta.url has the same base, so assets/ and
    // native/ are found from any chunk.
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'eof',
    // Bundled CommonJS packages (sanitize-html, postcss and their dependencies) call require
    // for Node's own modules: give each chunk one.
    banner: {
      js: "import { createRequire as __teachInCreateRequire } from 'node:module'; const require = __teachInCreateRequire(import.meta.url);",
    },
    // Replaced below by a hash of the compiled code (build-stamp.ts in course-builder).
    define: { __TEACH_IN_BUILD_ID__: JSON.stringify(buildIdPlaceholder) },
    external: mode === 'tarball' ? ['vite'] : [],
    plugins: [
      mode === 'repo' ? keepOutsideBundle(['vite', 'better-sqlite3']) : sqliteWithShippedAddon(),
      workspaceFileLocations(mode, assets),
    ],
  });
  stampBuildId(outDir);
  for (const [from, to] of assets) {
    if (existsSync(from) && !notShipped.some((skip) => from.startsWith(skip))) {
      cpSync(from, path.join(outDir, to), { recursive: true });
    }
  }
  return { metafile: result.metafile, assets: [...assets.values()] };
}

const buildIdPlaceholder = '__TEACH_IN_BUILD_ID_PLACEHOLDER__';

/**
 * Writes into the compiled code a SHA-256 of that code (taken with the placeholder in
 * place), so the builder can tell that outputs of an earlier build came from this same
 * code and reuse them when nothing else changed either.
 * @param {string} outDir
 */
function stampBuildId(outDir) {
  const files = readdirSync(outDir)
    .filter((name) => name.endsWith('.js'))
    .sort();
  const hash = createHash('sha256');
  for (const name of files) hash.update(`${name}\n`).update(readFileSync(path.join(outDir, name)));
  const id = hash.digest('hex');
  for (const name of files) {
    const file = path.join(outDir, name);
    const code = readFileSync(file, 'utf8');
    if (code.includes(buildIdPlaceholder)) {
      writeFileSync(file, code.replaceAll(buildIdPlaceholder, id));
    }
  }
}

/**
 * @param {string[]} names packages imported from their own folder, by absolute URL
 * @returns {import('esbuild').Plugin}
 */
function keepOutsideBundle(names) {
  const filter = new RegExp(`^(${names.join('|')})$`);
  return {
    name: 'keep-outside-bundle',
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData?.resolving) return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: { resolving: true },
        });
        if (found.errors.length > 0) return { errors: found.errors };
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
}

/**
 * better-sqlite3 bundled, with the addon this machine built shipped beside it
 * (sqlite-native.js): installing the tarball then compiles nothing and needs no network.
 * @returns {import('esbuild').Plugin}
 */
function sqliteWithShippedAddon() {
  const shim = fileURLToPath(new URL('./sqlite-native.js', import.meta.url));
  return {
    name: 'sqlite-with-shipped-addon',
    setup(build) {
      build.onResolve({ filter: /^better-sqlite3$/ }, async (args) => {
        if (args.pluginData?.resolving) return undefined;
        if (args.importer !== shim) return { path: shim };
        // The shim's own import: the package the workshop server depends on.
        return build.resolve(args.path, {
          kind: args.kind,
          resolveDir: path.join(packagesDir, 'workshop-server'),
          pluginData: { resolving: true },
        });
      });
    },
  };
}

const metaUrl = 'import.meta.url';
const placeholder = '__TEACH_IN_IMPORT_META_URL__';
const urlPattern = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;
const resolvePattern = /\brequire\.resolve\(\s*(['"])([^'"]+)\1\s*\)/g;

/**
 * @param {'repo' | 'tarball'} mode
 * @param {Map<string, string>} assets
 * @returns {import('esbuild').Plugin}
 */
function workspaceFileLocations(mode, assets) {
  return {
    name: 'workspace-file-locations',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(packagesDir) || args.path.includes(`${path.sep}node_modules`)) {
          return undefined;
        }
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(metaUrl)) return undefined;
        const contents =
          mode === 'repo'
            ? source.replaceAll(metaUrl, JSON.stringify(pathToFileURL(args.path).href))
            : relocate(args.path, source, assets);
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * @param {string} file
 * @param {string} source
 * @param {Map<string, string>} assets
 */
function relocate(file, source, assets) {
  const dir = path.dirname(file);
  let text = source.replace(urlPattern, (_whole, _quote, relative) => {
    const target = path.resolve(dir, relative);
    const inPackages = path.relative(packagesDir, target);
    if (inPackages.startsWith('..')) {
      throw new Error(`${file}: ${relative} points outside packages/; it cannot be shipped.`);
    }
    const shipped = `assets/${inPackages.split(path.sep).join('/')}${relative.endsWith('/') ? '/' : ''}`;
    assets.set(target, shipped);
    return `new URL(${JSON.stringify(`./${shipped}`)}, ${placeholder})`;
  });
  let resolved = false;
  text = text.replace(resolvePattern, (_whole, _quote, specifier) => {
    const target = createRequire(file).resolve(specifier);
    const marker = `node_modules${path.sep}`;
    const inModules = target.slice(target.lastIndexOf(marker) + marker.length);
    const shipped = `assets/vendor/${inModules.split(path.sep).join('/')}`;
    assets.set(target, shipped);
    resolved = true;
    return `__teachInFileURLToPath(new URL(${JSON.stringify(`./${shipped}`)}, ${placeholder}))`;
  });
  text = text.replaceAll(`createRequire(${metaUrl})`, `createRequire(${placeholder})`);
  const line = text.slice(0, text.indexOf(metaUrl)).split('\n').length;
  if (text.includes(metaUrl)) {
    throw new Error(
      `${file}:${line}: import.meta.url is used in a way the tarball cannot ship. Write new URL('<relative path>', import.meta.url) for a file or folder beside the code.`,
    );
  }
  if (resolved) {
    text = `import { fileURLToPath as __teachInFileURLToPath } from 'node:url';\n${text}`;
  }
  return text.replaceAll(placeholder, metaUrl);
}

// ---- On demand, for bin/teach-in.js ------------------------------------------------------

const distDir = path.join(cliRoot, 'dist');
const stampFile = path.join(distDir, 'stamp.json');

/**
 * The compiled main.js, compiled first if any source it was made from changed (or a file
 * was added beside one). Checking costs a few hundred stat calls: milliseconds.
 * @returns {Promise<string>} its file URL
 */
export async function compiledCli() {
  const stamp = readStamp();
  if (stamp && isFresh(stamp))
    return pathToFileURL(path.join(distDir, stamp.build, 'main.js')).href;
  return pathToFileURL(path.join(distDir, (await compileRepo()).build, 'main.js')).href;
}

/**
 * @typedef {{ build: string, mtimes: Record<string, number> }} Stamp
 * @returns {Stamp | undefined}
 */
function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {Stamp} stamp */
function isFresh(stamp) {
  if (!existsSync(path.join(distDir, stamp.build, 'main.js'))) return false;
  for (const [file, mtime] of Object.entries(stamp.mtimes)) {
    const now = statSync(path.join(repoRoot, file), { throwIfNoEntry: false });
    if (now?.mtimeMs !== mtime) return false;
  }
  return true;
}

/** Compiles into a new folder, then points the stamp at it: concurrent runs never clash. */
export async function compileRepo() {
  const { mkdirSync, renameSync, rmSync } = await import('node:fs');
  const build = `build-${Date.now().toString(36)}-${process.pid}`;
  const outDir = path.join(distDir, build);
  const { metafile } = await compile({
    mode: 'repo',
    outDir,
    extraEntries: { 'course-builder': path.join(packagesDir, 'course-builder/src/index.ts') },
  });
  writeFileSync(path.join(outDir, 'meta.json'), JSON.stringify(metafile));
  const watched = new Set([
    'pnpm-lock.yaml',
    'packages/cli/scripts/compile.js',
    'packages/cli/scripts/sqlite-native.js',
  ]);
  for (const input of Object.keys(metafile.inputs)) {
    const file = path.resolve(input);
    if (!file.startsWith(packagesDir) || file.includes(`${path.sep}node_modules`)) continue;
    watched.add(path.relative(repoRoot, file));
    // A folder's mtime changes when a file is added to it (a new command, a new module).
    watched.add(path.relative(repoRoot, path.dirname(file)));
  }
  /** @type {Record<string, number>} */
  const mtimes = {};
  for (const file of [...watched].sort())
    mtimes[file] = statSync(path.join(repoRoot, file)).mtimeMs;
  const temp = `${stampFile}.${process.pid}.tmp`;
  mkdirSync(distDir, { recursive: true });
  writeFileSync(temp, JSON.stringify({ build, mtimes }, null, 1));
  renameSync(temp, stampFile);
  // Earlier builds an hour old: no running command still loads chunks from them.
  for (const name of readdirSync(distDir)) {
    const old = path.join(distDir, name);
    if (name.startsWith('build-') && name !== build && statSync(old).mtimeMs < Date.now() - 3.6e6) {
      rmSync(old, { recursive: true, force: true });
    }
  }
  return { build, outDir, metafile };
}
