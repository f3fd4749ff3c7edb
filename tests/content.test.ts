/**
 * The curriculum's quality bar (issue 5), checked on every course in courses/ except the
 * benchmark module, which is ported word for word from another tool.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { learnerText, readability } from '@teach-in/course-builder';
import { loadCourse } from '@teach-in/course-parser';
import type { Course, Module, Question } from '@teach-in/course-schema';
import { isGraded } from '@teach-in/course-schema';
import { repoRoot } from './support/build-fixture.ts';

const coursesDir = path.join(repoRoot, 'courses');
const benchmark = 'sample-module';
const maxGrade = 9;

const courses: Course[] = readdirSync(coursesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== benchmark)
  .map((entry) => {
    const { course, diagnostics } = loadCourse(path.join(coursesDir, entry.name));
    assert.deepEqual(diagnostics, [], `${entry.name} has diagnostics`);
    assert.ok(course);
    return course;
  });

const questionsOf = (module: Module): Question[] =>
  module.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : [])));

/** Every choice-like answer carries feedback; other graded types say why right or wrong. */
function feedbackGaps(question: Question): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'scenario':
      return question.choices.filter((c) => !c.feedbackHtml).map((c) => `${question.id}/${c.id}`);
    case 'true-false':
      return question.statements.every((s) => s.feedbackHtml) || question.explanationHtml
        ? []
        : [question.id];
    case 'matching':
    case 'ordering':
    case 'fill-in':
    case 'dropdown':
      return question.explanationHtml ||
        (question.correctFeedbackHtml && question.incorrectFeedbackHtml)
        ? []
        : [question.id];
    default:
      return [];
  }
}

describe('the curriculum', () => {
  test('three courses, 12 to 14 modules in all', () => {
    assert.equal(courses.length, 3);
    const modules = courses.reduce((sum, c) => sum + c.modules.length, 0);
    assert.ok(modules >= 12 && modules <= 14, `${modules} modules`);
  });

  for (const course of courses) {
    describe(course.id, () => {
      test('has a glossary', () => {
        assert.ok(course.glossary.length >= 5, `${course.glossary.length} terms`);
      });

      for (const module of course.modules) {
        describe(module.id, () => {
          const questions = questionsOf(module);
          const blocks = module.pages.flatMap((p) => p.blocks);

          test('objectives, 3 to 6 pages, cited sources, facilitator notes', () => {
            assert.ok(module.objectives.length >= 1, 'no objectives');
            assert.ok(
              module.pages.length >= 3 && module.pages.length <= 6,
              `${module.pages.length} pages`,
            );
            const cited = new Set(module.pages.flatMap((p) => p.references.map((r) => r.key)));
            assert.ok(cited.size >= 1, 'cites no source');
            assert.ok(
              blocks.some((b) => b.kind === 'facilitator'),
              'no facilitator note',
            );
          });

          test('4 to 6 graded questions with feedback on every choice, and their source cited', () => {
            const graded = questions.filter((q) => isGraded(q) && q.graded);
            assert.ok(
              graded.length >= 4 && graded.length <= 6,
              `${graded.length} graded questions`,
            );
            assert.deepEqual(questions.flatMap(feedbackGaps), []);
            const uncited = graded.filter(
              (q) => !JSON.stringify(q).includes('class=\\"ti-cite\\"'),
            );
            assert.deepEqual(
              uncited.map((q) => q.id),
              [],
              'graded questions whose feedback cites no source',
            );
          });

          test('at least one reflection, agreement-scale or scenario activity', () => {
            assert.ok(questions.some((q) => ['reflection', 'likert', 'scenario'].includes(q.type)));
          });

          test(`learner text at or below grade ${maxGrade}`, () => {
            const result = readability(learnerText(module));
            assert.ok(
              result.grade <= maxGrade,
              `grade ${result.grade}; longest sentences:\n${result.longest.join('\n')}`,
            );
          });
        });
      }
    });
  }
});

/** Each theme of the seeds, with words that a module teaching it must use. */
const themes: Record<string, RegExp> = {
  'PAI: executive and managerial decisions shape AI’s impacts': /manag|executive/i,
  'PAI: workers appreciate some aspects of AI': /apprecia|helps? (them|you|workers)|benefit/i,
  'PAI: the harms are not new': /not new|earlier technolog|older technolog/i,
  'PAI: AI limits human skills (judgment, empathy, creativity)': /judg(e)?ment|empathy|creativ/i,
  'PAI: empower workers early': /early/i,
  'Opportunity: worker voice in contract negotiations': /contract|bargain|negotiat/i,
  'Opportunity: train members and organizers': /train/i,
  'Opportunity: take part in purchasing and implementation decisions': /purchas|procure|buy/i,
  'Opportunity: ask for disclosure and transparency': /disclos|transparen/i,
  'Opportunity: offer input where AI would be welcome': /input|suggest/i,
  'Opportunity: connect with unions in the same sector and region':
    /same sector|other unions|sector and/i,
  'ILO risk: surveillance': /surveil|monitor/i,
  'ILO risk: work intensification': /intensif|pace|faster/i,
  'ILO risk: reduced autonomy': /autonomy|control over/i,
  'ILO risk: privacy and data use': /privacy|personal data/i,
  'ILO risk: limited transparency': /transparen/i,
  'Employment cycle: hiring and recruitment': /hir(e|ing)|recruit/i,
  'Employment cycle: scheduling and task allocation': /schedul|shift/i,
  'Employment cycle: monitoring': /monitor/i,
  'Employment cycle: performance management': /performance/i,
  'Employment cycle: discipline and dismissal': /disciplin|dismiss|fir(e|ing)/i,
  'The gap in OSH frameworks': /safety and health|OSH/i,
  'No comprehensive AI-at-work law': /comprehensive/i,
  'The integrated policy approach': /integrated/i,
};

describe('the coverage table in courses/README.md', () => {
  const readme = readFileSync(path.join(coursesDir, 'README.md'), 'utf8');
  const rows = new Map(
    [...readme.matchAll(/^\| ([^|]+?) \| ([^|]+?) \|$/gm)]
      .map(
        (m) =>
          [
            m[1]!.trim(),
            [...m[2]!.matchAll(/`([a-z0-9-]+\/[a-z0-9-]+)`/g)].map((x) => x[1]!),
          ] as const,
      )
      .filter(([, modules]) => modules.length > 0),
  );
  const modules = new Map<string, Module>(
    courses.flatMap((c) => c.modules.map((m) => [`${c.id}/${m.id}`, m] as const)),
  );
  const fullText = (m: Module) =>
    m.pages
      .flatMap((p) => [
        p.title,
        ...p.blocks.map((b) =>
          'html' in b ? b.html : JSON.stringify(b.kind === 'question' ? b.question : b.media),
        ),
      ])
      .join('\n');

  test('lists every theme of the seeds, and nothing else', () => {
    assert.deepEqual([...rows.keys()].sort(), Object.keys(themes).sort());
  });

  for (const [theme, words] of Object.entries(themes)) {
    test(`${theme}: the modules listed exist and teach it`, () => {
      const listed = rows.get(theme) ?? [];
      assert.ok(listed.length > 0, 'no module listed');
      for (const id of listed) {
        const module = modules.get(id);
        assert.ok(module, `${id} is not a module`);
        assert.match(fullText(module), words, `${id} does not mention it`);
      }
    });
  }
});
