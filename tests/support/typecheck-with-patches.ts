/**
 * Type-checks the whole repository (every tsconfig that `pnpm typecheck` checks) with some
 * files' text replaced in memory, so a test can ask "what would the compiler say if this
 * file were edited?" without touching the working tree.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot, workspacePackages } from './package-imports.ts';

/** The projects `pnpm typecheck` runs tsc on: each package (and its runtime/ and test/), tests/, tooling/. */
export function typecheckedProjects(): string[] {
  const packageProjects = workspacePackages().flatMap(({ dir }) =>
    ['tsconfig.json', 'runtime/tsconfig.json', 'test/tsconfig.json'].map((name) =>
      path.join(dir, name),
    ),
  );
  return [
    ...packageProjects,
    ...['tests', 'tooling', 'tooling/bench'].map((dir) =>
      path.join(repoRoot, dir, 'tsconfig.json'),
    ),
  ].filter((file) => existsSync(file));
}

export interface Problem {
  /** Relative to the repository root. */
  file: string;
  line: number;
  message: string;
}

/** Whether a project's `include` (plain folder names, as ours are) covers a file. */
function includes(project: string, config: ts.ParsedCommandLine, file: string): boolean {
  const raw = config.raw as { include?: string[] } | undefined;
  const relative = path.relative(path.dirname(project), file);
  return (raw?.include ?? []).some((folder) => folder !== '.' && relative.startsWith(`${folder}/`));
}

/**
 * Every compiler error in every project, with `patches` (absolute path to new text) in
 * place of those files; a patch for a file that does not exist adds it, to the projects
 * whose `include` covers it. Source files are parsed once and shared between the projects.
 */
export function typecheckWithPatches(patches: ReadonlyMap<string, string>): Problem[] {
  const added = [...patches.keys()].filter((file) => !existsSync(file));
  const addedDirs = new Set(added.map((file) => path.dirname(file)));
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const problems = new Map<string, Problem>();
  for (const project of typecheckedProjects()) {
    const config = ts.getParsedCommandLineOfConfigFile(
      project,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    if (!config) throw new Error(`cannot read ${project}`);
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => patches.get(path.resolve(file)) ?? readFile(file);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (file) => patches.has(path.resolve(file)) || fileExists(file);
    const directoryExists = host.directoryExists?.bind(host);
    host.directoryExists = (dir) =>
      addedDirs.has(path.resolve(dir)) || (directoryExists?.(dir) ?? true);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, onError) => {
      const key = `${language}:${path.resolve(file)}`;
      if (!parsed.has(key)) {
        const patched = patches.get(path.resolve(file));
        parsed.set(
          key,
          patched === undefined
            ? getSourceFile(file, language, onError)
            : ts.createSourceFile(file, patched, language),
        );
      }
      return parsed.get(key);
    };
    const rootNames = [
      ...config.fileNames,
      ...added.filter((file) => includes(project, config, file)),
    ];
    const program = ts.createProgram({ rootNames, options: config.options, host });
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const file = diagnostic.file;
      const at = file ? file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
      const problem = {
        file: file ? path.relative(repoRoot, file.fileName) : project,
        line: at,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      };
      problems.set(`${problem.file}:${problem.line}:${problem.message}`, problem);
    }
  }
  return [...problems.values()];
}
