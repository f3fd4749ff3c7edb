/**
 * The curriculum's quality bar (issues 5 and 16), checked on every course in courses/. The
 * benchmark module is not curriculum and lives in tooling/bench/. Assertions are per course
 * and per module, so a new course is checked as soon as its folder is added.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { learnerText } from '@teach-in/course-builder';
import { loadCourse } from '@teach-in/course-parser';
import type { Course, Module, Question } from '@teach-in/course-schema';
import { isGraded } from '@teach-in/course-schema';
import { repoRoot } from './support/build-fixture.ts';
import {
  type Conventions,
  conventions,
  conventionsFor,
  spanishDate,
} from './support/language-conventions.ts';
import {
  clausesOf,
  pastDeadlinesInFuture,
  spanishMonths as spanishMonthNames,
} from './support/past-deadlines.ts';

const coursesDir = path.join(repoRoot, 'courses');
const toolkit = 'union-toolkit';
/** The build date: legal text must be true on it. */
const today = new Date();

const courses: Course[] = readdirSync(coursesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const { course, diagnostics } = loadCourse(path.join(coursesDir, entry.name));
    // A passed recheck date is a warning for authors (check and build print it), not a defect.
    const problems = diagnostics.filter((d) => d.code !== 'recheck-due');
    assert.deepEqual(problems, [], `${entry.name} has diagnostics`);
    assert.ok(course);
    return course;
  });

/** Visible text of an HTML fragment. */
const plain = (html: string): string =>
  html
    .replace(/<sup class="ti-cite">.*?<\/sup>/g, '')
    // Source line breaks are not sentence ends; block elements are.
    .replace(/\s+/g, ' ')
    .replace(/<(li|p|h\d|tr|td|th|br)\b[^>]*>/g, '\n$&')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[ \t]+/g, ' ');

/** Every string a question shows: prompt, choices, feedback, explanation. */
function questionStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'id' || key === 'type' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => questionStrings(v));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => questionStrings(v, k));
  return [];
}

/** All the text of a module a learner or facilitator reads, one block per paragraph. */
const moduleText = (module: Module): string =>
  module.pages
    .flatMap((p) => [
      p.title,
      ...p.blocks.map((b) =>
        'html' in b
          ? plain(b.html)
          : 'question' in b
            ? questionStrings(b.question).map(plain).join('\n')
            : b.media.title,
      ),
    ])
    .join('\n');

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
    case 'likert':
    case 'reflection':
      return [];
  }
}

describe('finding a past deadline written as future', () => {
  const text =
    'EU countries must make it national law by 2 December 2026. The deadline was 2 December 2026; check whether your country has passed its law. The duties apply from 2 December 2027. The rules will apply from December 2027.';
  test('flags a date that has passed only when it is written as future', () => {
    assert.deepEqual(pastDeadlinesInFuture(text, new Date('2026-12-03T00:00:00Z')), [
      {
        sentence: 'EU countries must make it national law by 2 December 2026.',
        date: '2 December 2026',
      },
    ]);
    assert.deepEqual(pastDeadlinesInFuture(text, new Date('2026-12-02T12:00:00Z')), []);
    assert.equal(pastDeadlinesInFuture(text, new Date('2028-01-01T00:00:00Z')).length, 2);
    assert.deepEqual(
      pastDeadlinesInFuture(
        'From 1 July 2021 on, firms will have to comply.',
        new Date('2026-12-07'),
      ),
      [{ sentence: 'From 1 July 2021 on, firms will have to comply.', date: '1 July 2021' }],
    );
  });
});

describe('finding a past deadline written as future, in Spanish', () => {
  const es = conventions.es;
  const text =
    'Los países de la UE tienen que convertirla en ley antes del 2 de diciembre de 2026. El plazo era el 2 de diciembre de 2026; comprueba si tu país ha aprobado su ley. Las obligaciones se aplican desde el 2 de diciembre de 2027. Las normas se aplicarán desde diciembre de 2027.';
  test('flags a date that has passed only when it is written as future', () => {
    assert.deepEqual(es.pastDeadlines(text, new Date('2026-12-03T00:00:00Z')), [
      {
        sentence:
          'Los países de la UE tienen que convertirla en ley antes del 2 de diciembre de 2026.',
        date: '2 de diciembre de 2026',
      },
    ]);
    assert.deepEqual(es.pastDeadlines(text, new Date('2026-12-02T12:00:00Z')), []);
    assert.equal(es.pastDeadlines(text, new Date('2028-01-01T00:00:00Z')).length, 2);
    // The English finder reads none of it: the Spanish needs its own.
    assert.deepEqual(conventions.en.pastDeadlines(text, new Date('2028-01-01T00:00:00Z')), []);
  });

  test('reads the future tense, "ir a", deadlines, "todavía no" and "no ... hasta"', () => {
    const today = new Date('2026-12-07T00:00:00Z');
    const flagged = [
      'Desde el 2 de febrero de 2025, el Reglamento prohibirá leer las emociones.',
      'La prohibición va a aplicarse el 2 de agosto de 2025.',
      'El plazo de transposición es el 2 de diciembre de 2026.',
      'Las empresas deben informar a la plantilla a más tardar el 1 de julio de 2026.',
      'Todavía no se aplica: entra en vigor en agosto de 2026.',
      'Está previsto que la ley se apruebe en noviembre de 2026.',
      'El Reglamento no se aplica hasta el 2 de agosto de 2026.',
      'Las multas podrán llegar a 35 millones desde el 2 de agosto de 2025.',
    ];
    for (const sentence of flagged) {
      assert.equal(es.pastDeadlines(sentence, today).length, 1, sentence);
    }
    const fine = [
      'Desde el 2 de febrero de 2025, el Reglamento prohíbe leer las emociones.',
      'El plazo era el 2 de diciembre de 2026, así que comprueba si tu país ha aprobado su ley.',
      'A fecha de octubre de 2026, la Comisión propondrá cambios.',
      'Las obligaciones se aplicarán desde el 2 de diciembre de 2027.',
      'Se comprobó el 7 de diciembre de 2026; la revisión quedó atrás en enero de 2026.',
      'Las empresas tienen que informar antes de usar el sistema, desde el 2 de agosto de 2025.',
    ];
    for (const sentence of fine) assert.deepEqual(es.pastDeadlines(sentence, today), [], sentence);
  });

  /** The Spanish curriculum's own sentences, made wrong the way a translator might. */
  test("flags the curriculum's true statements of passed dates once rewritten as future", (t) => {
    const today = new Date();
    const clauses = courses
      .flatMap((c) => (c.translations ?? []).filter((e) => e.language === 'es'))
      .flatMap((e) => e.modules)
      .flatMap((m) => clausesOf(moduleText(m)));
    const date = `(?<day>\\d{1,2}) de (?<month>${spanishMonthNames.join('|')}) de (?<year>\\d{4})`;
    // Present and past to future, each right before its date.
    const rewrites: Array<[RegExp, string]> = [
      [
        new RegExp(`\\b([Ss]e aplica)(n?) desde el ${date}`),
        '$1rá$2 desde el $<day> de $<month> de $<year>',
      ],
      [new RegExp(`\\b(plazo\\b[^.;]*?) era el ${date}`), '$1 es el $<day> de $<month> de $<year>'],
    ];
    const now = today.toISOString().slice(0, 10);
    let past = 0;
    let future = 0;
    for (const clause of clauses) {
      for (const [pattern, replacement] of rewrites) {
        const found = pattern.exec(clause)?.groups;
        if (!found) continue;
        const month = spanishMonthNames.indexOf(found.month!) + 1;
        const iso = `${found.year}-${String(month).padStart(2, '0')}-${found.day!.padStart(2, '0')}`;
        const wrong = clause.replace(pattern, replacement);
        assert.notEqual(wrong, clause);
        assert.deepEqual(es.pastDeadlines(clause, today), [], clause);
        // A date still to come may be written as future; a passed one may not.
        assert.equal(es.pastDeadlines(wrong, today).length, iso < now ? 1 : 0, wrong);
        if (iso < now) past += 1;
        else future += 1;
      }
    }
    t.diagnostic(`${past} passed and ${future} coming dates rewritten as future`);
    assert.ok(past >= 5, `${past} passed dates rewritten`);
  });
});

describe('the curriculum', () => {
  test('at least four courses, among them the union toolkit, each of 2 to 6 modules', () => {
    assert.ok(courses.length >= 4, `${courses.length} courses`);
    assert.ok(courses.some((c) => c.id === toolkit));
    for (const course of courses)
      assert.ok(
        course.modules.length >= 2 && course.modules.length <= 6,
        `${course.id}: ${course.modules.length} modules`,
      );
  });

  for (const course of courses) {
    describeCourse(course, conventions.en);
    // Each translation listed under "translations:" meets the same bar, in the wording of
    // its language.
    for (const translation of course.translations ?? []) {
      const wording = conventionsFor(translation.language);
      if (wording) describeCourse(translation, wording);
    }
  }
});

/** The quality bar of one course (or one translation), in the wording of its language. */
function describeCourse(course: Course, wording: Conventions): void {
  const name = course.edition ? `${course.id} (${course.language})` : course.id;
  describe(name, () => {
    test('has a glossary', () => {
      assert.ok(course.glossary.length >= 5, `${course.glossary.length} terms`);
    });

    test('says when its legal content was checked, against what, and when it is due again', () => {
      assert.ok(course.checked, 'no checked: date in course.yaml');
      assert.ok(course.recheck, 'no recheck: date in course.yaml');
      assert.ok(course.recheck > course.checked, 'recheck is not after checked');
      // One page tells learners, in words, what course.yaml says.
      const stated = course.modules.flatMap((m) =>
        clausesOf(moduleText(m)).filter((s) => wording.checkedAgainst.test(s)),
      );
      assert.ok(stated.length > 0, 'no page says "checked ... against sources up to ..."');
      const all = stated.join(' ');
      assert.ok(all.includes(wording.date(course.checked)), `no page gives ${course.checked}`);
      const text = course.modules.map(moduleText).join('\n');
      assert.ok(
        text.includes(wording.recheck(course.recheck)),
        `no page says "${wording.recheck(course.recheck)}"`,
      );
    });

    // Read in the text's own language: a translation can get a tense wrong that its source has right.
    test('writes no deadline that has passed on the build date as future', () => {
      const texts = [
        ...course.modules.map((m) => [m.file, moduleText(m)] as const),
        ...(course.workshop
          ? [['workshop', course.workshop.sections.map((s) => plain(s.html)).join('\n')] as const]
          : []),
      ];
      const found = texts.flatMap(([file, text]) =>
        wording.pastDeadlines(text, today).map((d) => `${file}: ${d.date}: ${d.sentence}`),
      );
      assert.deepEqual(found, []);
    });

    for (const module of course.modules) {
      describe(module.id, () => {
        const questions = questionsOf(module);
        const blocks = module.pages.flatMap((p) => p.blocks);

        test('objectives, 3 to 6 pages and the Monday checklist, cited sources, facilitator notes', () => {
          assert.ok(module.objectives.length >= 1, 'no objectives');
          // The Monday checklist page comes on top of the 3 to 6 teaching pages.
          assert.ok(
            module.pages.length >= 4 && module.pages.length <= 7,
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
          assert.ok(graded.length >= 4 && graded.length <= 6, `${graded.length} graded questions`);
          assert.deepEqual(questions.flatMap(feedbackGaps), []);
          const uncited = graded.filter((q) => !JSON.stringify(q).includes('class=\\"ti-cite\\"'));
          assert.deepEqual(
            uncited.map((q) => q.id),
            [],
            'graded questions whose feedback cites no source',
          );
        });

        test('ends with "## Monday checklist": three numbered things to do', () => {
          const last = module.pages.at(-1);
          assert.equal(last?.title, wording.checklist);
          const kinds = last.blocks.map((b) => b.kind).filter((k) => k !== 'facilitator');
          assert.deepEqual(kinds, ['prose'], 'only the numbered list (and a facilitator note)');
          const html = last.blocks.flatMap((b) => (b.kind === 'prose' ? [b.html] : [])).join('');
          assert.match(html, /^\s*<ol>/, 'the list comes right after the heading');
          assert.equal(html.match(/<ol\b/g)?.length, 1, 'one numbered list');
          assert.doesNotMatch(html, /<ol start=|<ul\b/, 'numbered 1. 2. 3.');
          const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => plain(m[1]!).trim());
          assert.equal(items.length, 3, items.join(' | '));
          for (const item of items) assert.match(item, wording.checklistItem, item);
          // A translation's staleness stamps (lines the tool writes) are not the author's text.
          const source = readFileSync(path.join(course.dir, module.file), 'utf8').replace(
            /^<!-- ti-source: [0-9a-f]{8} -->[ \t]*\n/gm,
            '',
          );
          const tail = source.slice(source.lastIndexOf('\n## '));
          assert.match(
            tail,
            new RegExp(`^\\n## ${wording.checklist}\\n\\n1\\. [\\s\\S]*\\n2\\. [\\s\\S]*\\n3\\. `),
          );
          assert.doesNotMatch(tail, /\n4\. /);
        });

        test('facilitator timings add up to the stated minutes', () => {
          assert.ok(module.minutes, 'no minutes: in the front matter');
          const notes = blocks.flatMap((b) => (b.kind === 'facilitator' ? [plain(b.html)] : []));
          const timings = notes.flatMap((n) =>
            [...n.matchAll(wording.timing)].map((m) => Number(m[1])),
          );
          assert.ok(timings.length > 0, `no "${wording.timing.source}" in any facilitator note`);
          const sum = timings.reduce((a, b) => a + b, 0);
          assert.equal(sum, module.minutes, `timings ${timings.join(' + ')} = ${sum}`);
        });

        test('every scenario has one clearly best choice and the legal disclaimer', () => {
          for (const q of questions) {
            if (q.type !== 'scenario') continue;
            const best = q.choices.filter((c) =>
              wording.bestChoice.test(plain(c.feedbackHtml).trim()),
            );
            assert.equal(best.length, 1, `${q.id}: ${best.length} choices marked "Best choice"`);
            assert.match(
              plain(q.explanationHtml ?? ''),
              wording.disclaimer,
              `${q.id} has no disclaimer`,
            );
          }
        });

        test('at least one reflection, agreement-scale or scenario activity', () => {
          assert.ok(questions.some((q) => ['reflection', 'likert', 'scenario'].includes(q.type)));
        });

        test('learner text within the reading limit of its language', () => {
          const result = wording.readable(learnerText(module));
          assert.ok(
            result.ok,
            `${result.measure}; longest sentences:\n${result.longest.join('\n')}`,
          );
        });
      });
    }
  });
}

/**
 * The Spanish wording agreed in the translation format (docs/translation.md), as the
 * translators write it: the checks above find it in every Spanish module.
 */
describe('the Spanish conventions', () => {
  const es = conventions.es;
  test('match the agreed sentences and refuse the English ones', () => {
    assert.deepEqual(
      [...'Tiempo: 5 minutos. Pregunta quién.'.matchAll(es.timing)].map((m) => m[1]),
      ['5'],
    );
    assert.match('La mejor opción. Pides los datos por escrito.', es.bestChoice);
    assert.doesNotMatch('Best choice. You ask in writing.', es.bestChoice);
    assert.match(
      'Información general, no asesoramiento jurídico. Consúltalo con la asesoría jurídica de tu sindicato.',
      es.disclaimer,
    );
    assert.equal(es.checklist, 'Lista para el lunes');
    assert.match(
      'Este contenido se ha comprobado el 7 de diciembre de 2026 con fuentes hasta octubre de 2026.',
      es.checkedAgainst,
    );
    assert.equal(es.recheck('2027-04-01'), 'Fecha de revisión: 1 de abril de 2027');
    assert.equal(spanishDate('2026-12-07'), '7 de diciembre de 2026');
    assert.match('A fecha de octubre de 2026, la ley dice esto.', es.dated);
    assert.match('Pregunta a tu delegada qué datos recoge la app.', es.checklistItem);
  });

  test('the Spanish reading limit passes plain Spanish and fails dense legal prose', () => {
    assert.ok(es.readable('Puedes pedir una copia de tus datos. La empresa debe responder.').ok);
    const dense = es.readable(
      'Las organizaciones que implantan sistemas automatizados de toma de decisiones deberán proporcionar información significativa sobre la lógica aplicada, así como la importancia y las consecuencias previstas de dicho tratamiento para la persona interesada.',
    );
    assert.equal(dense.ok, false, dense.measure);
  });
});

/** Text of an HTML fragment, without tags, for counting and matching. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ');

/**
 * What only the union toolkit must show: dated legal content in every module, and a label on
 * every sample clause (the conventions every course follows are checked above).
 */
describe('the union toolkit course', () => {
  const course = courses.find((c) => c.id === toolkit);

  test('exists', () => {
    assert.ok(course, `no course ${toolkit}`);
  });

  const editions = course ? [course, ...(course.translations ?? [])] : [];
  for (const edition of editions) {
    const wording = conventionsFor(edition.language);
    for (const module of wording ? edition.modules : []) {
      describe(`${module.id} (${edition.language})`, () => {
        test('legal content is dated', () => {
          const text = module.pages
            .flatMap((p) => p.blocks.map((b) => ('html' in b ? b.html : '')))
            .join(' ');
          assert.match(text, wording?.dated ?? /./);
        });
      });
    }
  }

  test('states what it was checked against and when to recheck, on its first page', () => {
    const first = course?.modules[0]?.pages[0];
    const text = textOf((first?.blocks ?? []).map((b) => ('html' in b ? b.html : '')).join(' '));
    assert.match(text, /checked on\s+7 December 2026 against sources up to October 2026/);
    assert.match(text, /Recheck date: 1 May 2027/);
  });

  test('labels every sample clause as written for the course', () => {
    const clauses = (course?.modules ?? [])
      .flatMap((m) => m.pages.flatMap((p) => p.blocks))
      .flatMap((b) =>
        b.kind === 'prose' ? textOf(b.html).split(/(?=Clause [A-H]:|The clause won\.)/) : [],
      )
      .filter((part) => /^(Clause [A-H]:|The clause won\.)/.test(part));
    assert.ok(clauses.length >= 9, `${clauses.length} sample clauses`);
    for (const clause of clauses) {
      assert.match(clause, /sample language written for this course, not from a real agreement/i);
    }
  });
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
