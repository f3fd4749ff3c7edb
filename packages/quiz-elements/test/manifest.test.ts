/**
 * custom-elements.json is what editors and docs tools read about the elements. It is made by
 * the standard analyzer (`pnpm --filter @teach-in/quiz-elements run manifest`) and committed;
 * this test makes it again and fails when the committed one is stale, and checks that it
 * describes every element the way page authors need.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { questionTags } from '@teach-in/course-schema/scoring';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const committedFile = path.join(packageDir, 'custom-elements.json');
const out = mkdtempSync(path.join(tmpdir(), 'teach-in-cem-'));
after(() => rmSync(out, { recursive: true, force: true }));

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  attributes?: { name: string; description?: string }[];
  events?: { name: string; description?: string }[];
  cssProperties?: { name: string; description?: string }[];
  members?: { name: string; kind: string }[];
}
interface Manifest {
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
}

function regenerate(): string {
  // The analyzer joins --outdir to the working folder, so give it the way there from here.
  const cem = path.join(packageDir, 'node_modules/.bin/cem');
  execFileSync(cem, ['analyze', '--quiet', '--outdir', path.relative(packageDir, out)], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return readFileSync(path.join(out, 'custom-elements.json'), 'utf8');
}

const committed = readFileSync(committedFile, 'utf8');
const manifest = JSON.parse(committed) as Manifest;
const elements = manifest.modules.flatMap((m) =>
  // Abstract bases (QuestionElement) are described too, but have no tag of their own.
  (m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({ module: m.path, ...d })),
);

describe('custom-elements.json', () => {
  test('is what the analyzer makes from the sources today', () => {
    assert.equal(
      regenerate(),
      committed,
      'custom-elements.json is stale: run pnpm --filter @teach-in/quiz-elements run manifest',
    );
  });

  test("package.json's customElements field points at it", () => {
    const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      customElements?: string;
    };
    assert.equal(pkg.customElements, 'custom-elements.json');
  });

  test('has every question type under its tag, exported from the package entry', () => {
    const index = manifest.modules.find((m) => m.path === 'src/index.ts');
    const exported = new Set((index?.exports ?? []).map((e) => e.declaration.name));
    for (const tag of [...Object.values(questionTags), 'ti-course']) {
      const element = elements.find((e) => e.tagName === tag);
      assert.ok(element, `no element with the tag ${tag}`);
      assert.ok(
        exported.has(element.name),
        `${element.name} (${tag}) is not exported by src/index.ts`,
      );
    }
    assert.equal(elements.length, Object.keys(questionTags).length + 1);
  });

  test('describes each element, its attributes, events and CSS custom properties', () => {
    for (const element of elements) {
      const what = `${element.tagName} (${element.module})`;
      assert.ok(element.description, `${what} has no description`);
      assert.ok(element.cssProperties?.length, `${what} lists no CSS custom properties`);
      for (const item of [
        ...(element.attributes ?? []),
        ...(element.events ?? []),
        ...(element.cssProperties ?? []),
      ]) {
        assert.ok(item.description, `${what}: ${item.name} has no description`);
      }
      const events = (element.events ?? []).map((e) => e.name);
      assert.ok(events.includes('ti-answer'), `${what} does not list ti-answer`);
    }
    const shell = elements.find((e) => e.tagName === 'ti-course');
    assert.deepEqual(shell?.events?.map((e) => e.name).sort(), [
      'ti-answer',
      'ti-finish',
      'ti-page-view',
    ]);
    assert.ok(shell?.attributes?.some((a) => a.name === 'passing-score'));
  });

  test('lists only the public API: no protected or private members', () => {
    const single = elements.find((e) => e.tagName === 'ti-single-choice');
    const members = (single?.members ?? []).map((m) => m.name);
    for (const name of ['question', 'seed', 'progress', 'restore', 'reset']) {
      assert.ok(members.includes(name), `ti-single-choice lacks ${name}`);
    }
    assert.ok(!members.includes('picked'), 'a protected field is listed');
  });
});
