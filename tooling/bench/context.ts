import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportFormats } from '@teach-in/course-schema';
import { buildToTemp, builtCourseId, repoRoot } from '../../tests/support/build-fixture.ts';

/** A course built once per bench run with the real CLI, in every format, shared by measurements. */
export interface BuiltCourse {
  /** The course folder's name under courses/. */
  name: string;
  /** dist/<course-id>/ of the build: the zips and web/. */
  outDir: string;
  id: string;
}

export interface BenchContext {
  repoRoot: string;
  /** `--quick`: fewer runs, no 1,000-module course. */
  quick: boolean;
  /** Every course folder in courses/ (those with a course.yaml). */
  courseDirs: string[];
  /** The benchmark module, the course every comparison figure refers to. */
  benchmarkDir: string;
  /** A fresh folder, removed after the run. */
  tempDir: string;
  built(courseDir: string): BuiltCourse;
  log(message: string): void;
}

export function createContext(quick: boolean): BenchContext & { dispose(): void } {
  const coursesRoot = path.join(repoRoot, 'courses');
  const courseDirs = readdirSync(coursesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(coursesRoot, entry.name))
    .filter((dir) => existsSync(path.join(dir, 'course.yaml')))
    .sort();
  const tempDir = mkdtempSync(path.join(tmpdir(), 'teach-in-bench-'));
  const builds = new Map<string, BuiltCourse>();
  const buildOuts: string[] = [];
  return {
    repoRoot,
    quick,
    courseDirs,
    benchmarkDir: path.join(repoRoot, 'tooling/bench/sample-module'),
    tempDir,
    built(courseDir) {
      let built = builds.get(courseDir);
      if (!built) {
        const out = buildToTemp(courseDir, exportFormats.join(','));
        buildOuts.push(out);
        const id = builtCourseId(out);
        built = { name: path.basename(courseDir), outDir: path.join(out, id), id };
        builds.set(courseDir, built);
      }
      return built;
    },
    log: (message) => process.stderr.write(`  ${message}\n`),
    dispose() {
      for (const dir of [tempDir, ...buildOuts]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
