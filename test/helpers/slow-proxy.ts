import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from './forward-request.js';

/**
 * An HTTP proxy that holds every request for `delayMs` before forwarding it: a DynamoDB that
 * is slow today, to push a command past the Discord answer budget without touching our code.
 * `delayMs` may be a function of the DynamoDB operation (`TransactWriteItems`, from the
 * `x-amz-target` header), to slow down only writes, say. A held request is forwarded even if
 * the client has given up on it meanwhile, as a real DynamoDB would still apply it.
 */
export async function startSlowProxy(
  target: string,
  delayMs: number | ((operation: string) => number),
) {
  const upstream = new URL(target);
  const delayFor = typeof delayMs === 'number' ? () => delayMs : delayMs;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        forwardRequest(upstream, req, Buffer.concat(chunks), res);
      }, delayFor(operation));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
