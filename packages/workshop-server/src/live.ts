import { type Context, type EventChannel, eventStream } from '@teach-in/http-kit';

/**
 * Server-sent events to the facilitator's dashboards. Many answers arriving together
 * make one update: changes are gathered for a moment, then the counts are read once.
 */
export class LiveUpdates {
  readonly #clients = new Set<EventChannel>();
  #timer: NodeJS.Timeout | undefined;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    private readonly read: () => unknown,
    private readonly gatherMs = 150,
  ) {
    // A comment line now and then keeps proxies and phones from closing an idle stream.
    this.#heartbeat = setInterval(() => {
      for (const client of this.#clients) client.comment('keep-alive');
    }, 25_000);
    this.#heartbeat.unref();
  }

  /** A dashboard's event stream: the counts now, then after every change. */
  subscribe(c: Context): Response {
    return eventStream(c, { retryMs: 2000 }, (client) => {
      this.#clients.add(client);
      this.#write(client, this.read());
      return () => this.#clients.delete(client);
    });
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
    for (const client of [...this.#clients]) client.close();
    this.#clients.clear();
  }

  #write(client: EventChannel, data: unknown): void {
    client.send('counts', JSON.stringify(data));
  }
}
