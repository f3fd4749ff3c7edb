/**
 * A real PostgreSQL 15 for the tests (Debian's `postgresql`, tooling/setup.sh installs it):
 * initdb in a temp folder, started on a free port as the `postgres` user, stopped after.
 * Where it is not installed, `startPostgres` says why and the caller skips.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const binDir = '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** A fresh, empty database on this server. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Starts PostgreSQL, or returns the reason it cannot run here. */
export async function startPostgres(): Promise<TestPostgres | { skip: string }> {
  if (!existsSync(path.join(binDir, 'initdb'))) {
    return { skip: `PostgreSQL 15 is not installed (${binDir}); tooling/setup.sh installs it.` };
  }
  const asPostgres = (command: string, args: string[]) => {
    const isRoot = process.getuid?.() === 0;
    const [file, fullArgs] = isRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(binDir, command), ...args]]
      : [path.join(binDir, command), args];
    execFileSync(file, fullArgs as string[], { stdio: 'pipe' });
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'teach-in-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  try {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    asPostgres('pg_ctl', [
      '-D',
      dataDir,
      '-o',
      `-k ${dir} -p ${port} -h 127.0.0.1 -c fsync=off -c max_connections=60`,
      '-w',
      '-l',
      path.join(dir, 'log'),
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `PostgreSQL could not start: ${(error as Error).message.split('\n')[0]}` };
  }
  const base = `postgresql://postgres@127.0.0.1:${port}`;
  let count = 0;
  return {
    async createDatabase() {
      const name = `tool_${process.pid}_${++count}`;
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `${base}/${name}`;
    },
    async stop() {
      try {
        asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
