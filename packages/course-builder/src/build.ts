import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Course, ExportFormat } from '@teach-in/course-schema';
import { type ExportOutput, exporters, runtimeKinds } from './exporters/exporters.ts';
import { type RuntimeSource, runtimeFor } from './runtime-bundle.ts';

export interface BuildOptions {
  formats: readonly ExportFormat[];
  /** Folder that receives `<course-id>/`. */
  outDir: string;
  /** Told about anything the build changed on the author's behalf (a darkened accent). */
  warn?: (message: string) => void;
}

export interface BuiltFile {
  /** Path relative to `outDir`. */
  path: string;
  bytes: number;
}

function writeOutput(dir: string, output: ExportOutput): BuiltFile[] {
  if (output.kind === 'file') {
    writeFileSync(path.join(dir, output.name), output.bytes);
    return [{ path: output.name, bytes: output.bytes.byteLength }];
  }
  const written: BuiltFile[] = [];
  for (const [name, bytes] of output.files) {
    const target = path.join(dir, output.name, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    written.push({ path: `${output.name}/${name}`, bytes: bytes.byteLength });
  }
  return written;
}

/**
 * Builds every requested format of a course into `outDir/<course-id>/`. Everything is
 * written to a temporary folder first and moved into place at the end, so a failure
 * never leaves a half-written package behind. Formats not requested are left as they were.
 */
export async function buildCourse(course: Course, options: BuildOptions): Promise<BuiltFile[]> {
  // Each translation is built beside the source, with its own runtime (interface strings
  // follow the content language) and its language in every file name.
  const editions = [course, ...(course.translations ?? [])];
  const runtimes = await Promise.all(
    editions.map((edition) => runtimeFor(edition.language, runtimeKinds(options.formats))),
  );
  const finalDir = path.join(options.outDir, course.id);
  const tempDir = path.join(options.outDir, `.${course.id}.building-${process.pid}`);
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });
  try {
    const built: BuiltFile[] = [];
    editions.forEach((edition, index) => {
      const runtime = runtimes[index] as RuntimeSource;
      for (const format of options.formats) {
        const output = exporters[format](edition, runtime);
        built.push(
          ...writeOutput(tempDir, output).map((f) => ({ ...f, path: `${course.id}/${f.path}` })),
        );
      }
    });
    mkdirSync(finalDir, { recursive: true });
    for (const name of readdirSync(tempDir)) {
      rmSync(path.join(finalDir, name), { recursive: true, force: true });
      renameSync(path.join(tempDir, name), path.join(finalDir, name));
    }
    rmSync(tempDir, { recursive: true, force: true });
    return built;
  } catch (error) {
    rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}
