import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInTheme, type Course, type Page, type Question } from '@teach-in/course-schema';
import { dataSentToLms, noticeEntries } from '../src/data-notice.ts';
import { PageGlossary } from '../src/glossary-terms.ts';
import { renderCoursePage } from '../src/render-page.ts';

const glossary = [
  { term: 'algorithmic management', definitionHtml: 'Software that assigns work.' },
  { term: 'management', definitionHtml: 'The people who run a workplace.' },
  { term: 'DSAR', definitionHtml: 'A <em>data subject access request</em>.' },
];

const termButtons = (html: string) =>
  [...html.matchAll(/<button type="button" class="ti-term"[^>]*>([^<]*)<\/button>/g)].map(
    (m) => m[1],
  );

describe('glossary terms', () => {
  it('marks the first occurrence of each term on a page, longest term first', () => {
    const page = new PageGlossary(glossary, 'term-1');
    const html = page.mark(
      '<p>Algorithmic management is new. Algorithmic management again; management too, and management.</p>',
    );
    assert.deepEqual(termButtons(html), ['Algorithmic management', 'management']);
    assert.match(
      html,
      /<button type="button" class="ti-term" aria-expanded="false" aria-controls="term-1-1" aria-describedby="term-1-1">Algorithmic management<\/button><span class="ti-term-definition" id="term-1-1" hidden>Software that assigns work.<\/span>/,
    );
    // Once marked, a term is not marked again in a later block of the same page.
    assert.deepEqual(termButtons(page.mark('<p>DSAR and management.</p>')), ['DSAR']);
  });

  it('skips headings, links, code, citations and partial words', () => {
    const page = new PageGlossary(glossary, 't');
    const html = page.mark(
      '<h3>DSAR</h3><p><a href="https://x.org">DSAR</a> <code>DSAR</code> <sup><a href="#r">DSAR</a></sup> DSARs mismanagement</p><p>A DSAR &amp; more</p>',
    );
    assert.deepEqual(termButtons(html), ['DSAR']);
    assert.match(
      html,
      /<p>A <button[^>]*>DSAR<\/button><span[^>]*>A <em>data subject access request<\/em>.<\/span> &amp; more<\/p>/,
    );
  });

  it('are marked in prose, never in question texts, with page-unique ids', () => {
    const course = sampleCourse();
    const html = renderCoursePage(course, { lms: 'scorm12', anchor: (p, k) => `${p}-${k}` });
    const pageOne = html.slice(
      html.indexOf('data-page-id="m/one"'),
      html.indexOf('data-page-id="m/two"'),
    );
    assert.deepEqual(termButtons(pageOne), ['DSAR']);
    const questionJson =
      /<ti-single-choice><script type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(questionJson.includes('A DSAR'), 'the question names the term');
    assert.ok(!questionJson.includes('ti-term'), 'but it is not marked there');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique in the page');
    for (const [, controlled] of html.matchAll(/aria-controls="([^"]+)"/g)) {
      assert.ok(ids.includes(controlled), `aria-controls="${controlled}" names an element`);
    }
  });
});

function question(share: boolean): Question {
  return {
    type: 'reflection',
    id: `reflect-${share}`,
    moduleId: 'm',
    promptHtml: 'Think',
    promptText: `Think ${share}`,
    share,
  };
}

function page(
  id: string,
  title: string,
  blocks: Page['blocks'],
  references: Page['references'] = [],
): Page {
  return { id, title, blocks, references };
}

function sampleCourse(overrides: Partial<Course> = {}): Course {
  const graded: Question = {
    type: 'single',
    id: 'q1',
    moduleId: 'm',
    promptHtml: 'What is a DSAR?',
    promptText: 'What is a DSAR?',
    graded: true,
    attempts: 1,
    shuffle: true,
    choices: [
      { id: 'a', html: 'A DSAR', correct: true },
      { id: 'b', html: 'Other', correct: false },
    ],
  };
  return {
    id: 'c',
    version: '1.0.0',
    title: 'Course',
    language: 'en',
    passingScore: 80,
    completion: 'both',
    theme: builtInTheme('clean'),
    end: { certificate: true },
    dir: '/c',
    assets: [],
    glossary,
    modules: [
      {
        id: 'm',
        title: 'Module',
        objectives: [],
        file: 'modules/m.md',
        pools: { 'm/final': { draw: 1 } },
        pages: [
          page(
            'm/one',
            'One',
            [
              { kind: 'prose', html: '<p>Send a DSAR [1].</p>' },
              { kind: 'callout', variant: 'tip', html: '<p>A DSAR is free.</p>' },
              { kind: 'question', question: graded },
            ],
            [{ key: 'gdpr', number: 1, text: 'GDPR Article 15' }],
          ),
          page(
            'm/two',
            'Two',
            [{ kind: 'prose', html: '<p>More on the DSAR.</p>' }],
            [
              { key: 'gdpr', number: 1, text: 'GDPR Article 15' },
              { key: 'pai', number: 2, text: 'Partnership on AI 2022' },
            ],
          ),
        ],
      },
    ],
    ...overrides,
  };
}

describe('pages outside the sequence', () => {
  const html = renderCoursePage(sampleCourse(), {
    lms: 'scorm2004',
    anchor: (p, k) => `${p}-${k}`,
  });

  it('adds the glossary, references and data notice in that order', () => {
    const extras = [
      ...html.matchAll(
        /<section class="ti-extra" data-extra="([^"]+)" aria-labelledby="([^"]+)">\n<h2 id="([^"]+)" tabindex="-1">([^<]+)<\/h2>/g,
      ),
    ];
    assert.deepEqual(
      extras.map((m) => [m[1], m[2] === m[3], m[4]]),
      [
        ['glossary', true, 'Glossary'],
        ['references', true, 'References'],
        ['data-notice', true, 'What this course records'],
      ],
    );
  });

  it('lists each module source once, with links to the pages that cite it', () => {
    assert.match(
      html,
      /<h3>Module<\/h3><ol><li>GDPR Article 15 <span class="ti-cited-on">Cited on: <a href="#page-1">One<\/a>, <a href="#page-2">Two<\/a><\/span><\/li><li>Partnership on AI 2022 <span class="ti-cited-on">Cited on: <a href="#page-2">Two<\/a><\/span><\/li><\/ol>/,
    );
  });

  it('sorts the glossary page by term', () => {
    const terms = [...html.matchAll(/<dt id="glossary-[^"]+">([^<]+)<\/dt>/g)].map((m) => m[1]);
    assert.deepEqual(terms, ['algorithmic management', 'DSAR', 'management']);
  });

  it('carries the pools, the completion rule and each page module for the shell', () => {
    assert.match(html, /data-completion="both"/);
    assert.match(html, /data-pools="\{&quot;m\/final&quot;:1\}"/);
    assert.match(html, /<section class="ti-page" data-page-id="m\/one" data-module-id="m"/);
  });

  it('writes page text in the course language', () => {
    const spanish = renderCoursePage(sampleCourse({ language: 'es-MX' }), {
      lms: 'standalone',
      anchor: (p, k) => `${p}-${k}`,
    });
    assert.match(spanish, /<html lang="es-MX" dir="ltr">/);
    assert.match(spanish, />Glosario<\/h2>/);
    assert.match(spanish, /<p class="ti-callout-title">Consejo<\/p>/);
    assert.match(spanish, /Esta copia del curso no envía nada a nadie/);
    const arabic = renderCoursePage(sampleCourse({ language: 'ar' }), {
      lms: 'standalone',
      anchor: (p) => p,
    });
    assert.match(arabic, /<html lang="ar" dir="rtl">/);
    assert.match(arabic, />Glossary<\/h2>/, 'no Arabic strings yet: English');
  });
});

describe('the data notice', () => {
  it('leaves out score lines when nothing is scored and answer lines when nothing is sent', () => {
    const onlyPrivate = sampleCourse();
    onlyPrivate.modules[0]!.pages = [
      page('m/one', 'One', [{ kind: 'question', question: question(false) }]),
    ];
    assert.deepEqual(
      noticeEntries(onlyPrivate, 'scorm12').map((e) => e.element),
      dataSentToLms.scorm12.filter((e) => e.when === 'always').map((e) => e.element),
    );
    assert.deepEqual(noticeEntries(onlyPrivate, 'standalone'), []);
  });

  it('names the reflections whose author opted in to sharing', () => {
    const course = sampleCourse();
    course.modules[0]!.pages = [
      page('m/one', 'One', [
        { kind: 'question', question: question(true) },
        { kind: 'question', question: question(false) },
      ]),
    ];
    const html = renderCoursePage(course, { lms: 'scorm12', anchor: (p) => p });
    assert.match(html, /for these reflection questions only:<\/p><ul><li>Think true<\/li><\/ul>/);
    assert.doesNotMatch(html, /<li>Think false<\/li>/);
  });
});
