import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Block, Course, Page, Question } from '@teach-in/course-schema';
import { correctResponse, isGraded, referenceAnchor } from '@teach-in/course-schema';
import { loadCourse } from '../src/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Loads a course that must have no diagnostics at all, not even warnings. */
function loadClean(dir: string): Course {
  const { course, diagnostics } = loadCourse(dir, dir);
  assert.deepEqual(
    diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`),
    [],
  );
  assert.ok(course);
  return course;
}

function page(course: Course, id: string): Page {
  const found = course.modules.flatMap((m) => m.pages).find((p) => p.id === id);
  assert.ok(found, `no page ${id}`);
  return found;
}

function questions(course: Course): Question[] {
  return course.modules
    .flatMap((m) => m.pages)
    .flatMap((p) => p.blocks)
    .flatMap((b) => (b.kind === 'question' ? [b.question] : []));
}

function cite(pageId: string, key: string, number: number): string {
  const href = `#${referenceAnchor(pageId, key)}`;
  const link = `<a href="${href}" aria-label="Source ${number}">[${number}]</a>`;
  return `<sup class="ti-cite">${link}</sup>`;
}

describe('the valid fixture', () => {
  const dir = path.join(fixtures, 'valid');
  const course = loadClean(dir);

  test('course fields come from course.yaml', () => {
    const { modules, theme, ...fields } = course;
    assert.equal(theme.name, 'clean');
    assert.equal(theme.light.accent, '#9b1c1c');
    assert.equal(theme.light['header-bg'], '#9b1c1c', 'the header follows the union accent');
    assert.notEqual(theme.dark.accent, '#9b1c1c', 'dark mode lightens the accent to read');
    assert.deepEqual(fields, {
      id: 'valid',
      version: '1.2.0',
      title: 'Data at work',
      language: 'en',
      audience: 'Union members',
      description: 'A small course used by the parser tests.',
      passingScore: 75,
      completion: 'assessment-passed',
      end: { certificate: true },
      dir,
      assets: ['media/checklist.txt', 'media/logo.png'],
      glossary: [],
    });
    assert.deepEqual(
      modules.map(({ id, title, minutes, objectives, file }) => ({
        id,
        title,
        minutes,
        objectives,
        file,
      })),
      [
        {
          id: 'intro',
          title: 'What counts as AI at work',
          minutes: 15,
          objectives: [
            'Tell an automated decision system apart from ordinary software',
            'Name one right that workers have over their data',
          ],
          file: 'modules/intro.md',
        },
        {
          id: 'rights',
          title: 'Your data rights',
          minutes: undefined,
          objectives: [],
          file: 'modules/rights.md',
        },
      ],
    );
  });

  test('pages split at ##; text before the first ## opens with the module title', () => {
    assert.deepEqual(
      course.modules.flatMap((m) => m.pages.map((p) => [p.id, p.title])),
      [
        ['intro/introduction', 'What counts as AI at work'],
        ['intro/software-that-decides', 'Software that decides'],
        ['intro/software-that-decides-2', 'Software that decides'],
        ['rights/asking-for-your-data', 'Asking for your data'],
      ],
    );
  });

  test('the leading # title is skipped, not rendered', () => {
    const opening = page(course, 'intro/introduction');
    assert.equal(opening.blocks.length, 1);
    assert.doesNotMatch((opening.blocks[0] as { html: string }).html, /<h1/);
  });

  test('citations are numbered per page in order of first use, from both source lists', () => {
    const id = 'intro/software-that-decides';
    const decides = page(course, id);
    assert.deepEqual(decides.references, [
      { key: 'ilo-2022', number: 1, text: 'ILO, Algorithmic management and decent work (2022)' },
      {
        key: 'pai-job-quality',
        number: 2,
        text: 'Partnership on AI, AI and Job Quality: Insights from Frontline Workers (2022)',
      },
      {
        key: 'gdpr',
        number: 3,
        text: 'Regulation (EU) 2016/679, the General Data Protection Regulation',
      },
    ]);
    assert.deepEqual(decides.blocks[0], {
      kind: 'prose',
      html:
        `<p>Shift apps assign work from predicted demand ${cite(id, 'ilo-2022', 1)}. ` +
        'Researchers saw the same\n' +
        `pattern in warehouses ${cite(id, 'pai-job-quality', 2)} and in care work ` +
        `${cite(id, 'ilo-2022', 1)}.</p>\n`,
    });
    // Numbering starts again on the next page.
    const next = page(course, 'intro/software-that-decides-2');
    assert.deepEqual(
      next.references.map((r) => [r.key, r.number]),
      [['gdpr', 1]],
    );
    assert.equal(referenceAnchor(id, 'ilo-2022'), 'src-intro-software-that-decides-ilo-2022');
  });

  test('callouts become callout blocks; facilitator notes their own kind', () => {
    const id = 'intro/software-that-decides';
    const kinds = (p: Page) =>
      p.blocks.map((b: Block) => (b.kind === 'callout' ? `callout:${b.variant}` : b.kind));
    assert.deepEqual(kinds(page(course, id)), ['prose', 'callout:note', 'facilitator', 'question']);
    assert.deepEqual(kinds(page(course, 'intro/software-that-decides-2')), [
      'prose',
      'callout:tip',
      'callout:warning',
      'callout:important',
    ]);
    const blocks = page(course, id).blocks;
    assert.deepEqual(blocks[1], {
      kind: 'callout',
      variant: 'note',
      html: `<p>The law on this is still changing ${cite(id, 'gdpr', 3)}.</p>\n`,
    });
    assert.deepEqual(blocks[2], {
      kind: 'facilitator',
      html: '<p>Ask the group which apps decide their shifts. Allow five minutes.</p>\n',
    });
  });

  test('local files become assets with hrefs relative to the package root', () => {
    const opening = page(course, 'intro/introduction').blocks[0] as { html: string };
    assert.match(opening.html, /<img src="media\/logo\.png" alt="Union logo">/);
    const tip = page(course, 'intro/software-that-decides-2').blocks[1] as { html: string };
    assert.equal(
      tip.html,
      '<p>Read <a href="media/checklist.txt">the checklist</a> before the meeting.</p>\n',
    );
  });

  test('web links and in-page anchors are kept as written', () => {
    const prose = page(course, 'rights/asking-for-your-data').blocks[0] as { html: string };
    assert.match(prose.html, /<a href="https:\/\/eur-lex\.europa\.eu\/eli\/reg\/2016\/679\/oj">/);
    assert.match(prose.html, /<a href="#asking-for-your-data">/);
  });

  test('questions: choices get ids a, b, c; inline Markdown is rendered', () => {
    const [single, multiple] = questions(course);
    assert.deepEqual(single, {
      type: 'single',
      id: 'spot-algorithmic-management',
      moduleId: 'intro',
      promptHtml: 'Which of these is <strong>algorithmic management</strong>?',
      promptText: 'Which of these is algorithmic management?',
      graded: true,
      attempts: 1,
      shuffle: true,
      choices: [
        {
          id: 'a',
          html: 'Software that assigns shifts from predicted demand',
          correct: true,
          feedbackHtml: 'It decides who works when, without a manager choosing.',
        },
        {
          id: 'b',
          html: 'A shared spreadsheet of shift swaps',
          correct: false,
          feedbackHtml: 'People still make these decisions.',
        },
        { id: 'c', html: 'A printed rota on the wall', correct: false },
      ],
      hintHtml: 'Ask who makes the decision.',
      explanationHtml: 'When software makes the decision, it is algorithmic management.',
    });
    assert.equal(multiple?.type, 'multiple');
    assert.equal(multiple?.graded, false);
    assert.deepEqual(
      multiple?.choices.map((c) => [c.id, c.correct]),
      [
        ['a', true],
        ['b', true],
        ['c', false],
      ],
    );
  });

  test('file paths in diagnostics and the model are relative, with forward slashes', () => {
    assert.deepEqual(
      course.modules.map((m) => m.file),
      ['modules/intro.md', 'modules/rights.md'],
    );
  });
});

describe('tooling/bench/sample-module', () => {
  const course = loadClean(path.join(repoRoot, 'tooling/bench/sample-module'));

  test('has 4 pages', () => {
    assert.deepEqual(
      course.modules[0]?.pages.map((p) => [p.id, p.title]),
      [
        ['your-data-rights/introduction', 'Your data rights at work'],
        ['your-data-rights/1-what-data-is-collected', '1. What data is collected?'],
        ['your-data-rights/2-your-rights', '2. Your rights'],
        ['your-data-rights/3-ai-and-job-quality', '3. AI and job quality'],
      ],
    );
  });

  test('has every question of the benchmark, with its right answer', () => {
    assert.deepEqual(
      questions(course).map((q) => ({
        id: q.id,
        type: q.type,
        correct: isGraded(q) ? correctResponse(q) : [],
      })),
      [
        { id: 'scheduling-app-data', type: 'single', correct: ['b'] },
        { id: 'personal-data', type: 'multiple', correct: ['a', 'b'] },
        { id: 'name-of-data-request', type: 'fill-in', correct: ['DSAR'] },
        { id: 'response-deadline', type: 'dropdown', correct: ['1.b'] },
        { id: 'rate-each-statement', type: 'true-false', correct: ['a.true', 'b.false', 'c.true'] },
      ],
    );
    assert.equal(course.completion, 'both');
    assert.equal(course.passingScore, 80);
  });
});

describe('the complete example in docs/authoring.md', () => {
  const dir = path.join(fixtures, 'authoring-example');

  test('loads with zero diagnostics', () => {
    const course = loadClean(dir);
    assert.equal(course.id, 'data-at-work');
    assert.deepEqual(course.assets, ['media/logo.svg', 'media/shift-app.png']);
    assert.deepEqual(
      course.modules[0]?.pages.map((p) => p.id),
      [
        'who-decides/introduction',
        'who-decides/software-that-decides',
        'who-decides/your-right-to-see-your-data',
        'who-decides/before-the-next-session',
      ],
    );
    assert.deepEqual(
      questions(course).map((q) => [q.id, q.type, isGraded(q) && q.graded]),
      [
        ['warm-up-rota', 'single', false],
        ['warm-up-app', 'single', false],
        ['spot-algorithmic-management', 'single', true],
        ['apps-or-people', 'true-false', true],
        ['what-can-you-ask-for', 'multiple', true],
        ['match-the-rights', 'matching', true],
        ['request-steps', 'ordering', true],
        ['request-name', 'fill-in', true],
        ['answer-time', 'dropdown', true],
        ['app-feels-fair', 'likert', false],
        ['app-says-no', 'scenario', false],
        ['app-to-look-into', 'reflection', false],
        ['question-for-the-branch', 'reflection', false],
      ],
    );
    assert.equal(course.workshop?.title, 'Who decides? A first session');
  });

  test('is the same text as the doc shows', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/authoring.md'), 'utf8');
    for (const file of ['course.yaml', 'modules/who-decides.md', 'workshop.md']) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      assert.ok(doc.includes(`\n${text}\`\`\``), `docs/authoring.md does not show ${file} as is`);
    }
  });
});
