import {
  learnerText,
  readability,
  spanishMinimumEase,
  spanishReadability,
} from '@teach-in/course-builder';
import type { Course } from '@teach-in/course-schema';
import { exitCodes } from '../exit-codes.ts';
import { loadAll, report } from './load.ts';

/** The grade every module of the curriculum must stay at or below (issue: plain language). */
export const defaultMaxGrade = 9;

/** Prints each module's reading grade; exit 1 when one is above `maxGrade`. */
export function runReadability(
  paths: readonly string[],
  maxGrade = defaultMaxGrade,
  minEase = spanishMinimumEase,
): number {
  const { courses, diagnostics } = loadAll(paths);
  if (report(diagnostics) > 0) return exitCodes.invalid;
  let tooHard = 0;
  for (const course of courses) {
    process.stdout.write(`${course.id}\n`);
    for (const module of course.modules) {
      const result = readability(learnerText(module));
      const over = result.grade > maxGrade;
      if (over) tooHard++;
      process.stdout.write(
        `  ${over ? 'TOO HARD' : 'ok      '}  grade ${result.grade.toFixed(1).padStart(4)}  ${String(
          result.words,
        ).padStart(
          5,
        )} words  ${(result.words / Math.max(1, result.sentences)).toFixed(1)} words/sentence  ${module.file}\n`,
      );
      if (over) {
        for (const sentence of result.longest) process.stdout.write(`      longest: ${sentence}\n`);
      }
    }
    for (const translation of course.translations ?? [])
      tooHard += translationEase(translation, minEase);
  }
  if (tooHard > 0) {
    process.stderr.write(
      `${tooHard} module(s) above grade ${maxGrade} (Spanish: below reading ease ${minEase}): use shorter sentences and everyday words; define terms in the glossary.\n`,
    );
    return exitCodes.invalid;
  }
  return exitCodes.ok;
}

/**
 * A translation's modules: Spanish by Fernández-Huerta reading ease (at least `minEase`);
 * other languages have no formula here yet and are listed as not measured.
 */
function translationEase(translation: Course, minEase: number): number {
  const language = translation.language;
  process.stdout.write(`${translation.id} (${language})\n`);
  let tooHard = 0;
  for (const module of translation.modules) {
    const file = module.file;
    if (language.split('-')[0] !== 'es') {
      process.stdout.write(`  not measured (no reading-ease formula for "${language}")  ${file}\n`);
      continue;
    }
    const result = spanishReadability(learnerText(module));
    const hard = result.score < minEase;
    if (hard) tooHard++;
    process.stdout.write(
      `  ${hard ? 'TOO HARD' : 'ok      '}  ease ${result.score.toFixed(1).padStart(5)}  ${String(
        result.words,
      ).padStart(
        5,
      )} words  ${(result.words / Math.max(1, result.sentences)).toFixed(1)} words/sentence  ${file}\n`,
    );
    if (hard) {
      for (const sentence of result.longest) process.stdout.write(`      longest: ${sentence}\n`);
    }
  }
  return tooHard;
}
