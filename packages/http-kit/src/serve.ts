import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';

export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this computer. `0.0.0.0` for the local network. */
  hostname?: string;
  /**
   * A slow client cannot hold a connection open by sending its request byte by byte: the
   * whole request within 30 s, its headers within 15 s. For servers other machines reach.
   */
  slowClientTimeouts?: boolean;
}

export interface ListeningServer {
  /** `http://127.0.0.1:<port>/`: where this machine reaches the server. */
  url: string;
  /** The url without its final slash. */
  origin: string;
  port: number;
  server: Server;
  /** Stops listening and ends every open connection (event streams included). */
  close(): Promise<void>;
}

/** Serves a Hono app on Node (@hono/node-server) and resolves once it listens. */
export async function listen(
  app: { fetch: Hono['fetch'] },
  options: ListenOptions = {},
): Promise<ListeningServer> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  if (options.slowClientTimeouts) {
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
