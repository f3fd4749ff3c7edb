/**
 * A plain `git clone` must be enough: nothing tracked may point at the design folder that sits
 * beside the main checkout on the team's machines (a newcomer's clone has no such folder), and
 * the official schemas the manifest tests use are committed here unmodified.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const xsdDir = path.join(repoRoot, 'tests/xsd');

/** Built from parts so that this file does not contain the string it looks for. */
const sibling = ['..', 'shared'].join('/');

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' });
  return out.split('\0').filter(Boolean);
}

describe('the repository stands on its own', () => {
  test(`no tracked file mentions ${sibling}`, async () => {
    const files = trackedFiles();
    assert.ok(files.length > 100, `git ls-files listed only ${files.length} files`);
    const needle = Buffer.from(sibling);
    const offenders: string[] = [];
    for (const file of files) {
      const bytes = await readFile(path.join(repoRoot, file)).catch(() => undefined);
      if (!bytes) continue; // listed but deleted in the working tree
      let at = bytes.indexOf(needle);
      while (at >= 0) {
        const line = bytes.subarray(0, at).toString('utf8').split('\n').length;
        offenders.push(`${file}:${line}`);
        at = bytes.indexOf(needle, at + 1);
      }
    }
    assert.deepEqual(
      offenders,
      [],
      `these lines point outside the repository:\n${offenders.join('\n')}`,
    );
  });

  test('the committed XSDs match tests/xsd/SHA256SUMS, and every schema file is listed', async () => {
    const sums = (await readFile(path.join(xsdDir, 'SHA256SUMS'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => {
        const [hash, name] = line.split(/\s+\*?/);
        return { hash: hash ?? '', name: path.normalize(name ?? '') };
      });
    const listed = new Set(sums.map((s) => s.name));
    const mismatched: string[] = [];
    for (const { hash, name } of sums) {
      const bytes = await readFile(path.join(xsdDir, name));
      if (createHash('sha256').update(bytes).digest('hex') !== hash) mismatched.push(name);
    }
    assert.deepEqual(mismatched, [], 'schema files differ from their published bytes');
    const schemaFiles = trackedFiles()
      .filter((f) => f.startsWith('tests/xsd/') && /\.(xsd|dtd)$/.test(f))
      .map((f) => path.normalize(path.relative('tests/xsd', f)));
    assert.ok(schemaFiles.length >= 40, `only ${schemaFiles.length} schema files are tracked`);
    assert.deepEqual(
      schemaFiles.filter((f) => !listed.has(f)),
      [],
      'schema files missing from SHA256SUMS',
    );
  });
});
