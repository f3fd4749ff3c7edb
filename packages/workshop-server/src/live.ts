import type { ServerResponse } from 'node:http';
import { securityHeaders } from './security.ts';

/**
 * Server-sent events to the facilitator's dashboards. Many answers arriving together
 * make one update: changes are gathered for a moment, then the counts are read once.
 */
export class LiveUpdates {
  readonly #clients = new Set<ServerResponse>();
  #timer: NodeJS.Timeout | undefined;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    private readonly read: () => unknown,
    private readonly gatherMs = 150,
  ) {
    // A comment line now and then keeps proxies and phones from closing an idle stream.
    this.#heartbeat = setInterval(() => {
      for (const client of this.#clients) client.write(': keep-alive\n\n');
    }, 25_000);
    this.#heartbeat.unref();
  }

  subscribe(response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write('retry: 2000\n\n');
    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
    this.#write(response, this.read());
  }

  changed(): void {
    if (this.#timer || this.#clients.size === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const data = this.read();
      for (const client of this.#clients) this.#write(client, data);
    }, this.gatherMs);
  }

  close(): void {
    clearInterval(this.#heartbeat);
    clearTimeout(this.#timer);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }

  #write(client: ServerResponse, data: unknown): void {
    client.write(`event: counts\ndata: ${JSON.stringify(data)}\n\n`);
  }
}
