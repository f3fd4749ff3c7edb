/**
 * No module imports itself through others inside a package (type-only imports count: a
 * circle of types is still two files that cannot be read, or split, one without the other).
 * The graph is made of relative imports, resolved the way the packages write them (with
 * their extension).
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { importsOf, repoRoot, scriptFiles, workspacePackages } from './support/package-imports.ts';

const candidates = (base: string) => [
  base,
  `${base}.ts`,
  `${base}.js`,
  path.join(base, 'index.ts'),
];

function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return candidates(base).find((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
}

/** The package's import graph: each file and the files of the same package it imports. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const inPackage = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      [
        ...new Set(
          importsOf(file)
            .map((specifier) => resolveRelative(file, specifier))
            .filter((target): target is string => target !== undefined && inPackage.has(target)),
        ),
      ],
    ]),
  );
}

/** Every circle, once, each as the files in import order with the first repeated at the end. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string) => {
    seen.add(file);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = stack.indexOf(next);
      if (at >= 0) cycles.push([...stack.slice(at), next]);
      else if (!seen.has(next)) visit(next);
    }
    stack.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
}

const show = (cycle: string[]) => cycle.map((file) => path.relative(repoRoot, file)).join(' -> ');

describe('no import cycles inside a package', () => {
  for (const { dir, manifest } of workspacePackages()) {
    test(manifest.name, () => {
      const files = scriptFiles(dir);
      assert.ok(files.length > 0, `no files in ${dir}`);
      assert.deepEqual(importCycles(importGraph(files)).map(show), []);
    });
  }

  test('a circle of two files and a longer one are both found', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['b']],
      ['e', ['a']],
    ]);
    assert.deepEqual(importCycles(graph), [
      ['a', 'b', 'a'],
      ['b', 'c', 'd', 'b'],
    ]);
  });
});
