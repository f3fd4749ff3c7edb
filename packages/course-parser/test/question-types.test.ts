import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  correctResponse,
  isCorrect,
  isGraded,
  type Question,
  type QuestionType,
} from '@teach-in/course-schema';
import { loadCourse } from '../src/index.ts';

const dir = fileURLToPath(new URL('./fixtures/every-question-type/', import.meta.url));
const loaded = loadCourse(dir, dir);
const course = loaded.course!;
const questions = course.modules.flatMap((m) =>
  m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : []))),
);
function question<T extends QuestionType>(type: T, id = `q-${type}`) {
  const found = questions.find((q) => q.id === id);
  assert.equal(found?.type, type);
  return found as Extract<Question, { type: T }>;
}

describe('every question type', () => {
  test('loads without a diagnostic', () => {
    assert.deepEqual(loaded.diagnostics, []);
  });

  test('graded types carry graded, attempts, shuffle and pool; defaults apply', () => {
    const single = question('single');
    assert.deepEqual(
      [single.graded, single.attempts, single.shuffle, single.pool],
      [true, 2, false, 'a/check'],
    );
    const multiple = question('multiple');
    assert.deepEqual([multiple.graded, multiple.attempts, multiple.shuffle], [false, 1, true]);
    assert.deepEqual(course.modules[0]?.pools, { 'a/check': { draw: 1 } });
    assert.deepEqual(
      questions.map((q) => [q.id, isGraded(q)]),
      [
        ['q-single', true],
        ['q-multiple', true],
        ['q-true-false', true],
        ['q-matching', true],
        ['q-ordering', true],
        ['q-fill-in', true],
        ['q-dropdown', true],
        ['q-likert', false],
        ['q-likert-custom', false],
        ['q-scenario', false],
        ['q-reflection', false],
        ['q-reflection-shared', false],
      ],
    );
  });

  test('true-false: statements a, b with answers and feedback', () => {
    const q = question('true-false');
    assert.deepEqual(q.statements, [
      { id: 'a', html: 'Software can set shifts.', answer: true, feedbackHtml: 'Many apps do.' },
      { id: 'b', html: 'AI tools are always neutral.', answer: false },
    ]);
    assert.deepEqual(correctResponse(q), ['a.true', 'b.false']);
    assert.ok(isCorrect(q, ['b.false', 'a.true']));
    assert.ok(!isCorrect(q, ['a.true', 'b.true']));
    assert.ok(!isCorrect(q, ['a.true']));
  });

  test('matching: prompts a, b; targets 1, 2 then the distractors, as plain text', () => {
    const q = question('matching');
    assert.deepEqual(q.prompts, [
      { id: 'a', html: 'Access', match: '1', feedbackHtml: 'Article 15.' },
      { id: 'b', html: 'Rectification', match: '2' },
    ]);
    assert.deepEqual(q.targets, [
      { id: '1', text: 'Get a copy of your data' },
      { id: '2', text: 'Correct wrong data' },
      { id: '3', text: 'Stop all monitoring' },
    ]);
    assert.ok(isCorrect(q, ['a.1', 'b.2']));
    assert.ok(!isCorrect(q, ['a.1', 'b.3']));
  });

  test('ordering: items in the right order, always shuffled, order matters', () => {
    const q = question('ordering');
    assert.deepEqual(
      q.items.map((i) => i.id),
      ['a', 'b', 'c'],
    );
    assert.equal(q.shuffle, true);
    assert.equal(q.correctFeedbackHtml, 'That is the order.');
    assert.ok(isCorrect(q, ['a', 'b', 'c']));
    assert.ok(!isCorrect(q, ['b', 'a', 'c']));
  });

  test('fill-in: trimmed, spaces collapsed; case matters only when the author says so', () => {
    const q = question('fill-in');
    assert.deepEqual(q.answers, ['DSAR', 'SAR']);
    assert.equal(q.caseSensitive, true);
    assert.ok(isCorrect(q, ['  DSAR ']));
    assert.ok(!isCorrect(q, ['dsar']));
    assert.ok(!isCorrect(q, ['']));
    assert.ok(isCorrect({ ...q, caseSensitive: false }, ['dsar']));
  });

  test('dropdown: text and blanks in reading order; sentence text for reports', () => {
    const q = question('dropdown');
    assert.deepEqual(q.segments, [
      { kind: 'text', html: 'Reply within ' },
      {
        kind: 'blank',
        id: '1',
        options: [
          { id: 'a', text: 'one week' },
          { id: 'b', text: 'one month' },
          { id: 'c', text: 'one year' },
        ],
        correct: 'b',
      },
      { kind: 'text', html: ' in the <em>EU</em>, or ' },
      {
        kind: 'blank',
        id: '2',
        options: [
          { id: 'a', text: 'three months' },
          { id: 'b', text: 'a year' },
        ],
        correct: 'a',
      },
      { kind: 'text', html: ' if extended.' },
    ]);
    assert.equal(q.sentenceText, 'Reply within one month in the EU, or three months if extended.');
    assert.equal(q.promptText, q.sentenceText);
    assert.equal(q.incorrectFeedbackHtml, 'The GDPR says one month.');
    assert.deepEqual(correctResponse(q), ['1.b', '2.a']);
  });

  test('citations in question texts are numbered with the page and listed in its sources', () => {
    const q = question('fill-in');
    assert.equal(
      q.explanationHtml,
      'Article 15 of the GDPR <sup class="ti-cite"><a href="#src-a-words-gdpr" aria-label="Source 1">[1]</a></sup>.',
    );
    const page = course.modules[0]?.pages.find((p) => p.id === 'a/words');
    assert.deepEqual(page?.references, [
      { key: 'gdpr', number: 1, text: 'Regulation (EU) 2016/679' },
    ]);
  });

  test('likert, scenario and reflection', () => {
    assert.deepEqual(question('likert').scale, []);
    assert.deepEqual(question('likert', 'q-likert-custom').scale, ['Never', 'Sometimes', 'Often']);
    assert.deepEqual(
      question('scenario').choices.map((c) => c.id),
      ['a', 'b'],
    );
    assert.equal(question('reflection').share, false);
    assert.equal(question('reflection', 'q-reflection-shared').share, true);
  });

  test('the workshop kit: sections at level-2 headings, handouts marked', () => {
    const workshop = course.workshop;
    assert.equal(workshop?.title, 'Our workplace, our data');
    assert.equal(workshop?.minutes, 90);
    assert.deepEqual(
      workshop?.sections.map((s) => [s.title, s.handout]),
      [
        ['Before the session', false],
        ['Plan', false],
        ['Handout: Mapping worksheet', true],
        ['Handout: Disclosure request template', true],
      ],
    );
    assert.match(workshop?.sections[1]?.html ?? '', /<table>/);
  });

  test('the glossary keeps authored order and renders inline Markdown', () => {
    assert.deepEqual(course.glossary, [
      {
        term: 'algorithmic management',
        definitionHtml: 'Software that assigns, times or rates work in place of a manager.',
      },
      {
        term: 'DSAR',
        definitionHtml: 'A <em>data subject access request</em>, asking for a copy of your data.',
      },
    ]);
  });
});
