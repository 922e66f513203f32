import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy that holds every request for `delayMs` before forwarding it: a DynamoDB that
 * is slow today, to push a command past the Discord answer budget without touching our code.
 */
export async function startSlowProxy(target: string, delayMs: number) {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const proxied = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (reply) => {
            res.writeHead(reply.statusCode ?? 500, reply.headers);
            reply.pipe(res);
          },
        );
        proxied.on('error', () => {
          res.writeHead(502);
          res.end();
        });
        proxied.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
