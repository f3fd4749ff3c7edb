import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { reportCrash } from './crash.ts';
import { exitCodes } from './exit-codes.ts';
import { helpText } from './help.ts';

// Each command's code is imported only when that command runs: `--help` or `check` never
// loads the servers or the bundler, which cost far more memory than the command itself.

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
  // The workshop and the LTI tool serve for hours: it keeps V8's defaults, made for throughput.
  if (command !== 'workshop' && command !== 'serve') favourMemory();
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(helpText.main);
    return command === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (!(command in helpText) || command === 'main') {
    process.stderr.write(`teach-in: unknown command "${command}"\n\n${helpText.main}`);
    return exitCodes.usage;
  }
  // The servers have options of their own (not a build's): they parse them themselves.
  if (command === 'serve') {
    const { runServe } = await import('./commands/serve.ts');
    return runServe(rest);
  }
  if (command === 'workshop') {
    const { runWorkshop } = await import('./commands/workshop.ts');
    return runWorkshop(rest);
  }
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
    const { runPreview } = await import('./commands/preview.ts');
    return runPreview(input, parsed.values.port, parsed.values.data);
  }
  if (command === 'new') {
    const [folder, ...extra] = parsed.positionals;
    if (folder === undefined || extra.length > 0) {
      process.stderr.write(`teach-in new: give one folder for the new course\n\n${helpText.new}`);
      return exitCodes.usage;
    }
    const { runNew } = await import('./commands/new.ts');
    return runNew(folder);
  }
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['courses'];
  if (command === 'check') {
    const { runCheck } = await import('./commands/check.ts');
    return runCheck(paths);
  }
  if (command === 'readability') {
    const max = parsed.values.max === undefined ? undefined : Number(parsed.values.max);
    if (max !== undefined && !Number.isFinite(max)) {
      process.stderr.write(`teach-in readability: --max must be a number\n`);
      return exitCodes.usage;
    }
    const { runReadability } = await import('./commands/readability.ts');
    return runReadability(paths, max);
  }
  const { runBuild } = await import('./commands/build.ts');
  return runBuild(paths, parsed.values.format, parsed.values.out);
}

/**
 * Memory over speed for commands that run for seconds, measured on a build of the four
 * courses: V8 grows the young generation up to 16 MB semi-spaces for throughput (about
 * 25 MB of peak memory for no measurable time here), and --optimize-for-size keeps the
 * heap tighter (about 9 MB, some 5% more CPU time).
 */
function favourMemory(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--optimize-for-size');
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
