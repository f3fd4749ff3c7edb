import type { Context } from 'hono';

/** One open server-sent-events connection. */
export interface EventChannel {
  send(event: string, data: string): void;
  /** A comment line: keeps proxies and phones from closing an idle stream. */
  comment(text: string): void;
  /** Ends the stream from the server's side. */
  close(): void;
}

const encoder = new TextEncoder();

/**
 * A server-sent-events response. `open` gets the channel at once and returns what to do
 * when the client goes away. The reconnect delay rides on the first write, so a client's
 * first read holds the first event.
 */
export function eventStream(
  c: Context,
  options: { retryMs: number },
  open: (channel: EventChannel) => () => void,
): Response {
  let onClose: (() => void) | undefined;
  let closed = false;
  let prefix = `retry: ${options.retryMs}\n`;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        controller.enqueue(encoder.encode(prefix + text));
        prefix = '';
      };
      onClose = open({
        send: (event, data) => write(`event: ${event}\ndata: ${data}\n\n`),
        comment: (text) => write(`: ${text}\n\n`),
        close() {
          if (closed) return;
          closed = true;
          onClose?.();
          controller.close();
        },
      });
    },
    cancel() {
      if (closed) return;
      closed = true;
      onClose?.();
    },
  });
  return c.body(stream, 200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
  });
}
