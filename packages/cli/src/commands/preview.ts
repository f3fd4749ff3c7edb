import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type PackageFormat,
  packageContents,
  runtimeFor,
  runtimeKinds,
} from '@teach-in/course-builder';
import { loadCourse } from '@teach-in/course-parser';
import {
  type FileSource,
  lmsTargets,
  memorySource,
  openPackage,
  type PreviewBuild,
  type RunningPreview,
  startPreview,
} from '@teach-in/lms-host';
import { exitCodes } from '../exit-codes.ts';
import { watchCourse } from './watch-course.ts';

export interface PreviewSettings {
  port?: number;
  /** Where committed attempts are kept between runs. */
  dataDir?: string;
  /** Quiet time after the last file change before a rebuild; editors save in bursts. */
  debounceMs?: number;
  /** Called after every rebuild has been sent to the open pages. */
  onRebuild?: (build: PreviewBuild, ms: number) => void;
}

export interface CoursePreview {
  url: string;
  preview: RunningPreview;
  close(): Promise<void>;
}

export const defaultPreviewDataDir = path.join(tmpdir(), 'teach-in-preview');

/**
 * Loads and builds a course for every LMS in the preview's switch, in memory: the files the
 * exporters of `teach-in build` would zip, served as they are, so the preview runs exactly
 * what would be uploaded without zipping and unzipping it.
 */
export async function buildForPreview(courseDir: string): Promise<PreviewBuild> {
  const title = path.basename(courseDir);
  const loaded = loadCourse(courseDir, courseDir);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.course || errors.length > 0) {
    return {
      kind: 'broken',
      title: loaded.course?.title ?? title,
      diagnostics: loaded.diagnostics,
    };
  }
  const course = loaded.course;
  const formats = lmsTargets
    .map((target) => target.format)
    // A target whose format the builder does not export yet is simply not offered.
    .filter((format): format is PackageFormat => Object.hasOwn(packageContents, format));
  const runtime = await runtimeFor(course.language, runtimeKinds(formats));
  const packages = new Map<string, FileSource>();
  for (const format of formats) {
    packages.set(format, memorySource(packageContents[format](course, runtime)));
  }
  return {
    kind: 'ready',
    title: course.title,
    packages,
    warnings: loaded.diagnostics.filter((d) => d.severity === 'warning'),
  };
}

/** The preview of a course folder (rebuilt on save) or of a package (zip or folder). */
export async function startCoursePreview(
  input: string,
  settings: PreviewSettings = {},
): Promise<CoursePreview> {
  const dir = path.resolve(input);
  const common = {
    dataDir: settings.dataDir ?? defaultPreviewDataDir,
    ...(settings.port === undefined ? {} : { port: settings.port }),
  };
  if (statSync(dir).isDirectory() && existsSync(path.join(dir, 'course.yaml'))) {
    const preview = await startPreview({ ...common, build: await buildForPreview(dir) });
    const stopWatching = await watchCourse(
      dir,
      async () => {
        const started = performance.now();
        const build = await buildForPreview(dir).catch(
          (error: Error): PreviewBuild => ({
            kind: 'broken',
            title: path.basename(dir),
            diagnostics: [
              {
                code: 'build-failed',
                severity: 'error',
                file: path.basename(dir),
                line: 1,
                column: 1,
                length: 1,
                message: error.message,
                hint: 'This is a bug in Teach-in if the course checks clean; please report it.',
                lineText: '',
              },
            ],
          }),
        );
        preview.update(build);
        settings.onRebuild?.(build, performance.now() - started);
      },
      settings.debounceMs ?? 50,
    );
    return {
      url: preview.url,
      preview,
      async close() {
        await stopWatching();
        await preview.close();
      },
    };
  }
  const opened = openPackage(dir);
  const packages = new Map<string, FileSource>([
    [opened.info.version, opened.files],
    // "No LMS" runs the same files without an API, as when a package is opened outside an LMS.
    ['web', opened.files],
  ]);
  try {
    const preview = await startPreview({
      ...common,
      build: { kind: 'ready', title: opened.info.title, packages, warnings: [] },
    });
    return {
      url: preview.url,
      preview,
      async close() {
        await preview.close();
        opened.dispose();
      },
    };
  } catch (error) {
    opened.dispose();
    throw error;
  }
}

/** `teach-in preview`: serves until interrupted (Ctrl+C). */
export async function runPreview(
  input: string,
  portOption: string | undefined,
  dataOption: string | undefined,
): Promise<number> {
  const port = portOption === undefined ? undefined : Number(portOption);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    process.stderr.write(`teach-in preview: --port must be a number from 0 to 65535\n`);
    return exitCodes.usage;
  }
  if (!existsSync(input)) {
    process.stderr.write(`teach-in preview: ${input} does not exist\n`);
    return exitCodes.usage;
  }
  let running: CoursePreview;
  try {
    running = await startCoursePreview(input, {
      ...(port === undefined ? {} : { port }),
      ...(dataOption === undefined ? {} : { dataDir: path.resolve(dataOption) }),
      onRebuild: (build, ms) => {
        const what = build.kind === 'ready' ? 'rebuilt' : `${build.diagnostics.length} problem(s)`;
        process.stdout.write(`${what} in ${Math.round(ms)} ms\n`);
      },
    });
  } catch (error) {
    process.stderr.write(`teach-in preview: ${(error as Error).message}\n`);
    // An unsafe zip, a package without a manifest, a port in use: say so and stop.
    return exitCodes.invalid;
  }
  process.stdout.write(`Preview at ${running.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return exitCodes.ok;
}
