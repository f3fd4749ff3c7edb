import { learnerText, readability } from '@teach-in/course-builder';
import { exitCodes } from '../exit-codes.ts';
import { loadAll, report } from './load.ts';

/** The grade every module of the curriculum must stay at or below (issue: plain language). */
export const defaultMaxGrade = 9;

/** Prints each module's reading grade; exit 1 when one is above `maxGrade`. */
export function runReadability(paths: readonly string[], maxGrade = defaultMaxGrade): number {
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
  }
  if (tooHard > 0) {
    process.stderr.write(
      `${tooHard} module(s) above grade ${maxGrade}: use shorter sentences and everyday words; define terms in the glossary.\n`,
    );
    return exitCodes.invalid;
  }
  return exitCodes.ok;
}
