import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@teach-in/course-schema';
import {
  alignBlocks,
  exportXliff,
  importXliff,
  loadCourse,
  parseModule,
  stampModule,
} from '../src/index.ts';

const fixture = fileURLToPath(
  new URL('../../../tests/fixtures/translated-course/', import.meta.url),
);
const source = 'modules/your-data-rights.md';
const spanish = 'modules/es/your-data-rights.md';
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture course with its Spanish module stamped, to change freely. */
function stampedCopy(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ti-translation-')), 'course');
  made.push(path.dirname(dir));
  cpSync(fixture, dir, { recursive: true });
  const stamped = stampModule(read(dir, source), read(dir, spanish), false);
  writeFileSync(path.join(dir, spanish), stamped);
  return dir;
}
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const edit = (dir: string, file: string, from: string, to: string) => {
  const text = read(dir, file);
  assert.ok(text.includes(from), `${file} holds "${from}"`);
  writeFileSync(path.join(dir, file), text.replace(from, to));
};
const lineOf = (dir: string, file: string, text: string) =>
  read(dir, file)
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;
const only = (diagnostics: readonly Diagnostic[], prefix: string) =>
  diagnostics.filter((d) => d.code.startsWith(prefix));

describe('the translated fixture course', () => {
  test('loads as a Spanish course beside the English one, unstamped blocks said once', () => {
    const { course, diagnostics, translations } = loadCourse(fixture, fixture);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.file, d.line]),
      [['translation-unstamped', spanish, 10]],
    );
    const es = course?.translations?.[0];
    assert.equal(es?.language, 'es');
    assert.equal(es?.title, 'Tus derechos sobre tus datos en el trabajo');
    assert.deepEqual(es?.edition, {
      sourceLanguage: 'en',
      languages: ['en', 'es'],
      status: 'awaiting-native-review',
    });
    assert.deepEqual(
      es?.glossary.map((g) => g.term),
      ['datos personales'],
    );
    assert.equal(es?.modules[0]?.pages[1]?.title, '¿Qué datos se recogen?');
    assert.equal(es?.workshop?.sections[1]?.handout, true, 'a handout where the source has one');
    assert.deepEqual(es?.assets, ['media/schedule.svg']);
    assert.equal(translations?.[0]?.modules[0]?.freshness.unstamped, 13);
  });

  test('stamping records every block and is then silent; stamps are not raw HTML', () => {
    const dir = stampedCopy();
    const text = read(dir, spanish);
    assert.equal((text.match(/<!-- ti-source: [0-9a-f]{8} -->/g) ?? []).length, 13);
    assert.equal(
      stampModule(read(dir, source), text, false),
      text,
      'stamping twice changes nothing',
    );
    const { diagnostics, translations } = loadCourse(dir, dir);
    assert.deepEqual(diagnostics, []);
    assert.equal(translations?.[0]?.modules[0]?.freshness.current, 13);
    const parsed = parseModule(text, {
      file: path.join(dir, source),
      displayPath: spanish,
      relativePath: spanish,
      courseDir: dir,
      courseSources: { 'gdpr-art-15': 'GDPR' },
    });
    assert.deepEqual(parsed.diagnostics, []);
    assert.ok(!JSON.stringify(parsed.module).includes('ti-source'));
  });
});

describe('staleness', () => {
  test('a changed English paragraph marks exactly its translated block stale', () => {
    const dir = stampedCopy();
    edit(dir, source, 'records keystrokes, location', 'records keystrokes, places');
    const { diagnostics, translations } = loadCourse(dir, dir);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column]),
      [['translation-stale', 'warning', spanish, lineOf(dir, spanish, 'Las empresas usan'), 1]],
    );
    assert.deepEqual(diagnostics[0]?.related, {
      file: source,
      line: lineOf(dir, source, 'Employers use software'),
      column: 1,
      message: 'the source block, as it is now',
    });
    assert.match(diagnostics[0]?.message ?? '', /source: modules\/your-data-rights\.md:16:1/);
    const freshness = translations?.[0]?.modules[0]?.freshness;
    assert.deepEqual(freshness, {
      total: 13,
      current: 12,
      stale: 1,
      unstamped: 0,
      untranslated: 0,
    });
  });

  test('--strict-translations makes a stale block an error', () => {
    const dir = stampedCopy();
    edit(dir, source, 'Ask who has made', 'Ask who already made');
    const { diagnostics } = loadCourse(dir, dir, { strictTranslations: true });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.line]),
      [['translation-stale', 'error', lineOf(dir, spanish, '[!FACILITATOR]')]],
    );
  });

  test('an inserted English block leaves every later block up to date', () => {
    const dir = stampedCopy();
    edit(dir, source, '## Your rights\n', '## Your rights\n\nA new paragraph.\n');
    const { diagnostics, translations } = loadCourse(dir, dir);
    assert.deepEqual(only(diagnostics, 'translation-st'), [], 'nothing stale');
    assert.deepEqual(
      only(diagnostics, 'translation-untranslated').map((d) => d.related?.line),
      [lineOf(dir, source, 'A new paragraph.')],
    );
    // Parity still says the page has a block too few: the build refuses until it is translated.
    assert.deepEqual(only(diagnostics, 'translation-block').length, 1);
    assert.equal(translations?.[0]?.modules[0]?.freshness.current, 13);
  });

  test('alignment pairs changed blocks in place and skips inserted ones', () => {
    assert.deepEqual(alignBlocks(['a', 'x', 'b', 'c'], ['a', 'b', 'c']), {
      translated: [
        { source: 0, state: 'current' },
        { source: 2, state: 'current' },
        { source: 3, state: 'current' },
      ],
      untranslated: [1],
    });
    assert.deepEqual(alignBlocks(['a', 'B', 'c'], ['a', 'b', undefined]).translated, [
      { source: 0, state: 'current' },
      { source: 1, state: 'stale' },
      { source: 2, state: 'unstamped' },
    ]);
  });
});

describe('parity', () => {
  test('a question removed from a translation is an error naming both files', () => {
    const dir = stampedCopy();
    const text = read(dir, spanish);
    const start = text.indexOf('```quiz\nid: personal-data');
    const end = text.indexOf('```\n', start + 8) + 4;
    writeFileSync(path.join(dir, spanish), text.slice(0, start) + text.slice(end));
    const { diagnostics, course } = loadCourse(dir, dir);
    const question = only(diagnostics, 'translation-question');
    assert.deepEqual(
      question.map((d) => [d.severity, d.file, d.line, d.column]),
      [['error', spanish, lineOf(dir, spanish, '## ¿Qué datos se recogen?'), 1]],
    );
    assert.match(question[0]?.message ?? '', /Question "personal-data" of the source is missing/);
    assert.equal(question[0]?.related?.file, source);
    assert.equal(question[0]?.related?.line, lineOf(dir, source, 'id: personal-data'));
    assert.equal(course?.translations?.length, 1, 'the rest still loads');
  });

  test('a changed correct answer, a lost choice and a dropdown blank are errors at the translation', () => {
    const dir = stampedCopy();
    edit(
      dir,
      spanish,
      '  - text: Tu historial médico\n',
      '  - text: Tu historial médico\n    correct: true\n',
    );
    edit(dir, spanish, '  - text: Lo que factura la empresa cada trimestre\n', '');
    edit(dir, spanish, '[[una semana|(un mes)|un año]]', '[[(una semana)|un mes|un año]]');
    edit(dir, spanish, '    answer: false', '    answer: true');
    const { diagnostics } = loadCourse(dir, dir);
    const found = only(diagnostics, 'translation-question').map((d) => [d.line, d.message]);
    const lines = read(dir, spanish).split('\n');
    const line = (text: string, from = 0) =>
      lines.findIndex((l, i) => i >= from && l.includes(text)) + 1;
    assert.deepEqual(
      found.map(([l]) => l),
      [
        line('Tu historial médico') + 1,
        // The list of choices, which lost one, starts on the line after "choices:".
        line('choices:', line('Elige todos')) + 1,
        line('text: En la UE'),
        line('answer: true', line('Las herramientas de IA')),
      ],
    );
    assert.equal(found.length, 4);
    assert.match(String(found[0]?.[1]), /"correct" of the source is missing|is not in the source/);
    assert.match(String(found[1]?.[1]), /"choices" has 2 entries; the source has 3/);
    assert.match(String(found[2]?.[1]), /blanks differ/);
    assert.match(String(found[3]?.[1]), /"statements\[2\]\.answer" is true; the source has false/);
  });

  test('pages, citations, media, front matter and glossary keys must match', () => {
    const dir = stampedCopy();
    edit(dir, spanish, '## Tus derechos\n', '### Tus derechos\n');
    edit(dir, spanish, '[^gdpr-art-15]', '[^gdpr]');
    edit(dir, spanish, '../media/schedule.svg', '../media/other.svg');
    edit(dir, spanish, 'minutes: 10', 'minutes: 12');
    edit(dir, 'es/course.yaml', '  personal data:', '  personal info:');
    const { diagnostics } = loadCourse(dir, dir);
    const codes = diagnostics.filter((d) => d.code.startsWith('translation-')).map((d) => d.code);
    for (const code of [
      'translation-page-mismatch',
      'translation-citation-mismatch',
      'translation-media-mismatch',
      'translation-field-mismatch',
      'translation-glossary-mismatch',
    ] as const) {
      assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    }
    for (const d of diagnostics.filter((d) => d.code.startsWith('translation-'))) {
      assert.ok(d.related, `${d.code} names the source too`);
    }
  });

  test('a translated workshop kit keeps the sections and the minutes of its source', () => {
    const dir = stampedCopy();
    edit(dir, 'es/workshop.md', '## Plan\n', '');
    edit(dir, 'es/workshop.md', 'minutes: 60', 'minutes: 90');
    const { diagnostics } = loadCourse(dir, dir);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.file, d.line, d.related?.file]),
      [
        ['translation-field-mismatch', 'es/workshop.md', 3, 'workshop.md'],
        // One heading too few: said at the translation's last block, the source's missing
        // heading as the note.
        [
          'translation-page-mismatch',
          'es/workshop.md',
          lineOf(dir, 'es/workshop.md', 'Puedes pedir'),
          'workshop.md',
        ],
      ],
    );
  });

  test('translations: only languages with interface strings, never the course language', () => {
    const dir = stampedCopy();
    edit(dir, 'course.yaml', 'translations: [es]', 'translations: [es, de, en]');
    const { diagnostics } = loadCourse(dir, dir);
    const line = lineOf(dir, 'course.yaml', 'translations:');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line, d.column]),
      [['invalid-value', line, 20]],
      'de has no interface strings',
    );
    edit(dir, 'course.yaml', 'translations: [es, de, en]', 'translations: [es, en]');
    assert.deepEqual(
      loadCourse(dir, dir).diagnostics.map((d) => [d.code, d.line, d.column]),
      [['translation-same-language', line, 20]],
    );
  });

  test('a missing translated file is a positioned error at the language in course.yaml', () => {
    const dir = stampedCopy();
    rmSync(path.join(dir, 'es/workshop.md'));
    const { diagnostics, course } = loadCourse(dir, dir);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.file, d.line, d.column]),
      [
        [
          'missing-translation-file',
          'course.yaml',
          lineOf(dir, 'course.yaml', 'translations:'),
          16,
        ],
      ],
    );
    assert.match(diagnostics[0]?.message ?? '', /es\/workshop\.md/);
    assert.equal(course?.translations, undefined);
  });
});

describe('XLIFF exchange', () => {
  const modules = (dir: string) => [
    {
      entry: source,
      translatedEntry: spanish,
      sourceText: read(dir, source),
      translatedText: read(dir, spanish),
    },
  ];

  test('export, import unchanged: byte-identical module files', () => {
    const dir = stampedCopy();
    const xml = exportXliff(modules(dir), 'en', 'es');
    assert.match(
      xml,
      /<xliff xmlns="urn:oasis:names:tc:xliff:document:2\.0" version="2\.0" srcLang="en" trgLang="es">/,
    );
    assert.match(
      xml,
      /Correct: choice 2 \(&quot;Your shift availability and hours worked&quot;\) of 3\./,
    );
    assert.match(xml, /type single/);
    assert.match(xml, /Length: at most about/);
    const result = importXliff(xml, 'es.xlf', modules(dir));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.files.size, 0, 'nothing changed, nothing to write');
    // A translator's edit comes back into exactly its block.
    const edited = xml.replace('Tus derechos</target>', 'Tus derechos laborales</target>');
    const back = importXliff(edited, 'es.xlf', modules(dir)).files.get(spanish);
    assert.equal(
      back,
      read(dir, spanish).replace('## Tus derechos\n', '## Tus derechos laborales\n'),
    );
    // Re-importing what was written gives the same bytes again.
    writeFileSync(path.join(dir, spanish), back ?? '');
    const again = importXliff(exportXliff(modules(dir), 'en', 'es'), 'es.xlf', modules(dir));
    assert.equal(again.files.size, 0);
  });

  test('a file whose source changed since the export is refused, nothing written', () => {
    const dir = stampedCopy();
    const xml = exportXliff(modules(dir), 'en', 'es');
    edit(dir, source, 'Employers use software', 'Employers buy software');
    const result = importXliff(
      xml.replace('Tus derechos</target>', 'Otros</target>'),
      'es.xlf',
      modules(dir),
    );
    assert.equal(result.files.size, 0);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.file]),
      [['xliff-source-changed', 'es.xlf']],
    );
    assert.ok((result.diagnostics[0]?.line ?? 0) > 1);
    const broken = importXliff('<xliff><file>', 'bad.xlf', modules(dir));
    assert.equal(broken.diagnostics[0]?.code, 'xliff-invalid');
  });
});
