/**
 * Each package.json says what the package needs: a package imported by shipped code is a
 * dependency, one imported only by tests (or the repository's build scripts) is a dev
 * dependency, and nothing is listed that no file imports. Type-only imports count as
 * shipped: the package's types name the other package's types.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  binsOf,
  importsOf,
  packageOf,
  scriptFiles,
  type WorkspacePackage,
  workspacePackages,
} from './support/package-imports.ts';

/**
 * Files that never ship: tests, their helpers, tool configurations (`*.config.mjs`) and
 * packages/cli/scripts (compile and pack the command inside the repository; the tarball they
 * make has no dependencies at all).
 */
export function isDevFile(relative: string): boolean {
  const parts = relative.split(path.sep);
  return (
    parts.some((part) => part === 'test' || part === 'test-support') ||
    parts[0] === 'scripts' ||
    /\.(test|config)\.[mc]?[jt]s$/.test(relative)
  );
}

interface Use {
  shipped: Set<string>;
  dev: Set<string>;
}

function usesOf({ dir, manifest }: WorkspacePackage): Map<string, Use> {
  const uses = new Map<string, Use>();
  for (const file of scriptFiles(dir)) {
    const relative = path.relative(dir, file);
    for (const specifier of importsOf(file)) {
      const name = packageOf(specifier);
      if (!name || name === manifest.name) continue;
      const use = uses.get(name) ?? { shipped: new Set(), dev: new Set() };
      (isDevFile(relative) ? use.dev : use.shipped).add(relative);
      uses.set(name, use);
    }
  }
  return uses;
}

/** Every way the package's manifest disagrees with its files; empty when it tells the truth. */
export function manifestProblems(pkg: WorkspacePackage): string[] {
  const { manifest } = pkg;
  const runtime = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
  const problems: string[] = [];
  const uses = usesOf(pkg);
  for (const [name, use] of uses) {
    const example = (files: Set<string>) => [...files].sort()[0];
    if (use.shipped.size > 0 && !runtime.has(name)) {
      problems.push(
        dev.has(name)
          ? `${name} is a devDependency, but shipped code imports it (${example(use.shipped)})`
          : `${name} is imported (${example(use.shipped)}) but not a dependency`,
      );
    } else if (use.shipped.size === 0 && !runtime.has(name) && !dev.has(name)) {
      problems.push(`${name} is imported by ${example(use.dev)} but not a devDependency`);
    } else if (use.shipped.size === 0 && runtime.has(name)) {
      problems.push(
        `${name} is a dependency, but only tests or scripts import it (${example(use.dev)}): move it to devDependencies`,
      );
    }
  }
  const scripts = Object.values(manifest.scripts ?? {}).join('\n');
  const runByScript = (name: string) =>
    binsOf(pkg, name).some((bin) => new RegExp(`(^|[\\s&|;])${bin}\\b`).test(scripts));
  for (const name of [...runtime, ...dev]) {
    // Type packages are used through tsconfig "types"; tools through the package's scripts.
    if (!uses.has(name) && !name.startsWith('@types/') && !runByScript(name)) {
      problems.push(`${name} is listed but no file imports it`);
    }
  }
  return problems.sort();
}

const packages = workspacePackages();

describe('package manifests tell the truth', () => {
  test('every workspace package is checked', () => {
    assert.ok(packages.length >= 8, `found only ${packages.length} packages`);
  });

  for (const pkg of packages) {
    test(pkg.manifest.name, () => {
      assert.deepEqual(manifestProblems(pkg), []);
    });
  }

  test('a test-only dependency listed as a runtime one is caught', () => {
    const parserPackage = packages.find((p) => p.manifest.name === '@teach-in/course-parser');
    assert.ok(parserPackage);
    // fast-check is imported by the parser's tests only.
    const wrong = {
      ...parserPackage,
      manifest: {
        ...parserPackage.manifest,
        dependencies: { ...parserPackage.manifest.dependencies, 'fast-check': '1' },
        devDependencies: {},
      },
    };
    assert.deepEqual(manifestProblems(wrong), [
      'fast-check is a dependency, but only tests or scripts import it (test/fuzz.test.ts): move it to devDependencies',
    ]);
  });

  test('a missing and an unused dependency are caught', () => {
    const parser = packages.find((p) => p.manifest.name === '@teach-in/course-parser');
    assert.ok(parser);
    const { marked: _marked, ...rest } = parser.manifest.dependencies ?? {};
    const wrong = {
      ...parser,
      manifest: { ...parser.manifest, dependencies: { ...rest, 'left-pad': '1' } },
    };
    const problems = manifestProblems(wrong);
    assert.ok(problems.includes('left-pad is listed but no file imports it'), problems.join('\n'));
    assert.ok(
      problems.some(
        (p) => p.startsWith('marked is imported (src/') && p.endsWith('not a dependency'),
      ),
      problems.join('\n'),
    );
  });
});
