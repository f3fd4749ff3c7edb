import { parseArgs } from 'node:util';
import { runBuild } from './commands/build.ts';
import { runCheck } from './commands/check.ts';
import { runPreview } from './commands/preview.ts';
import { runReadability } from './commands/readability.ts';
import { runWorkshop } from './commands/workshop.ts';
import { reportCrash } from './crash.ts';
import { exitCodes } from './exit-codes.ts';
import { helpText } from './help.ts';

/** The `teach-in` command. Returns the process exit code; a crash is exit 4, never a stack. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await runCommand(argv);
  } catch (error) {
    return reportCrash(error, argv);
  }
}

async function runCommand(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(helpText.main);
    return command === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (!(command in helpText) || command === 'main') {
    process.stderr.write(`teach-in: unknown command "${command}"\n\n${helpText.main}`);
    return exitCodes.usage;
  }
  // The workshop has options of its own (a server, not a build): it parses them itself.
  if (command === 'workshop') return runWorkshop(rest);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    process.stderr.write(
      `teach-in ${command}: ${(error as Error).message}\n\n${helpText[command as keyof typeof helpText]}`,
    );
    return exitCodes.usage;
  }
  if (parsed.values.help) {
    process.stdout.write(helpText[command as keyof typeof helpText]);
    return exitCodes.ok;
  }
  if (command === 'preview') {
    const [input, ...extra] = parsed.positionals;
    if (input === undefined || extra.length > 0) {
      process.stderr.write(
        `teach-in preview: give one course folder or package\n\n${helpText.preview}`,
      );
      return exitCodes.usage;
    }
    return runPreview(input, parsed.values.port, parsed.values.data);
  }
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['courses'];
  if (command === 'check') return runCheck(paths);
  if (command === 'readability') {
    const max = parsed.values.max === undefined ? undefined : Number(parsed.values.max);
    if (max !== undefined && !Number.isFinite(max)) {
      process.stderr.write(`teach-in readability: --max must be a number\n`);
      return exitCodes.usage;
    }
    return runReadability(paths, max);
  }
  return runBuild(paths, parsed.values.format, parsed.values.out);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      max: { type: 'string' },
      port: { type: 'string', short: 'p' },
      data: { type: 'string' },
    },
  });
}
