import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Course, ExportFormat } from '@teach-in/course-schema';
import { formatKey, isIntact, readStamps, stampOf, writeStamps } from './build-stamp.ts';
import { type ExportOutput, exporters, formatLms, runtimeKinds } from './exporters/exporters.ts';
import { type RuntimeSource, runtimeFor } from './runtime-bundle.ts';

export interface BuildOptions {
  formats: readonly ExportFormat[];
  /** Folder that receives `<course-id>/`. */
  outDir: string;
  /** Write every format again even where nothing changed (`teach-in build --force`). */
  rebuild?: boolean;
}

export interface BuiltFile {
  /** Path relative to `outDir`. */
  path: string;
  bytes: number;
}

export interface BuiltCourse {
  files: BuiltFile[];
  /** Formats left as an earlier build wrote them, because nothing they depend on changed. */
  reusedFormats: number;
}

/** Every file of one output, keyed by its path inside the course's output folder. */
function outputFiles(output: ExportOutput): Map<string, Uint8Array> {
  if (output.kind === 'file') return new Map([[output.name, output.bytes]]);
  return new Map([...output.files].map(([name, bytes]) => [`${output.name}/${name}`, bytes]));
}

function writeFiles(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  for (const [name, bytes] of files) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

/** The top-level entry (a file or the `web` folder) each output occupies. */
const topLevel = (file: string) => file.split('/')[0]!;

/**
 * Builds every requested format of a course into `outDir/<course-id>/`. Everything is
 * written to a temporary folder first and moved into place at the end, so a failure
 * never leaves a half-written package behind. Formats not requested are left as they were,
 * and so is a format whose inputs did not change since the build that wrote it
 * (build-stamp.ts), unless `rebuild` is set.
 */
export async function buildCourse(course: Course, options: BuildOptions): Promise<BuiltCourse> {
  // Each translation is built beside the source, with its own runtime (interface strings
  // follow the content language) and its language in every file name.
  const editions = [course, ...(course.translations ?? [])];
  const runtimes = await Promise.all(
    editions.map((edition) => runtimeFor(edition.language, runtimeKinds(options.formats))),
  );
  const finalDir = path.join(options.outDir, course.id);
  const tempDir = path.join(options.outDir, `.${course.id}.building-${process.pid}`);
  const stamps = options.rebuild ? {} : readStamps(finalDir);
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });
  try {
    const built: BuiltFile[] = [];
    const written = new Set<string>();
    let reused = 0;
    // A format is reused or rebuilt for every edition at once: the translations' web copies
    // sit inside the source's web/ folder, which moves into place as one.
    for (const format of options.formats) {
      const lms = formatLms[format];
      const key = formatKey(course, format, lms ? runtimes.map((runtime) => runtime(lms)) : []);
      const earlier = stamps[format];
      if (key && earlier?.key === key && isIntact(finalDir, earlier)) {
        reused++;
        for (const file of Object.keys(earlier.files)) {
          built.push({
            path: `${course.id}/${file}`,
            bytes: statSync(path.join(finalDir, file)).size,
          });
        }
        continue;
      }
      const files = new Map<string, Uint8Array>();
      editions.forEach((edition, index) => {
        const runtime = runtimes[index] as RuntimeSource;
        for (const [file, bytes] of outputFiles(exporters[format](edition, runtime))) {
          files.set(file, bytes);
        }
      });
      writeFiles(tempDir, files);
      for (const [file, bytes] of files) {
        built.push({ path: `${course.id}/${file}`, bytes: bytes.byteLength });
        written.add(topLevel(file));
      }
      if (key) stamps[format] = stampOf(key, files);
      else delete stamps[format];
    }
    mkdirSync(finalDir, { recursive: true });
    for (const name of written) {
      rmSync(path.join(finalDir, name), { recursive: true, force: true });
      renameSync(path.join(tempDir, name), path.join(finalDir, name));
    }
    rmSync(tempDir, { recursive: true, force: true });
    if (written.size > 0) writeStamps(finalDir, stamps);
    return { files: built, reusedFormats: reused };
  } catch (error) {
    rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}
