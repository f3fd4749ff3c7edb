import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exitCodes } from './exit-codes.ts';

/**
 * An exception that reached the top is a bug in Teach-in, never a problem in the course
 * (those are diagnostics, exit 1). The author gets one line that says so and where the
 * details are; the stack goes to that file, ready to attach to a bug report.
 */
export function reportCrash(error: unknown, argv: readonly string[]): number {
  const details = [
    `teach-in ${argv.join(' ')}`,
    `node ${process.version} on ${process.platform} ${process.arch}`,
    `cwd ${process.cwd()}`,
    `at ${new Date().toISOString()}`,
    '',
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error),
    '',
  ].join('\n');
  const file = path.join(tmpdir(), `teach-in-crash-${Date.now()}-${process.pid}.txt`);
  let where: string;
  try {
    writeFileSync(file, details);
    where = `the details were written to ${file}`;
  } catch {
    // Nowhere to write: the details themselves are the only help left.
    where = `the details could not be saved: ${firstLine(details.split('\n\n')[1] ?? '')}`;
  }
  process.stderr.write(
    `teach-in: sorry, this is a bug in Teach-in, not a problem in your course. Please report it; ${where}\n`,
  );
  return exitCodes.crash;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
