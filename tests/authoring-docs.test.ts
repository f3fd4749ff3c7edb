/**
 * docs/authoring.md is a test: every YAML and Markdown example in it, wrapped into a small
 * course where it is a fragment, loads with no diagnostic at all (what `check` reports);
 * the complete example passes the real `teach-in check` and uses every feature the format
 * has; and `teach-in build --help` names every format the build makes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { stateSizeDiagnostics } from '@teach-in/course-builder';
import { loadCourse } from '@teach-in/course-parser';
import {
  calloutVariants,
  courseSchema,
  type Diagnostic,
  exportFormats,
  formatDiagnostic,
  frontMatterSchema,
  questionSchemas,
  questionTypes,
  workshopFrontMatterSchema,
} from '@teach-in/course-schema';
import { repoRoot, runCli } from './support/build-fixture.ts';

const docPath = 'docs/authoring.md';
const doc = readFileSync(path.join(repoRoot, docPath), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'teach-in-docs-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface Block {
  lang: string;
  body: string;
  /** 1-based line of the opening fence in the doc. */
  line: number;
  /** The file a `path`: line right above the block names, if any. */
  file?: string;
  /** The `## ` section the block is in. */
  section: string;
}

/** Top-level fenced blocks (a ```` fence may hold ``` fences, which stay in its body). */
function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('## ')) section = line.slice(3).trim();
    const open = /^(`{3,})([\w-]*)\s*$/.exec(line);
    if (!open) continue;
    const fence = open[1] ?? '```';
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence);
    assert.ok(end > i, `${docPath}:${i + 1}: unclosed fence`);
    let before = i - 1;
    while (before >= 0 && lines[before]?.trim() === '') before--;
    const named = /^`([^`]+)`:$/.exec(lines[before] ?? '');
    blocks.push({
      lang: open[2] ?? '',
      body: lines.slice(i + 1, end).join('\n'),
      line: i + 1,
      section,
      ...(named?.[1] ? { file: named[1] } : {}),
    });
    i = end;
  }
  return blocks;
}

const blocks = fencedBlocks(doc);
/** Not course files: shell commands, the folder tree, the output of `check`. */
const notCourseFiles = new Set(['sh', 'text']);
const completeExample = blocks.filter((b) => b.section === 'A complete example');
const examples = blocks.filter((b) => !completeExample.includes(b) && !notCourseFiles.has(b.lang));

const baseCourse = `id: doc-example
version: 1.0.0
title: Doc example
language: en
passing_score: 80
modules:
  - modules/example.md
`;
const frontMatter = '---\nid: example\ntitle: Example\n---\n';

/** A tiny valid PNG, for the images the examples show. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=',
  'base64',
);

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';

/**
 * The files that go beside a video or audio file, as "Video and audio" in the guide lays
 * them out: captions and a poster beside a video, a transcript beside audio.
 */
function companions(media: string): Record<string, string | Buffer> {
  const base = media.replace(/\.[a-z0-9]+$/, '');
  if (/\.(mp4|webm)$/.test(media)) return { [`${base}.vtt`]: 'WEBVTT\n', [`${base}.png`]: png };
  if (/\.(mp3|ogg)$/.test(media)) return { [`${base}.transcript.md`]: 'What was said.\n' };
  return {};
}

/** Writes the files of a course, the media files its modules link to and its logo. */
function writeCourse(dir: string, files: Record<string, string>): void {
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  for (const [file, text] of Object.entries(files)) {
    write(file, text);
    const linked = [...text.matchAll(/\]\(\.\.\/(media\/[^)\s]+)\)/g)].map((m) => m[1] ?? '');
    const logos = [...text.matchAll(/^\s*logo: (media\/\S+)/gm)].map((m) => m[1] ?? '');
    for (const media of [...linked, ...logos]) {
      const content = media.endsWith('.png') ? png : media.endsWith('.svg') ? svg : 'handout';
      write(media, content);
      for (const [companion, bytes] of Object.entries(companions(media))) write(companion, bytes);
    }
  }
}

/** The example as the file it belongs in, inside a course that holds nothing else of note. */
function courseFor(block: Block): Record<string, string> {
  const page = `${frontMatter}\n## Example\n\nText.\n`;
  if (block.lang === 'yaml') {
    // A fragment of course.yaml; the file it names, if any, gets a minimal workshop kit.
    const kit = /^workshop: (\S+)$/m.exec(block.body)?.[1];
    return {
      'course.yaml': `${baseCourse}${block.body}\n`,
      'modules/example.md': page,
      ...(kit ? { [kit]: '---\ntitle: Kit\nminutes: 10\n---\n\n## Plan\n\nTalk.\n' } : {}),
    };
  }
  assert.equal(block.lang, 'markdown', `${docPath}:${block.line}: examples are yaml or markdown`);
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(block.body);
  if (front && !/^id:/m.test(front[1] ?? '')) {
    // Front matter without an id: the workshop kit.
    return {
      'course.yaml': `${baseCourse}workshop: workshop.md\n`,
      'modules/example.md': page,
      'workshop.md': `${block.body}\n`,
    };
  }
  if (front) {
    const rest = block.body.slice(front[0].length).trim();
    // A front matter example on its own gets a page, as any module needs one.
    const module = rest ? `${block.body}\n` : `${block.body}\n\n## Example\n\nText.\n`;
    const id = /^id:\s*(\S+)/m.exec(front[1] ?? '')?.[1] ?? 'example';
    return {
      'course.yaml': baseCourse.replace('modules/example.md', `modules/${id}.md`),
      [`modules/${id}.md`]: module,
    };
  }
  // Page content: text, callouts, links, quiz blocks.
  return { 'course.yaml': baseCourse, 'modules/example.md': `${frontMatter}\n${block.body}\n` };
}

/** What `teach-in check` reports for a course folder, without a process per example. */
function diagnosticsOf(dir: string): Diagnostic[] {
  const { course, diagnostics } = loadCourse(dir);
  return course ? [...diagnostics, ...stateSizeDiagnostics(course, exportFormats)] : diagnostics;
}

describe('docs/authoring.md', () => {
  test('has examples of every kind, and only known kinds of block', () => {
    assert.ok(examples.length >= 18, `only ${examples.length} examples found`);
    assert.ok(completeExample.length >= 3, 'the complete example has course, module and kit');
    for (const block of blocks) {
      assert.ok(
        ['yaml', 'markdown', ...notCourseFiles].includes(block.lang),
        `${docPath}:${block.line}: a block of unknown kind "${block.lang}"`,
      );
    }
    const quizTypes = new Set(
      examples.flatMap((b) => [...b.body.matchAll(/^type: ([\w-]+)$/gm)].map((m) => m[1])),
    );
    for (const type of questionTypes) assert.ok(quizTypes.has(type), `an example of ${type}`);
    assert.ok(
      examples.some((b) => b.section === 'Workshop kit' && b.lang === 'markdown'),
      'the workshop kit has an example',
    );
  });

  for (const block of examples) {
    test(`the example at line ${block.line} (${block.section}) passes check`, () => {
      const dir = mkdtempSync(path.join(work, 'example-'));
      writeCourse(dir, courseFor(block));
      const found = diagnosticsOf(dir);
      assert.deepEqual(
        found.map((d) => formatDiagnostic(d)),
        [],
        `${docPath}:${block.line}: the example does not pass check`,
      );
    });
  }

  describe('the complete example', () => {
    const dir = path.join(work, 'courses/data-at-work');
    const files = Object.fromEntries(
      completeExample.map((b) => {
        assert.ok(b.file, `${docPath}:${b.line}: the complete example names each file`);
        return [path.relative('courses/data-at-work', b.file ?? ''), `${b.body}\n`];
      }),
    );
    writeCourse(dir, files);
    const quizBlocks = Object.values(files).flatMap((text) =>
      [...text.matchAll(/^```quiz\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? ''),
    );
    const topLevelKeys = (yaml: string) =>
      new Set([...yaml.matchAll(/^([a-z_]+):/gm)].map((m) => m[1] ?? ''));

    test('passes the real teach-in check', () => {
      const result = runCli(['check', dir]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^ok data-at-work: 1 modules, \d+ pages\n$/);
      assert.deepEqual(diagnosticsOf(dir).map(formatDiagnostic), [], 'not even a warning');
    });

    test('sets every field of course.yaml, the front matter and the workshop kit', () => {
      const fileKeys = (file: string) => {
        const text = files[file] ?? '';
        const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
        return topLevelKeys(front ?? text);
      };
      const expect = (file: string, fields: string[]) => {
        const keys = fileKeys(file);
        const missing = fields.filter((f) => !keys.has(f));
        assert.deepEqual(missing, [], `${file} leaves out these fields`);
      };
      // `translations:` needs files of a translation beside the course: docs/translation.md
      // shows it, and tests/fixtures/translated-course is a course that uses it.
      expect(
        'course.yaml',
        Object.keys(courseSchema.shape).filter((field) => field !== 'translations'),
      );
      expect('modules/who-decides.md', Object.keys(frontMatterSchema.shape));
      expect('workshop.md', Object.keys(workshopFrontMatterSchema.shape));
      assert.match(files['course.yaml'] ?? '', /^ {2}accent: /m);
      assert.match(files['course.yaml'] ?? '', /^ {2}completion: /m);
    });

    test('asks every question type and uses every question field', () => {
      const used = new Set(quizBlocks.flatMap((q) => [...topLevelKeys(q)]));
      const fields = new Set(Object.values(questionSchemas).flatMap((s) => Object.keys(s.shape)));
      assert.deepEqual(
        [...fields].filter((f) => !used.has(f)),
        [],
        'question fields no example uses',
      );
      const types = new Set(quizBlocks.map((q) => /^type: (\S+)$/m.exec(q)?.[1]));
      assert.deepEqual(
        questionTypes.filter((t) => !types.has(t)),
        [],
        'question types missing',
      );
    });

    test('the page addresses the guide gives are pages of the complete example', () => {
      const { course } = loadCourse(dir);
      const ids = new Set(course?.modules.flatMap((m) => m.pages.map((p) => p.id)));
      const section = doc.slice(doc.indexOf('## Page addresses'), doc.indexOf('## YAML tips'));
      const addresses = [...section.matchAll(/#(who-decides\/[a-z0-9-]+)/g)].map((m) => m[1]);
      assert.ok(addresses.length >= 2, 'the section gives addresses');
      for (const address of addresses) assert.ok(ids.has(address ?? ''), `${address} is a page`);
      assert.ok(ids.has('who-decides/introduction'), 'the opening page');
    });

    test('has every callout, citations of both kinds, a glossary term, a picture, a link and a pool', () => {
      const { course } = loadCourse(dir);
      assert.ok(course);
      const blocks = course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks));
      const callouts = new Set(blocks.flatMap((b) => (b.kind === 'callout' ? [b.variant] : [])));
      assert.deepEqual([...callouts].sort(), [...calloutVariants].sort());
      assert.ok(
        blocks.some((b) => b.kind === 'facilitator'),
        'a facilitator note',
      );
      const cited = new Set(course.modules.flatMap((m) => m.pages.flatMap((p) => p.references)));
      const keys = new Set([...cited].map((r) => r.key));
      assert.ok(keys.has('gdpr') && keys.has('pai-job-quality'), 'course and module sources');
      assert.ok(course.glossary.length > 0);
      const prose = blocks.map((b) => (b.kind === 'prose' ? b.html : '')).join('\n');
      assert.ok(prose.includes(course.glossary[0]?.term ?? '?'), 'the glossary term is used');
      assert.match(prose, /<img src="media\/shift-app\.png" alt="A phone/);
      assert.match(prose, /<a [^>]*href="https:/);
      assert.ok(Object.keys(course.modules[0]?.pools ?? {}).length > 0, 'a question pool');
      assert.ok(
        course.workshop?.sections.some((s) => s.handout),
        'a handout in the kit',
      );
    });
  });
});

describe('teach-in build --help', () => {
  test('names every format the build makes, cmi5 included', () => {
    const help = runCli(['build', '--help']);
    assert.equal(help.status, 0);
    for (const format of exportFormats) {
      assert.match(help.stdout, new RegExp(`\\b${format}\\b.*`), `--help names ${format}`);
    }
    assert.match(help.stdout, /<course-id>\.cmi5\.zip/);
    assert.match(help.stdout, /default: scorm12,scorm2004,cmi5,web,guide/);
  });
});
