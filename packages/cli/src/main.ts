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
  const strict = parsed.values['strict-translations'] ?? false;
  if (command === 'translations') return runTranslations(parsed);
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['courses'];
  if (command === 'check') {
    const { runCheck } = await import('./commands/check.ts');
    return runCheck(paths, strict);
  }
  if (command === 'readability') {
    const max = parsed.values.max === undefined ? undefined : Number(parsed.values.max);
    if (max !== undefined && !Number.isFinite(max)) {
      process.stderr.write(`teach-in readability: --max must be a number\n`);
      return exitCodes.usage;
    }
    const minEase =
      parsed.values['min-ease'] === undefined ? undefined : Number(parsed.values['min-ease']);
    if (minEase !== undefined && !Number.isFinite(minEase)) {
      process.stderr.write(`teach-in readability: --min-ease must be a number\n`);
      return exitCodes.usage;
    }
    const { runReadability } = await import('./commands/readability.ts');
    return runReadability(paths, max, minEase);
  }
  const { runBuild } = await import('./commands/build.ts');
  return runBuild(
    paths,
    parsed.values.format,
    parsed.values.out,
    parsed.values.force === true,
    strict,
  );
}

/** `teach-in translations <stamp|status|export|import> ...`. */
async function runTranslations(parsed: ReturnType<typeof parse>): Promise<number> {
  const [action, ...rest] = parsed.positionals;
  const paths = rest.length > 0 ? rest : ['courses'];
  const language = parsed.values.lang;
  const usage = (message: string) => {
    process.stderr.write(`teach-in translations: ${message}\n\n${helpText.translations}`);
    return exitCodes.usage;
  };
  const commands = await import('./commands/translations.ts');
  if (action === 'status') return commands.runStatus(paths);
  if (action !== 'stamp' && action !== 'export' && action !== 'import') {
    return usage(`unknown action "${action ?? ''}"; use stamp, status, export or import`);
  }
  if (!language) return usage(`${action} needs --lang <language>, such as --lang es`);
  if (rest.length !== 1) return usage(`${action} takes one course folder`);
  if (action === 'stamp') return commands.runStamp(paths, language, parsed.values.all ?? false);
  const exchange = await import('./commands/translation-exchange.ts');
  if (action === 'export')
    return exchange.runExport(rest[0] as string, language, parsed.values.out);
  if (!parsed.values.in) return usage('import needs --in <file.xlf>');
  return exchange.runImport(rest[0] as string, language, parsed.values.in);
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
      force: { type: 'boolean' },
      max: { type: 'string' },
      port: { type: 'string', short: 'p' },
      data: { type: 'string' },
      lang: { type: 'string' },
      'min-ease': { type: 'string' },
      all: { type: 'boolean' },
      in: { type: 'string' },
      'strict-translations': { type: 'boolean' },
    },
  });
}
