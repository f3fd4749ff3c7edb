import path from 'node:path';
import {
  type Course,
  courseSchema,
  type Diagnostic,
  type DiagnosticCode,
  diagnosticAt,
  diagnosticForFile,
  type Module,
  relatedAt,
  SourceText,
} from '@teach-in/course-schema';
import { exists, isDirectory, isFile, listDirectory, statOf } from './course-fs.ts';
import { lex, renderBlocks, renderInline } from './markdown.ts';
import { type ParsedModule, parseModule, type QuestionSite } from './module-parser.ts';
import { deepestLine, isStackOverflow } from './nesting.ts';
import { questionTypeList, questionTypeListAgain } from './question-parser.ts';
import { reviewDateDiagnostics } from './review-dates.ts';
import { readSource, staysInside } from './source-file.ts';
import { resolveTheme } from './theme-check.ts';
import {
  loadTranslations,
  type SourceModule,
  type TranslationReport,
} from './translations/load-translations.ts';
import { parseWorkshop } from './workshop-parser.ts';
import { parseYaml, validateYaml } from './yaml-source.ts';

export interface LoadResult {
  course?: Course;
  diagnostics: Diagnostic[];
  /** Per translation listed in course.yaml: its status and how up to date each module is. */
  translations?: TranslationReport[];
}

/** Paths as authors see them: relative to where the command runs. */
function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}

/**
 * Finds course folders: each given path is a course folder (holding course.yaml) or a
 * folder of course folders. Sorted, so builds and reports come out in the same order.
 */
export function findCourses(
  paths: readonly string[],
  cwd = process.cwd(),
): { dirs: string[]; diagnostics: Diagnostic[] } {
  const dirs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const dir = path.resolve(cwd, given);
    if (exists(path.join(dir, 'course.yaml'))) {
      dirs.push(dir);
      continue;
    }
    const children = isDirectory(dir)
      ? listDirectory(dir)
          .filter((entry) => entry.isDirectory && exists(path.join(dir, entry.name, 'course.yaml')))
          .map((entry) => path.join(dir, entry.name))
          .sort()
      : [];
    if (children.length === 0) {
      diagnostics.push(
        diagnosticForFile('no-course', display(dir, cwd), {
          message: `No course.yaml in "${given}" or in the folders directly inside it`,
        }),
      );
    }
    dirs.push(...children);
  }
  return { dirs, diagnostics };
}

export interface LoadOptions {
  /** The day to compare `recheck:` with; tests set it, everyone else gets today. */
  today?: Date;
  /** Stale and unstamped translated blocks are errors, not warnings (release builds). */
  strictTranslations?: boolean;
}

/** Module files past this size are refused: a pasted image or a runaway export, not prose. */
export const maxModuleBytes = 1024 * 1024;

/** Reads a course folder into the Course model, reporting every problem in every file. */
export function loadCourse(
  dir: string,
  cwd = process.cwd(),
  options: LoadOptions = {},
): LoadResult {
  const courseFile = path.join(dir, 'course.yaml');
  const courseDisplay = display(courseFile, cwd);
  if (!staysInside(courseFile, dir)) {
    return {
      diagnostics: [
        diagnosticForFile('symlink-outside-course', courseDisplay, {
          message: 'course.yaml is a symbolic link that leads outside the course folder',
        }),
      ],
    };
  }
  const read = readSource(courseFile, courseDisplay);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const source = new SourceText(courseDisplay, read.text);
  const parsed = parseYaml({ source, start: 0, text: source.text });
  const diagnostics = [...read.diagnostics, ...parsed.diagnostics];
  const checked =
    parsed.diagnostics.length === 0
      ? validateYaml(courseSchema, parsed, source, 'course.yaml')
      : { diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const file = checked.value;
  // A broken course.yaml must not hide the problems in its modules: read what it lists.
  const fields = file ? undefined : parsed.partial();
  const listing = file || Array.isArray(fields?.modules) ? parsed : modulesBlock(source);
  const entries = file?.modules ?? stringsIn(fields?.modules ?? listing.partial().modules);
  const courseSources = file?.sources ?? stringRecord(fields?.sources);
  if (file && file.modules.length === 0) {
    const at = parsed.locate(['modules'], 'key');
    diagnostics.push(diagnosticAt('no-modules', source, at.offset, { length: at.length }));
  }

  const modules: Module[] = [];
  const assets = new Set<string>();
  const questionSites: QuestionSite[] = [];
  const moduleIds = new Map<string, { entry: string; site: QuestionSite }>();
  const listed = new Map<string, number>();
  const sourceModules: SourceModule[] = [];
  entries.forEach((entry, index) => {
    const at = listing.locate(['modules', index]);
    const moduleFile = path.resolve(dir, entry);
    const firstIndex = listed.get(moduleFile);
    if (firstIndex !== undefined) {
      const first = listing.locate(['modules', firstIndex]);
      diagnostics.push(
        diagnosticAt('duplicate-module-entry', source, at.offset, {
          message: `Module "${entry}" is listed twice under "modules:"`,
          length: at.length,
          related: relatedAt(source, first.offset, 'first listed here'),
        }),
      );
      return;
    }
    listed.set(moduleFile, index);
    const problem = fileProblem(dir, moduleFile, `Module file "${entry}"`);
    if (problem) {
      diagnostics.push(
        diagnosticAt(problem.code, source, at.offset, { ...problem, length: at.length }),
      );
      return;
    }
    const moduleDisplay = display(moduleFile, cwd);
    const bytes = statOf(moduleFile).size;
    if (bytes > maxModuleBytes) {
      diagnostics.push(
        diagnosticForFile('module-too-large', moduleDisplay, {
          message: `Module "${entry}" is ${megabytes(bytes)}; a module is at most ${megabytes(maxModuleBytes)}, so it was not read`,
        }),
      );
      return;
    }
    const text = readSource(moduleFile, moduleDisplay);
    diagnostics.push(...text.diagnostics);
    if (text.text === undefined) return;
    const relative = path.relative(dir, moduleFile);
    const result: ParsedModule = parseModule(text.text, {
      file: moduleFile,
      displayPath: moduleDisplay,
      relativePath: relative.split(path.sep).join('/'),
      courseDir: dir,
      courseSources,
    });
    diagnostics.push(...result.diagnostics);
    for (const asset of result.assets) assets.add(asset);
    questionSites.push(...result.questionSites);
    if (!result.module || !result.idSite) return;
    const earlier = moduleIds.get(result.module.id);
    if (earlier) {
      const site = result.idSite;
      diagnostics.push(
        diagnosticAt('duplicate-module-id', site.source, site.offset, {
          message: `Module id "${result.module.id}" is used by both ${earlier.entry} and ${entry}`,
          length: site.length,
          related: relatedAt(earlier.site.source, earlier.site.offset, 'first used here'),
        }),
      );
    } else {
      moduleIds.set(result.module.id, { entry, site: result.idSite });
    }
    modules.push(result.module);
    sourceModules.push({
      entry,
      index,
      file: moduleFile,
      displayPath: moduleDisplay,
      text: text.text,
      module: result.module,
    });
  });
  diagnostics.push(...duplicateQuestions(questionSites));
  const workshopEntry =
    file?.workshop ?? (typeof fields?.workshop === 'string' ? fields.workshop : undefined);
  const workshop: ReturnType<typeof parseWorkshop> = workshopEntry
    ? loadWorkshop(dir, workshopEntry, parsed, source, cwd)
    : { diagnostics: [] };
  diagnostics.push(...workshop.diagnostics);
  if (file) {
    diagnostics.push(
      ...reviewDateDiagnostics(file, modules, parsed, source, options.today ?? new Date()),
    );
  }
  sayTypesOnce(diagnostics);
  if (!file) return { diagnostics };
  const theme = resolveTheme(file, parsed, source);
  diagnostics.push(...theme.diagnostics);
  const logo = file.union?.logo ? checkLogo(dir, file.union.logo, parsed, source) : undefined;
  if (logo?.diagnostic) diagnostics.push(logo.diagnostic);
  if (logo?.asset) assets.add(logo.asset);

  const course: Course = {
    id: file.id,
    version: file.version,
    title: file.title,
    language: file.language,
    ...(file.audience ? { audience: file.audience } : {}),
    ...(file.description ? { description: file.description } : {}),
    passingScore: file.passing_score,
    completion: file.tracking?.completion ?? 'both',
    theme: theme.theme,
    end: {
      ...(file.end?.next ? { nextHtml: renderBlocks(lex(file.end.next)) } : {}),
      certificate: file.end?.certificate ?? true,
    },
    ...(file.union
      ? { union: { name: file.union.name, ...(logo?.asset ? { logo: logo.asset } : {}) } }
      : {}),
    modules,
    dir,
    assets: [...assets].sort(),
    glossary: Object.entries(file.glossary ?? {}).map(([term, definition]) => ({
      term,
      definitionHtml: renderInline(definition),
    })),
    ...(workshop.workshop ? { workshop: workshop.workshop } : {}),
    ...(file.checked ? { checked: file.checked } : {}),
    ...(file.recheck ? { recheck: file.recheck } : {}),
  };
  if (!file.translations?.length) return { course, diagnostics };
  const translated = loadTranslations({
    dir,
    file,
    parsed,
    source,
    course,
    sourceModules,
    display: (name) => display(name, cwd),
    strict: options.strictTranslations ?? false,
  });
  diagnostics.push(...translated.diagnostics);
  if (translated.translations.length > 0) course.translations = translated.translations;
  return { course, diagnostics, translations: translated.reports };
}

/**
 * Why a file listed in course.yaml cannot be read as one, with a code that says which:
 * outside the folder, missing, a folder, or a link that leads out.
 */
function fileProblem(
  dir: string,
  file: string,
  what: string,
): { code: DiagnosticCode; message: string; hint?: string } | undefined {
  const relative = path.relative(dir, file);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { code: 'module-outside-course', message: `${what} is outside the course folder` };
  }
  if (!exists(file)) {
    return { code: 'missing-module-file', message: `${what} does not exist in the course folder` };
  }
  if (!staysInside(file, dir)) {
    return {
      code: 'symlink-outside-course',
      message: `${what} is a symbolic link that leads outside the course folder`,
    };
  }
  const stat = statOf(file);
  if (stat.isDirectory) {
    const inside = listDirectory(file)
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.md'))
      .sort();
    const example = inside[0]
      ? `${path.relative(dir, path.join(file, inside[0])).split(path.sep).join('/')}`
      : 'modules/who-decides.md';
    return {
      code: 'module-not-a-file',
      message: `${what} is a folder, not a Markdown file`,
      hint: `List each module file on its own line, like "- ${example}", not the folder that holds them.`,
    };
  }
  if (!stat.isFile) {
    return { code: 'missing-module-file', message: `${what} is not a regular file` };
  }
  return undefined;
}

/**
 * The `modules:` block of a course.yaml whose syntax error swallowed it (yaml folds the
 * lines after an error into the broken value), read on its own with its file positions.
 */
function modulesBlock(source: SourceText): ReturnType<typeof parseYaml> {
  const block = /^modules:[^\n]*\n(?:[ \t].*\n?|-.*\n?|\n)*/m.exec(source.text);
  return parseYaml({ source, start: block?.index ?? 0, text: block?.[0] ?? '' });
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function stringsIn(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v !== '')
    : [];
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
  );
}

/** The list of question types is said in the first hint that needs it, not in every one. */
function sayTypesOnce(diagnostics: Diagnostic[]): void {
  let said = false;
  diagnostics.forEach((diagnostic, index) => {
    if (!diagnostic.hint.includes(questionTypeList)) return;
    if (!said) {
      said = true;
      return;
    }
    diagnostics[index] = {
      ...diagnostic,
      hint: diagnostic.hint.replace(questionTypeList, questionTypeListAgain),
    };
  });
}

function loadWorkshop(
  dir: string,
  entry: string,
  parsed: ReturnType<typeof parseYaml>,
  source: SourceText,
  cwd: string,
): ReturnType<typeof parseWorkshop> {
  const file = path.resolve(dir, entry);
  const problem = fileProblem(dir, file, `Workshop file "${entry}"`);
  if (problem) {
    const at = parsed.locate(['workshop']);
    const code = problem.code === 'module-not-a-file' ? 'missing-module-file' : problem.code;
    return {
      diagnostics: [
        diagnosticAt(code, source, at.offset, {
          message: problem.message,
          ...(code === problem.code && problem.hint ? { hint: problem.hint } : {}),
          length: at.length,
        }),
      ],
    };
  }
  const read = readSource(file, display(file, cwd));
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  let parsedWorkshop: ReturnType<typeof parseWorkshop>;
  try {
    parsedWorkshop = parseWorkshop(read.text, display(file, cwd));
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const workshopSource = new SourceText(display(file, cwd), read.text);
    const at = deepestLine(read.text);
    return { diagnostics: [diagnosticAt('markdown-too-deep', workshopSource, at)] };
  }
  return { ...parsedWorkshop, diagnostics: [...read.diagnostics, ...parsedWorkshop.diagnostics] };
}

const logoTypes = ['.svg', '.png'];

/** The logo must be an SVG or PNG inside the course folder: it is packaged with the course. */
function checkLogo(
  dir: string,
  entry: string,
  parsed: ReturnType<typeof parseYaml>,
  source: SourceText,
): { asset?: string; diagnostic?: Diagnostic } {
  const file = path.resolve(dir, entry);
  const relative = path.relative(dir, file).split(path.sep).join('/');
  const at = parsed.locate(['union', 'logo']);
  const fail = (message: string) => ({
    diagnostic: diagnosticAt('bad-logo', source, at.offset, { message, length: at.length }),
  });
  if (relative.startsWith('..') || path.isAbsolute(entry)) {
    return fail(`The logo "${entry}" is outside the course folder`);
  }
  if (!logoTypes.includes(path.extname(file).toLowerCase())) {
    return fail(`The logo "${entry}" is not an .svg or .png file`);
  }
  if (!isFile(file)) {
    return fail(`The logo file "${entry}" does not exist in the course folder`);
  }
  if (!staysInside(file, dir)) {
    return fail(`The logo "${entry}" is a symbolic link that leads outside the course folder`);
  }
  return { asset: relative };
}

function duplicateQuestions(sites: readonly QuestionSite[]): Diagnostic[] {
  const first = new Map<string, QuestionSite>();
  const diagnostics: Diagnostic[] = [];
  for (const site of sites) {
    const earlier = first.get(site.id);
    if (!earlier) {
      first.set(site.id, site);
      continue;
    }
    const where = `${earlier.source.file}:${earlier.source.position(earlier.offset).line}`;
    diagnostics.push(
      diagnosticAt('duplicate-question-id', site.source, site.offset, {
        message: `Question id "${site.id}" is already used at ${where}`,
        length: site.length,
        related: relatedAt(earlier.source, earlier.offset, 'first used here'),
      }),
    );
  }
  return diagnostics;
}
