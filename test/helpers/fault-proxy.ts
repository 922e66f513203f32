import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'throttle' | 'server-error' | 'pass';

/**
 * An HTTP proxy in front of DynamoDB Local that answers the next requests with the faults
 * queued in `faults` (a real DynamoDB throttling or 500 reply), then forwards the rest.
 */
export async function startFaultProxy(target: string) {
  const faults: Fault[] = [];
  let forwarded = 0;
  let faulted = 0;
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fault = faults.shift() ?? 'pass';
      if (fault !== 'pass') {
        faulted++;
        const throttle = fault === 'throttle';
        res.writeHead(throttle ? 400 : 500, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: throttle
              ? 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException'
              : 'com.amazonaws.dynamodb.v20120810#InternalServerError',
            message: throttle
              ? 'Rate of requests exceeds the allowed throughput'
              : 'Internal error',
          }),
        );
        return;
      }
      forwarded++;
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
      proxied.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults,
    counts: () => ({ forwarded, faulted }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
