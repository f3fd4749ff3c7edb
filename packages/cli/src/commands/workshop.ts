import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  defaultRetentionDays,
  deleteWorkshopData,
  startWorkshopServer,
} from '@teach-in/workshop-server';
import { renderUnicodeCompact } from 'uqr';
import { exitCodes } from '../exit-codes.ts';
import { helpText } from '../help.ts';
import { loadAll, report } from './load.ts';

const defaultDataDir = '.teach-in/workshop';
const defaultPort = 8080;

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      data: { type: 'string' },
      port: { type: 'string', short: 'p' },
      lan: { type: 'boolean' },
      'retention-days': { type: 'string' },
      'delete-data': { type: 'boolean' },
    },
  });
}

function integerOption(value: string | undefined, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  const number = Number(value);
  return /^\d+$/.test(value) && number >= min && number <= max ? number : undefined;
}

function usage(message: string): number {
  process.stderr.write(`teach-in workshop: ${message}\n\n${helpText.workshop}`);
  return exitCodes.usage;
}

/** `teach-in workshop`: serves courses to a room until Ctrl+C. */
export async function runWorkshop(args: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(helpText.workshop);
    return exitCodes.ok;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir);
  if (values['delete-data']) {
    const removed = deleteWorkshopData(dataDir);
    process.stdout.write(
      removed.length > 0
        ? `Deleted all workshop data in ${dataDir} (${removed.length} files).\n`
        : `No workshop data in ${dataDir}; nothing to delete.\n`,
    );
    return exitCodes.ok;
  }
  const port = integerOption(values.port, defaultPort, 0, 65_535);
  if (port === undefined) return usage(`--port must be a number from 0 to 65535`);
  const retentionDays = integerOption(values['retention-days'], defaultRetentionDays, 1, 3650);
  if (retentionDays === undefined) return usage('--retention-days must be a number from 1 to 3650');

  const { courses, diagnostics } = loadAll(positionals.length > 0 ? positionals : ['courses']);
  if (report(diagnostics) > 0) return exitCodes.invalid;
  if (courses.length === 0) {
    process.stderr.write('teach-in workshop: no course found.\n');
    return exitCodes.invalid;
  }

  let workshop: Awaited<ReturnType<typeof startWorkshopServer>>;
  try {
    workshop = await startWorkshopServer({
      courses,
      dataDir,
      port,
      retentionDays,
      lan: values.lan === true,
    });
  } catch (error) {
    process.stderr.write(`teach-in workshop: could not start: ${(error as Error).message}\n`);
    return exitCodes.failure;
  }
  const lines = [
    `Workshop running with ${courses.map((course) => course.id).join(', ')}`,
    `Participants join at: ${workshop.joinUrl}`,
    !values.lan
      ? 'Only this computer can join. Add --lan to let phones on the same network join.'
      : workshop.joinUrl === workshop.url
        ? 'No network address found: is this computer on the wifi? Phones cannot join yet.'
        : renderUnicodeCompact(workshop.joinUrl),
    `Facilitator: open ${workshop.url}facilitator on this computer and type the token.`,
    `Facilitator token: ${workshop.token}`,
    `Data: ${dataDir} (kept ${retentionDays} days; ${workshop.purged} expired participants removed now)`,
    'Press Ctrl+C to stop. Everything is saved as it arrives; start again to carry on.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await workshop.close();
  process.stdout.write('Workshop stopped; the data is saved.\n');
  return exitCodes.ok;
}
