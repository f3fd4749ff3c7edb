/**
 * `pnpm new:question <type>`: a new question type's element, styles and browser test in
 * packages/quiz-elements/src/<type>/, from the templates beside this file, then the list of
 * the other files to change. Once the type is named in course-schema (the two
 * registration places below), `pnpm typecheck` points at every other place that must learn it;
 * tests/question-type-compiler.test.ts proves that it does.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const templatesDir = fileURLToPath(new URL('templates/', import.meta.url));

/** One file to change for a new question type, and what to do there. */
export interface Place {
  file: string;
  what: string;
}

/** Naming the type: after these, the compiler finds the rest. */
export const registrationPlaces: readonly Place[] = [
  {
    file: 'packages/course-schema/src/question-types.ts',
    what: 'add the name to questionTypes (and to gradedQuestionTypes if it has a right answer)',
  },
  {
    file: 'packages/course-schema/src/question-model.ts',
    what: 'add interface <Name>Question (its response tokens in the table at the top), add it to GradedQuestion or Question, export it from packages/course-schema/src/index.ts, and add its tag `ti-<type>` to questionTags',
  },
];

/**
 * Where `pnpm typecheck` reports an error once the type is named and its element exists:
 * each must handle the new type. tests/question-type-compiler.test.ts asserts this list.
 */
export const compilerPlaces: readonly Place[] = [
  {
    file: 'packages/course-schema/src/question-schemas.ts',
    what: 'the YAML schema of the ```quiz block',
  },
  { file: 'packages/course-schema/src/scoring.ts', what: 'correctResponse and isCorrect' },
  {
    file: 'packages/course-parser/src/question-builders.ts',
    what: 'buildQuestion: quiz block to model, with its checks',
  },
  {
    file: 'packages/course-builder/src/guide/answer-key.ts',
    what: "the facilitator guide's answer key",
  },
  {
    file: 'packages/course-builder/src/guide/guide-strings.ts',
    what: 'the type name in the guide, in every interface language',
  },
  { file: 'packages/course-builder/src/print-view.ts', what: 'the question on paper' },
  {
    file: 'packages/lms-bridge/src/state/layout.ts',
    what: 'the response domain the compact saved state encodes',
  },
  {
    file: 'packages/lms-bridge/src/interactions.ts',
    what: 'the SCORM / cmi5 interaction type and response format',
  },
  {
    file: 'packages/workshop-server/src/question-options.ts',
    what: 'dashboard counts, polls, response checks, what the server keeps',
  },
  {
    file: 'packages/quiz-elements/src/index.ts',
    what: 'export the element: importing the package defines it (QuestionElementOf fails for a type whose element the package does not import)',
  },
  {
    file: 'packages/lms-bridge/test/scorm-trackers.test.ts',
    what: 'a learner response for the tracker tests',
  },
  { file: 'tests/content.test.ts', what: 'the curriculum feedback check' },
];

/** Not seen by the compiler: tests and docs catch these, or nothing does. */
export const otherPlaces: readonly Place[] = [
  {
    file: 'packages/quiz-elements/custom-elements.json',
    what: 'pnpm --filter @teach-in/quiz-elements run manifest',
  },
  {
    file: 'packages/quiz-elements/src/strings/en.ts',
    what: 'any new interface words (the other languages then fail to compile until translated)',
  },
  { file: 'docs/authoring.md', what: 'the type, its fields and an example for authors' },
  {
    file: 'packages/course-parser/test/question-types.test.ts',
    what: 'parsing tests: a good block and each bad one with its diagnostic',
  },
];

const isIdentifier = (name: string) => /^[a-z][a-z0-9]*$/.test(name);

/** `sketch-pad` -> `SketchPad` (class names) and `sketchPad` (variables). */
export function namesFor(type: string) {
  const words = type.split('-');
  const Name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return {
    type,
    Name,
    name: Name.charAt(0).toLowerCase() + Name.slice(1),
    tagAccess: isIdentifier(type) ? `questionTags.${type}` : `questionTags['${type}']`,
  };
}

/** The three new files, by path from the repository root, with their text. */
export function newQuestionFiles(type: string): Map<string, string> {
  const names = namesFor(type);
  const fill = (template: string) =>
    readFileSync(path.join(templatesDir, template), 'utf8')
      .replaceAll("questionTags['__type__']", names.tagAccess)
      .replaceAll('__Name__', names.Name)
      .replaceAll('__name__', names.name)
      .replaceAll('__type__', names.type);
  const dir = `packages/quiz-elements/src/${type}`;
  return new Map([
    [`${dir}/${type}.ts`, fill('element.ts.template')],
    [`${dir}/${type}.styles.ts`, fill('element.styles.ts.template')],
    [`${dir}/${type}.test.ts`, fill('element.test.ts.template')],
  ]);
}

/** Why a type name cannot be used, or undefined when it can. */
export function nameProblem(type: string | undefined): string | undefined {
  if (!type) return 'Give the new type a name: pnpm new:question <type>, for example sketch.';
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(type)) {
    return `"${type}" is not a type name: lower case letters, digits and single hyphens, starting with a letter.`;
  }
  const types = readFileSync(path.join(repoRoot, registrationPlaces[0]?.file ?? ''), 'utf8');
  if (types.includes(`'${type}'`)) return `"${type}" is already a question type.`;
  return undefined;
}

const list = (places: readonly Place[]) =>
  places.map((p) => `  ${p.file}\n      ${p.what}`).join('\n');

function main(args: string[]): number {
  const type = args[0];
  const problem = nameProblem(type);
  if (problem || !type) {
    console.error(problem);
    return 2;
  }
  const files = newQuestionFiles(type);
  const taken = [...files.keys()].filter((file) => existsSync(path.join(repoRoot, file)));
  if (taken.length > 0) {
    console.error(`Not overwriting ${taken.join(', ')}.`);
    return 1;
  }
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(repoRoot, file)), { recursive: true });
    writeFileSync(path.join(repoRoot, file), text);
  }
  console.log(`Created:\n${[...files.keys()].map((f) => `  ${f}`).join('\n')}

1. Name the type (then the compiler finds the rest):
${list(registrationPlaces)}

2. Run \`pnpm typecheck\`: it reports an error in each of these until it handles the type:
${list(compilerPlaces)}

3. The compiler cannot see these:
${list(otherPlaces)}

docs/architecture.md ("Add a question type") explains each step.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
