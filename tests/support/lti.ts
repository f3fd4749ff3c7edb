import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './build-fixture.ts';

const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');

export interface ToolProcess {
  /** Where the process listens (not the public URL a balancer may give it). */
  url: string;
  registrationUrl: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** `teach-in serve` as an administrator runs it; DATABASE_URL picks PostgreSQL. */
export function startServeCli(args: readonly string[], databaseUrl?: string): Promise<ToolProcess> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Listening on: +(\S+)/.exec(output)?.[1];
      const registrationUrl = /Dynamic Registration URL[^:]*: (\S+)/.exec(output)?.[1];
      if (url && registrationUrl) {
        resolve({
          url,
          registrationUrl,
          output: () => output,
          stop: async () => {
            child.kill('SIGINT');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`teach-in serve exited (${code}):\n${output}`)));
  });
}

/**
 * A round-robin load balancer: each request goes to the next tool process, so a login,
 * its launch and the learner's progress land on different processes.
 */
export async function startBalancer(
  targets: () => readonly string[],
): Promise<{ url: string; hits: Map<string, number>; close(): Promise<void> }> {
  let next = 0;
  const hits = new Map<string, number>();
  const server: Server = createServer((incoming, outgoing) => {
    const list = targets();
    const target = new URL(list[next++ % list.length] ?? '');
    hits.set(target.host, (hits.get(target.host) ?? 0) + 1);
    const proxied = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
