import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCodes } from '../exit-codes.ts';

/**
 * The starter course, kept as plain files beside the sources so an author can read them and
 * any packaging of the CLI ships them as they are (read relative to this module, never the
 * working directory).
 */
export const newCourseTemplate = fileURLToPath(
  new URL('../../templates/new-course/', import.meta.url),
);

/** Files whose text gets the course id and title; anything else is copied byte for byte. */
const textFile = /\.(ya?ml|md)$/;

/**
 * npm leaves `.gitignore` files out of published packages, so the template keeps it as
 * `gitignore` and the copy gets its real name back.
 */
const renamed: Record<string, string> = { gitignore: '.gitignore' };

/** `teach-in new <folder>`: writes a starter course that passes `check`. */
export function runNew(folder: string): number {
  const target = path.resolve(folder);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      process.stderr.write(`teach-in new: ${folder} is a file; give a new or empty folder\n`);
      return exitCodes.usage;
    }
    if (readdirSync(target).length > 0) {
      process.stderr.write(
        `teach-in new: ${folder} is not empty, and teach-in new never writes over files.\n` +
          'Give a new folder (it is created) or an empty one.\n',
      );
      return exitCodes.usage;
    }
  }
  const id = courseId(path.basename(target));
  // A new course is checked today and due again in a year: the recheck warning then reminds
  // the author to look at its legal content again.
  const today = new Date();
  const inAYear = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), 1));
  const values = {
    __COURSE_ID__: id,
    __COURSE_TITLE__: courseTitle(id),
    __CHECKED__: today.toISOString().slice(0, 10),
    __RECHECK__: inAYear.toISOString().slice(0, 10),
  };
  const written: string[] = [];
  try {
    copyTemplate(newCourseTemplate, target, values, written);
  } catch (error) {
    process.stderr.write(`teach-in new: could not write ${folder}: ${(error as Error).message}\n`);
    return exitCodes.failure;
  }
  const relative = path.relative(process.cwd(), target) || '.';
  const shown = /[\s"'$]/.test(relative) ? JSON.stringify(relative) : relative;
  process.stdout.write(
    [
      `Created the course "${id}" in ${shown} (${written.length} files):`,
      ...written.sort().map((file) => `  ${file}`),
      '',
      'Next:',
      `  teach-in check ${shown}      report every problem`,
      `  teach-in preview ${shown}    see it as a learner, updated on every save`,
      `  teach-in build ${shown}      packages for your LMS, into dist/`,
      '',
    ].join('\n'),
  );
  return exitCodes.ok;
}

function copyTemplate(
  from: string,
  to: string,
  values: Record<string, string>,
  written: string[],
  relative = '',
): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const name = renamed[entry.name] ?? entry.name;
    const destination = path.join(to, name);
    if (entry.isDirectory()) {
      copyTemplate(source, destination, values, written, path.join(relative, name));
      continue;
    }
    const bytes = readFileSync(source);
    const text = textFile.test(entry.name)
      ? Object.entries(values).reduce((t, [key, value]) => t.replaceAll(key, value), String(bytes))
      : bytes;
    // `wx`: never replace a file, even one created while this runs.
    writeFileSync(destination, text, { flag: 'wx' });
    written.push(path.join(relative, name).split(path.sep).join('/'));
  }
}

/** The folder name as a course id: lower-case letters, digits and single dashes. */
export function courseId(folderName: string): string {
  const id = folderName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!id) return 'my-course';
  // YAML would read an id of digits as a number, and an id reads better with a word first.
  return /^[0-9]/.test(id) ? `course-${id}` : id;
}

/** "data-at-work" becomes "Data at work": a title to replace, but a readable one. */
function courseTitle(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
