import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  type Course,
  courseSchema,
  type Diagnostic,
  diagnosticAt,
  diagnosticForFile,
  type Module,
  SourceText,
} from '@teach-in/course-schema';
import { lex, renderBlocks, renderInline } from './markdown.ts';
import { type ParsedModule, parseModule, type QuestionSite } from './module-parser.ts';
import { resolveTheme } from './theme-check.ts';
import { parseWorkshop } from './workshop-parser.ts';
import { parseYaml, validateYaml } from './yaml-source.ts';

export interface LoadResult {
  course?: Course;
  diagnostics: Diagnostic[];
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
    if (existsSync(path.join(dir, 'course.yaml'))) {
      dirs.push(dir);
      continue;
    }
    const children =
      existsSync(dir) && statSync(dir).isDirectory()
        ? readdirSync(dir, { withFileTypes: true })
            .filter(
              (entry) =>
                entry.isDirectory() && existsSync(path.join(dir, entry.name, 'course.yaml')),
            )
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

/** Reads a course folder into the Course model, reporting every problem in every file. */
export function loadCourse(dir: string, cwd = process.cwd()): LoadResult {
  const courseFile = path.join(dir, 'course.yaml');
  const source = new SourceText(
    display(courseFile, cwd),
    readFileSync(courseFile, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n'),
  );
  const parsed = parseYaml({ source, start: 0, text: source.text });
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const checked = validateYaml(courseSchema, parsed, source, 'course.yaml');
  const diagnostics = [...checked.diagnostics];
  const file = checked.value;
  if (!file) return { diagnostics };
  if (file.modules.length === 0) {
    const at = parsed.locate(['modules'], 'key');
    diagnostics.push(diagnosticAt('no-modules', source, at.offset, { length: at.length }));
  }

  const modules: Module[] = [];
  const assets = new Set<string>();
  const questionSites: QuestionSite[] = [];
  const moduleIds = new Map<string, string>();
  file.modules.forEach((entry, index) => {
    const moduleFile = path.resolve(dir, entry);
    const relative = path.relative(dir, moduleFile);
    if (relative.startsWith('..') || !existsSync(moduleFile) || !statSync(moduleFile).isFile()) {
      const at = parsed.locate(['modules', index]);
      diagnostics.push(
        diagnosticAt('missing-module-file', source, at.offset, {
          message: `Module file "${entry}" does not exist in the course folder`,
          length: at.length,
        }),
      );
      return;
    }
    const result: ParsedModule = parseModule(readFileSync(moduleFile, 'utf8'), {
      file: moduleFile,
      displayPath: display(moduleFile, cwd),
      relativePath: relative.split(path.sep).join('/'),
      courseDir: dir,
      courseSources: file.sources ?? {},
    });
    diagnostics.push(...result.diagnostics);
    for (const asset of result.assets) assets.add(asset);
    questionSites.push(...result.questionSites);
    if (!result.module) return;
    const earlier = moduleIds.get(result.module.id);
    if (earlier) {
      const at = parsed.locate(['modules', index]);
      diagnostics.push(
        diagnosticAt('duplicate-module-id', source, at.offset, {
          message: `Module id "${result.module.id}" is used by both ${earlier} and ${entry}`,
          length: at.length,
        }),
      );
    }
    moduleIds.set(result.module.id, entry);
    modules.push(result.module);
  });
  diagnostics.push(...duplicateQuestions(questionSites));
  const workshop: ReturnType<typeof parseWorkshop> = file.workshop
    ? loadWorkshop(dir, file.workshop, parsed, source, cwd)
    : { diagnostics: [] };
  diagnostics.push(...workshop.diagnostics);
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
  };
  return { course, diagnostics };
}

function loadWorkshop(
  dir: string,
  entry: string,
  parsed: ReturnType<typeof parseYaml>,
  source: SourceText,
  cwd: string,
): ReturnType<typeof parseWorkshop> {
  const file = path.resolve(dir, entry);
  if (path.relative(dir, file).startsWith('..') || !existsSync(file) || !statSync(file).isFile()) {
    const at = parsed.locate(['workshop']);
    return {
      diagnostics: [
        diagnosticAt('missing-module-file', source, at.offset, {
          message: `Workshop file "${entry}" does not exist in the course folder`,
          length: at.length,
        }),
      ],
    };
  }
  return parseWorkshop(readFileSync(file, 'utf8'), display(file, cwd));
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
  if (!existsSync(file) || !statSync(file).isFile()) {
    return fail(`The logo file "${entry}" does not exist in the course folder`);
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
      }),
    );
  }
  return diagnostics;
}
