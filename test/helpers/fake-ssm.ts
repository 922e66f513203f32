import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that speaks SSM Parameter Store's JSON protocol for `GetParameters`, the
 * one call the tutor makes. Tests point the real SDK at it with `AWS_ENDPOINT_URL_SSM`.
 */
export async function startFakeSsm(parameters: Record<string, string>) {
  const calls: { names: string[]; withDecryption: boolean }[] = [];
  let failing = false;
  let hanging = false;
  const server = createServer((req, res) => {
    // A hung SSM: the request is read, and never answered.
    if (hanging) {
      calls.push({ names: [], withDecryption: false });
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (failing) {
        res.writeHead(400);
        res.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'not allowed' }));
        return;
      }
      if (target !== 'AmazonSSM.GetParameters') {
        res.writeHead(400);
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: String(target) }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        Names: string[];
        WithDecryption?: boolean;
      };
      calls.push({ names: body.Names, withDecryption: body.WithDecryption === true });
      const found = body.Names.filter((name) => name in parameters);
      res.writeHead(200);
      res.end(
        JSON.stringify({
          Parameters: found.map((Name) => ({
            Name,
            Type: 'SecureString',
            // Like SSM, hand back ciphertext unless decryption was asked for.
            Value: body.WithDecryption ? parameters[Name] : 'AQICAHencrypted',
            Version: 1,
          })),
          InvalidParameters: body.Names.filter((name) => !(name in parameters)),
        }),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    parameters,
    calls,
    fail: (on: boolean) => {
      failing = on;
    },
    hang: (on: boolean) => {
      hanging = on;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
