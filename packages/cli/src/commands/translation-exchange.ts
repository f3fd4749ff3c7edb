import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ExchangeModule,
  exportXliff,
  importXliff,
  loadCourse,
  translatedPath,
} from '@teach-in/course-parser';
import { exitCodes } from '../exit-codes.ts';
import { report } from './load.ts';
import { normalizeNewlines } from './normalize.ts';

/** The course's modules with their translations into `language`, or why not. */
function exchangeModules(dir: string, language: string): ExchangeModule[] | number {
  const loaded = loadCourse(dir);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (report(errors) > 0 || !loaded.course) return exitCodes.invalid;
  if (!loaded.course.translations?.some((t) => t.language === language)) {
    process.stderr.write(
      `teach-in translations: ${loaded.course.id} lists no "${language}" translation under "translations:"\n`,
    );
    return exitCodes.usage;
  }
  return loaded.course.modules.map((module) => {
    const translatedEntry = translatedPath(module.file, language);
    return {
      entry: module.file,
      translatedEntry,
      sourceText: normalizeNewlines(readFileSync(path.join(dir, module.file), 'utf8')),
      translatedText: normalizeNewlines(readFileSync(path.join(dir, translatedEntry), 'utf8')),
    };
  });
}

/** `teach-in translations export <course> --lang es [--out file.xlf]` */
export function runExport(course: string, language: string, out: string | undefined): number {
  const dir = path.resolve(course);
  const modules = exchangeModules(dir, language);
  if (typeof modules === 'number') return modules;
  const sourceLanguage = loadCourse(dir).course?.language ?? 'en';
  const xml = exportXliff(modules, sourceLanguage, language);
  const file = out ?? `${path.basename(dir)}.${language}.xlf`;
  writeFileSync(file, xml);
  const units = (xml.match(/<unit /g) ?? []).length;
  process.stdout.write(`wrote ${file}: ${modules.length} module(s), ${units} units\n`);
  return exitCodes.ok;
}

/** `teach-in translations import <course> --lang es --in file.xlf` */
export function runImport(course: string, language: string, input: string): number {
  const dir = path.resolve(course);
  const modules = exchangeModules(dir, language);
  if (typeof modules === 'number') return modules;
  if (!existsSync(input)) {
    process.stderr.write(`teach-in translations import: no file "${input}"\n`);
    return exitCodes.usage;
  }
  const result = importXliff(readFileSync(input, 'utf8'), input, modules);
  if (report(result.diagnostics) > 0) {
    process.stderr.write('Nothing was written.\n');
    return exitCodes.invalid;
  }
  for (const [entry, text] of result.files) {
    writeFileSync(path.join(dir, entry), text);
    process.stdout.write(`updated ${path.join(course, entry)}\n`);
  }
  process.stdout.write(`imported ${input}: ${result.files.size} module(s) changed\n`);
  return exitCodes.ok;
}
