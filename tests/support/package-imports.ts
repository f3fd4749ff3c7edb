/**
 * What each workspace package imports, read from its files with TypeScript's own import
 * scanner (type-only imports count: a package whose published types name another package's
 * types needs it installed). Shared by the manifest and import-cycle tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const packagesDir = path.join(repoRoot, 'packages');

export interface PackageJson {
  name: string;
  scripts?: Record<string, string>;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  dir: string;
  manifest: PackageJson;
}

export function workspacePackages(): WorkspacePackage[] {
  return readdirSync(packagesDir)
    .map((name) => path.join(packagesDir, name))
    .filter((dir) => statSync(path.join(dir, 'package.json'), { throwIfNoEntry: false }))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson,
    }));
}

const sourceFile = /\.(ts|mts|js|mjs)$/;

/** Every script file under a folder, skipping installed packages and build output. */
export function scriptFiles(dir: string): string[] {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : scriptFiles(full);
    }
    return sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `require.resolve('x')` and `import.meta.resolve('x')`: files of a package served or read. */
const resolveCall = /\b(?:require|import\.meta)\.resolve\(\s*['"]([^'"]+)['"]/g;

/**
 * Module specifiers a file imports or re-exports, statically or with `import()`, and the
 * packages whose files it resolves (lms-host serves scorm-again's without importing it).
 */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const resolved = [...text.matchAll(resolveCall)].map((match) => match[1] ?? '');
  return [...info.importedFiles.map((f) => f.fileName), ...resolved];
}

const builtins = new Set(builtinModules);
/** An npm package name, so that placeholders in comments (`'<package file>'`) are no imports. */
const packageName = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;

/** The npm package a bare specifier names, or undefined for relative paths and Node built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? '')) {
    return undefined;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name && packageName.test(name) ? name : undefined;
}

/** The commands an installed dependency puts on the path, read from its package.json. */
export function binsOf(pkg: WorkspacePackage, dependency: string): string[] {
  const file = path.join(pkg.dir, 'node_modules', dependency, 'package.json');
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  const { bin } = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  if (typeof bin === 'string') return [dependency.split('/').pop() ?? dependency];
  return Object.keys(bin ?? {});
}
