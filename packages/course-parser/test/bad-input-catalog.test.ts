import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { DiagnosticCode } from '@teach-in/course-schema';
import { loadCourse } from '../src/index.ts';

/**
 * Every bad input tried for issue 12, as an author could write it, with what Teach-in does:
 * the codes reported (never a throw) and whether a course model still comes out. The
 * positioned checks of each are in bad-input.test.ts and diagnostics.test.ts; this is the
 * catalog, so a new kind of bad input is one line here.
 */
const root = mkdtempSync(path.join(tmpdir(), 'teach-in-catalog-'));
after(() => rmSync(root, { recursive: true, force: true }));

const courseYaml = (modules: readonly string[], extra = '') =>
  `id: catalog\nversion: 1.0.0\ntitle: Catalog\nlanguage: en\npassing_score: 80\nmodules:\n${modules.map((m) => `  - ${m}\n`).join('')}${extra}`;
const page = (id: string, body: string) =>
  `---\nid: ${id}\ntitle: Module ${id}\n---\n\n## Page\n\n${body}\n`;
const quiz = (id: string, extra = '') =>
  `\`\`\`quiz\nid: ${id}\ntype: single\nprompt: Who?\nchoices:\n  - text: You\n    correct: true\n  - text: Nobody\n${extra}\`\`\`\n`;
const bomb =
  'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';

type Files = Record<string, string | Buffer | { link: string }>;

interface Case {
  input: string;
  files: Files;
  codes: DiagnosticCode[];
  /** A course model still comes out (only warnings, or nothing wrong). */
  model: boolean;
}

const outside = path.join(root, 'outside');
mkdirSync(outside);
writeFileSync(path.join(outside, 'secret.png'), 'SECRET-OUTSIDE-MARKER');
writeFileSync(path.join(outside, 'm.md'), page('z', 'Outside.'));
writeFileSync(path.join(outside, 'course.yaml'), courseYaml(['modules/a.md']));

const one = (body: string, extra: Files = {}): Files => ({
  'course.yaml': courseYaml(['modules/a.md']),
  'modules/a.md': page('a', body),
  ...extra,
});

const cases: Case[] = [
  {
    input: 'the same question id in two modules',
    files: {
      'course.yaml': courseYaml(['modules/a.md', 'modules/b.md']),
      'modules/a.md': page('a', quiz('q')),
      'modules/b.md': page('b', quiz('q')),
    },
    codes: ['duplicate-question-id'],
    model: false,
  },
  {
    input: 'the same module id in two files',
    files: {
      'course.yaml': courseYaml(['modules/a.md', 'modules/b.md']),
      'modules/a.md': page('a', 'One.'),
      'modules/b.md': page('a', 'Two.'),
    },
    codes: ['duplicate-module-id'],
    model: false,
  },
  {
    input: 'one module listed twice in course.yaml',
    files: { ...one(quiz('q')), 'course.yaml': courseYaml(['modules/a.md', 'modules/a.md']) },
    codes: ['duplicate-module-entry'],
    model: false,
  },
  {
    input: 'the same question id twice in one module',
    files: one(quiz('q') + quiz('q')),
    codes: ['duplicate-question-id'],
    model: false,
  },
  {
    input: 'YAML alias bomb in front matter',
    files: one('x', { 'modules/a.md': `---\nid: a\ntitle: A\n${bomb}---\n\n## P\n\nx\n` }),
    codes: ['yaml-aliases'],
    model: false,
  },
  {
    input: 'YAML alias bomb in course.yaml',
    files: one('x', { 'course.yaml': courseYaml(['modules/a.md'], bomb) }),
    codes: ['yaml-aliases'],
    model: false,
  },
  {
    input: 'YAML alias bomb in a quiz block',
    files: one(`\`\`\`quiz\nid: q\ntype: single\n${bomb}\`\`\`\n`),
    codes: ['yaml-aliases'],
    model: false,
  },
  {
    input: 'a tab indenting front matter',
    files: one('x', {
      'modules/a.md': '---\nid: a\ntitle: A\nobjectives:\n\t- Know\n---\n\n## P\n\nx\n',
    }),
    codes: ['tab-indentation'],
    model: false,
  },
  {
    input: 'tabs indenting a quiz block',
    files: one(quiz('q').replace(/\n {2}/g, '\n\t')),
    codes: ['tab-indentation'],
    model: false,
  },
  {
    input: 'a tab indenting course.yaml',
    files: one('x', { 'course.yaml': courseYaml(['modules/a.md']).replace('  - ', '\t- ') }),
    codes: ['tab-indentation'],
    model: false,
  },
  {
    input: 'a YAML syntax error in course.yaml',
    files: one('x', { 'course.yaml': `${courseYaml(['modules/a.md'])}description: a: b\n` }),
    codes: ['yaml-syntax'],
    model: false,
  },
  {
    input: 'a duplicate key in front matter',
    files: one('x', { 'modules/a.md': '---\nid: a\ntitle: A\ntitle: B\n---\n\n## P\n\nx\n' }),
    codes: ['yaml-syntax'],
    model: false,
  },
  {
    input: 'Latin-1 text (invalid UTF-8) in a module',
    files: one('x', { 'modules/a.md': Buffer.from(page('a', 'na\xefve'), 'latin1') }),
    codes: ['invalid-utf8'],
    model: false,
  },
  {
    input: 'Latin-1 text in course.yaml',
    files: one('x', {
      'course.yaml': Buffer.from(courseYaml(['modules/a.md'], 'audience: Gr\xfcne\n'), 'latin1'),
    }),
    codes: ['invalid-utf8'],
    model: false,
  },
  {
    input: 'a module saved as UTF-16',
    files: one('x', { 'modules/a.md': Buffer.from(`\uFEFF${page('a', 'x')}`, 'utf16le') }),
    codes: ['invalid-utf8', 'missing-front-matter'],
    model: false,
  },
  {
    input: 'a PNG picture listed as a module',
    files: one('x', {
      'modules/a.md': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    }),
    codes: ['invalid-utf8', 'missing-front-matter'],
    model: false,
  },
  {
    input: 'an unclosed quiz fence',
    files: one(quiz('q').replace(/```\n$/, '')),
    codes: ['unclosed-quiz'],
    model: false,
  },
  {
    input: 'a 5 MB module',
    files: one('x', { 'modules/a.md': page('a', 'Words and more words. '.repeat(240_000)) }),
    codes: ['module-too-large'],
    model: false,
  },
  {
    input: 'raw <video>',
    files: one('<video src="../media/talk.mp4"></video>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'raw <audio>',
    files: one('<audio src="../media/talk.mp3"></audio>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'raw <iframe>',
    files: one('<iframe src="https://example.org"></iframe>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'raw <style>',
    files: one('<style>p{color:red}</style>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'raw <script>',
    files: one('<script>alert(1)</script>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'an onclick handler in inline HTML',
    files: one('Click <b onclick="x()">here</b>.'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'a style attribute',
    files: one('<p style="color:red">Red</p>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'inline <svg>',
    files: one('<svg width="10" height="10"></svg>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'a javascript: address in a raw <a>',
    files: one('<a href="javascript:alert(1)">x</a>'),
    codes: ['raw-html-removed'],
    model: true,
  },
  {
    input: 'a raw <img> of a missing file',
    files: one('<img src="../media/none.png" alt="x">'),
    codes: ['missing-file'],
    model: false,
  },
  {
    input: 'a raw <img> from another site',
    files: one('<img src="https://example.org/pixel.png" alt="x">'),
    codes: ['remote-image'],
    model: false,
  },
  {
    input: 'a raw <img> outside the course',
    files: one('<img src="../../outside/secret.png" alt="x">'),
    codes: ['link-outside-course'],
    model: false,
  },
  {
    input: 'a javascript: link',
    files: one('[x](javascript:alert(1))'),
    codes: ['unsafe-link'],
    model: false,
  },
  {
    input: 'a data: link',
    files: one('[x](data:text/html;base64,PHNjcmlwdD4=)'),
    codes: ['unsafe-link'],
    model: false,
  },
  {
    input: 'a module path outside the course',
    files: one('x', { 'course.yaml': courseYaml(['../outside/m.md']) }),
    codes: ['module-outside-course'],
    model: false,
  },
  {
    input: 'a folder given as a module',
    files: one('x', { 'course.yaml': courseYaml(['modules']) }),
    codes: ['module-not-a-file'],
    model: false,
  },
  {
    input: 'a module file that does not exist',
    files: one('x', { 'course.yaml': courseYaml(['modules/b.md']) }),
    codes: ['missing-module-file'],
    model: false,
  },
  {
    input: 'an image that is a symlink to a file outside',
    files: one('![x](../media/x.png)', {
      'media/x.png': { link: path.join(outside, 'secret.png') },
    }),
    codes: ['symlink-outside-course'],
    model: false,
  },
  {
    input: 'a media folder that is a symlink to a folder outside',
    files: one('![x](../media/secret.png)', { media: { link: outside } }),
    codes: ['symlink-outside-course'],
    model: false,
  },
  {
    input: 'a module that is a symlink to a file outside',
    files: one('x', { 'modules/a.md': { link: path.join(outside, 'm.md') } }),
    codes: ['symlink-outside-course'],
    model: false,
  },
  {
    input: 'course.yaml that is a symlink to a file outside',
    files: one('x', { 'course.yaml': { link: path.join(outside, 'course.yaml') } }),
    codes: ['symlink-outside-course'],
    model: false,
  },
  {
    input: 'an invalid course.yaml value and errors in the module',
    files: one('[^nope]', { 'course.yaml': courseYaml(['modules/a.md']).replace('80', 'high') }),
    codes: ['invalid-value', 'undefined-citation'],
    model: false,
  },
  {
    input: 'an empty course.yaml',
    files: one('x', { 'course.yaml': '' }),
    codes: Array.from({ length: 6 }, () => 'missing-field' as const),
    model: false,
  },
  {
    input: 'course.yaml that is a list',
    files: one('x', { 'course.yaml': '- modules/a.md\n' }),
    codes: ['invalid-value'],
    model: false,
  },
  {
    input: 'front matter that is never closed',
    files: one('x', { 'modules/a.md': '---\nid: a\ntitle: A\n\n## P\n\nx\n' }),
    codes: ['missing-front-matter'],
    model: false,
  },
  {
    input: 'an empty module file',
    files: one('x', { 'modules/a.md': '' }),
    codes: ['missing-front-matter'],
    model: false,
  },
  {
    input: 'front matter that is a list',
    files: one('x', { 'modules/a.md': '---\n- a\n---\n\n## P\n\nx\n' }),
    codes: ['invalid-value'],
    model: false,
  },
  {
    input: 'a quiz block that is a list',
    files: one('```quiz\n- a\n```\n'),
    codes: ['invalid-value'],
    model: false,
  },
  {
    input: 'two unknown question types and a missing type',
    files: one(
      '```quiz\nid: a\ntype: singel\n```\n\n```quiz\nid: b\ntype: multi\n```\n\n```quiz\nid: c\n```\n',
    ),
    codes: ['unknown-question-type', 'unknown-question-type', 'missing-field'],
    model: false,
  },
  {
    input: 'blockquotes nested 5,000 deep',
    files: one(`${'>'.repeat(5000)} x`),
    codes: ['markdown-too-deep'],
    model: false,
  },
  {
    input: 'a list nested 300 deep',
    files: one(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')),
    codes: ['markdown-too-deep'],
    model: false,
  },
  {
    input: 'emphasis nested 20,000 deep',
    files: one(`${'*'.repeat(20_000)}x${'*'.repeat(20_000)}`),
    codes: ['markdown-too-deep'],
    model: false,
  },
  {
    input: 'NUL bytes in the text',
    files: one('a\u0000b'),
    codes: [],
    model: true,
  },
];

let count = 0;
function writeCase(files: Files): string {
  const dir = path.join(root, `case-${count++}`);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, file);
    else writeFileSync(file, content);
  }
  return dir;
}

describe('every bad input tried ends in diagnostics, never a throw', () => {
  for (const { input, files, codes, model } of cases) {
    test(input, () => {
      const dir = writeCase(files);
      const result = loadCourse(dir, dir);
      assert.deepEqual(
        result.diagnostics.map((d) => d.code).sort(),
        [...codes].sort(),
        result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}: ${d.message}`).join('\n'),
      );
      const hasModel =
        result.course !== undefined && !result.diagnostics.some((d) => d.severity === 'error');
      assert.equal(hasModel, model);
      assert.doesNotMatch(JSON.stringify(result), /SECRET-OUTSIDE-MARKER/);
    });
  }

  test(`the catalog holds at least 40 bad inputs (${cases.length})`, () => {
    assert.ok(cases.length >= 40);
  });
});
