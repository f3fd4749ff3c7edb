import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  defaultRetentionDays,
  deleteLtiData,
  forgetLearner,
  manualRegistration,
  registerPlatform,
  startLtiTool,
} from '@teach-in/lti-tool';
import { exitCodes } from '../exit-codes.ts';
import { helpText } from '../help.ts';
import { loadAll, report } from './load.ts';

const defaultDataDir = '.teach-in/lti';
const defaultPort = 8090;

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      data: { type: 'string' },
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      platform: { type: 'string', multiple: true },
      'rotate-keys': { type: 'boolean' },
      'retention-days': { type: 'string' },
      'delete-data': { type: 'boolean' },
      'forget-learner': { type: 'string' },
      issuer: { type: 'string' },
    },
  });
}

function usage(message: string): number {
  process.stderr.write(`teach-in serve: ${message}\n\n${helpText.serve}`);
  return exitCodes.usage;
}

function integerOption(value: string | undefined, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  const number = Number(value);
  return /^\d+$/.test(value) && number >= min && number <= max ? number : undefined;
}

/** `teach-in serve`: the courses as an LTI 1.3 tool, until Ctrl+C. */
export async function runServe(args: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(helpText.serve);
    return exitCodes.ok;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (values['delete-data']) {
    const removed = await deleteLtiData({ databaseUrl, dataDir });
    process.stdout.write(`Deleted ${removed}.\n`);
    return exitCodes.ok;
  }
  if (values['forget-learner'] !== undefined) {
    if (!values.issuer) return usage('--forget-learner needs --issuer <the platform issuer>');
    const removed = await forgetLearner({
      databaseUrl,
      dataDir,
      issuer: values.issuer,
      userId: values['forget-learner'],
    });
    process.stdout.write(`Removed ${removed} records of that learner.\n`);
    return exitCodes.ok;
  }
  const port = integerOption(values.port, defaultPort, 0, 65_535);
  if (port === undefined) return usage('--port must be a number from 0 to 65535');
  const retentionDays = integerOption(values['retention-days'], defaultRetentionDays, 1, 3650);
  if (retentionDays === undefined) return usage('--retention-days must be a number from 1 to 3650');
  const platforms = [];
  for (const file of values.platform ?? []) {
    let checked: ReturnType<typeof manualRegistration.safeParse>;
    try {
      checked = manualRegistration.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      return usage(`--platform ${file}: ${(error as Error).message}`);
    }
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return usage(`--platform ${file}: ${issue?.path.join('.')} ${issue?.message}`);
    }
    platforms.push(checked.data);
  }

  const { courses, diagnostics } = loadAll(positionals.length > 0 ? positionals : ['courses']);
  if (report(diagnostics) > 0) return exitCodes.invalid;
  if (courses.length === 0) {
    process.stderr.write('teach-in serve: no course found.\n');
    return exitCodes.invalid;
  }
  let tool: Awaited<ReturnType<typeof startLtiTool>>;
  try {
    tool = await startLtiTool({
      courses,
      dataDir,
      databaseUrl,
      port,
      host: values.host,
      publicUrl: values['public-url'],
      retentionDays,
    });
  } catch (error) {
    process.stderr.write(`teach-in serve: could not start: ${(error as Error).message}\n`);
    return exitCodes.failure;
  }
  for (const platform of platforms)
    await registerPlatform({ store: tool.store, now: Date.now }, platform);
  if (values['rotate-keys']) await tool.keys.rotate();
  const lines = [
    `LTI 1.3 tool serving ${courses.map((course) => course.id).join(', ')}`,
    `Storage: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : path.join(dataDir, 'lti-tool.sqlite')}`,
    `Listening on:  ${tool.listenUrl}`,
    `Login URL:     ${tool.url}/lti/login`,
    `Launch URL:    ${tool.url}/lti/launch`,
    `Keys (JWKS):   ${tool.url}/.well-known/jwks.json`,
    `Canvas JSON:   ${tool.url}/lti/canvas.json`,
    `Dynamic Registration URL (paste into the LMS; keep it secret): ${tool.registrationUrl}`,
    platforms.length > 0 ? `Registered ${platforms.length} platform(s) from --platform.` : '',
    'Press Ctrl+C to stop.',
  ].filter(Boolean);
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
  await tool.close();
  process.stdout.write('LTI tool stopped.\n');
  return exitCodes.ok;
}
