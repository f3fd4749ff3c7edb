#!/usr/bin/env node
// @ts-check
/**
 * `pnpm pack:cli`: one installable tarball of the `teach-in` command, teach-in-<version>.tgz.
 *
 * Inside: the CLI compiled to plain JavaScript with every npm package it uses bundled
 * (compile.js, tarball mode), the static files its servers send, the runtime bundles
 * prebuilt for every interface language and LMS kind (so the installed tool never runs a
 * bundler and needs no Vite), and the SQLite addon this machine built for the workshop.
 * It has no dependencies: `npm install -g ./teach-in-<version>.tgz` downloads and compiles
 * nothing, so it installs offline.
 *
 * Usage: node packages/cli/scripts/pack.js [--out <folder>]   (default: the repository root)
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliRoot, compile, compiledCli, repoRoot } from './compile.js';
import { addonName } from './native-name.js';

const prebuiltAssets = 'assets/course-builder/prebuilt-runtime/';

/**
 * @param {{ out?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ file: string, bytes: number, unpackedBytes: number, files: number }>}
 */
export async function packCli({ out = repoRoot, log = () => {} } = {}) {
  const version = JSON.parse(readFileSync(path.join(cliRoot, 'package.json'), 'utf8')).version;
  const work = mkdtempSync(path.join(tmpdir(), 'teach-in-pack-'));
  try {
    const stage = path.join(work, 'teach-in');
    const dist = path.join(stage, 'dist');
    log('compiling the CLI');
    const { metafile, assets } = await compile({ mode: 'tarball', outDir: dist });
    if (!assets.includes(prebuiltAssets)) {
      throw new Error(`The compiled builder no longer looks for ${prebuiltAssets}.`);
    }
    await prebuildRuntimes(path.join(dist, prebuiltAssets), log);
    shipSqliteAddon(path.join(dist, 'native'));
    mkdirSync(path.join(stage, 'bin'));
    writeFileSync(
      path.join(stage, 'bin/teach-in.js'),
      "#!/usr/bin/env node\nconst { main } = await import('../dist/main.js');\nprocess.exitCode = await main(process.argv.slice(2));\n",
      { mode: 0o755 },
    );
    writeFileSync(
      path.join(stage, 'package.json'),
      `${JSON.stringify(manifest(version), null, 2)}\n`,
    );
    copyFileSync(path.join(cliRoot, 'scripts/tarball-readme.md'), path.join(stage, 'README.md'));
    writeFileSync(path.join(stage, 'THIRD-PARTY-NOTICES.md'), notices(metafile));
    mkdirSync(out, { recursive: true });
    log('packing');
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', path.resolve(out)], {
        cwd: stage,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    )[0];
    return {
      file: path.join(path.resolve(out), packed.filename),
      bytes: packed.size,
      unpackedBytes: packed.unpackedSize,
      files: packed.entryCount,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** @param {string} version */
function manifest(version) {
  return {
    name: 'teach-in',
    version,
    description:
      'Build union courses from Markdown into SCORM 1.2, SCORM 2004 and cmi5 packages, an offline web copy and a facilitator guide; preview them; run a workshop.',
    license: 'MIT',
    type: 'module',
    bin: { 'teach-in': 'bin/teach-in.js' },
    engines: { node: '>=20.19' },
    files: ['bin', 'dist', 'README.md', 'THIRD-PARTY-NOTICES.md'],
  };
}

/**
 * Every runtime variant, made by the repository's builder: from its cache on disk when
 * the runtime sources did not change, else bundled now (one at a time).
 * @param {string} dir
 * @param {(line: string) => void} log
 */
async function prebuildRuntimes(dir, log) {
  const builder = await import(new URL('course-builder.js', await compiledCli()).href);
  mkdirSync(dir, { recursive: true });
  log(`runtime bundles: ${builder.runtimeVariants.length}`);
  for (const variant of builder.runtimeVariants) {
    const { js, css } = await builder.runtimeBundle(variant);
    writeFileSync(
      path.join(dir, builder.prebuiltFileName(variant.language, variant.lms)),
      JSON.stringify({ js, css }),
    );
  }
}

/** @param {string} dir */
function shipSqliteAddon(dir) {
  const require = createRequire(path.join(repoRoot, 'packages/workshop-server/package.json'));
  const addon = path.join(
    path.dirname(require.resolve('better-sqlite3/package.json')),
    'build/Release/better_sqlite3.node',
  );
  if (!existsSync(addon))
    throw new Error(`better-sqlite3 has not been built: ${addon} is missing.`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(addon, path.join(dir, addonName()));
}

/**
 * The licence of every npm package compiled into the tarball, with its text.
 * @param {import('esbuild').Metafile} metafile
 */
function notices(metafile) {
  /** @type {Map<string, string>} */
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const file = path.resolve(input);
    const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (at < 0) continue;
    const root = packageRoot(file);
    packages.set(root, root);
  }
  // Shipped as files, not compiled in: the LMS API the preview hosts packages under.
  const scormAgain = createRequire(path.join(repoRoot, 'packages/lms-host/package.json')).resolve(
    'scorm-again/scorm12/min',
  );
  packages.set('scorm-again', packageRoot(scormAgain));
  const sections = [...packages.values()]
    .map((root) => {
      const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
      const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].find(
        (name) => existsSync(path.join(root, name)),
      );
      const text = licenceFile ? readFileSync(path.join(root, licenceFile), 'utf8').trim() : '';
      return { id: `${pkg.name}@${pkg.version}`, licence: pkg.license ?? 'see package', text };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  return [
    '# Third-party notices',
    '',
    'teach-in ships the following packages compiled into dist/ (and scorm-again as files).',
    '',
    ...sections.flatMap((s) => [
      `## ${s.id} (${s.licence})`,
      '',
      s.text ? `\`\`\`\n${s.text}\n\`\`\`` : '',
      '',
    ]),
  ].join('\n');
}

/** The folder of the package a file in node_modules belongs to. @param {string} file */
function packageRoot(file) {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker) + marker.length;
  const parts = file.slice(at).split(path.sep);
  return file.slice(0, at) + parts.slice(0, parts[0]?.startsWith('@') ? 2 : 1).join(path.sep);
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
  const started = performance.now();
  const result = await packCli({
    out: values.out,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const shown = path.relative(process.cwd(), result.file);
  process.stdout.write(
    `${shown.startsWith('..') ? result.file : shown}: ${(result.bytes / 1e6).toFixed(2)} MB (${(result.unpackedBytes / 1e6).toFixed(2)} MB unpacked, ${result.files} files) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
