import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface RunningProxy {
  url: string;
  close(): Promise<void>;
}

const compressible = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;

/**
 * A compressing front for the lms-host server. LMSs serve package files through web
 * servers that gzip text (Moodle behind Apache or nginx, the hosted LMSs behind CDNs), while
 * lms-host, a test and preview server, sends bytes as they are. Putting this in front makes
 * the phone-network figures match what a learner downloads from a real LMS and what the
 * byte budgets count (gzip level 9, like tests/support/first-load.ts).
 */
export async function startGzipProxy(targetUrl: string): Promise<RunningProxy> {
  const target = new URL(targetUrl);
  const server = createServer((incoming, outgoing) => {
    const acceptsGzip = /\bgzip\b/.test(String(incoming.headers['accept-encoding'] ?? ''));
    const headers: IncomingHttpHeaders = { ...incoming.headers, host: target.host };
    delete headers['accept-encoding'];
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          let body = Buffer.concat(chunks);
          const responseHeaders = { ...response.headers };
          if (acceptsGzip && compressible.test(String(responseHeaders['content-type'] ?? ''))) {
            body = gzipSync(body, { level: 9 });
            responseHeaders['content-encoding'] = 'gzip';
            responseHeaders.vary = 'accept-encoding';
          }
          responseHeaders['content-length'] = String(body.length);
          outgoing.writeHead(response.statusCode ?? 502, responseHeaders);
          outgoing.end(incoming.method === 'HEAD' ? undefined : body);
        });
      },
    );
    upstream.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
