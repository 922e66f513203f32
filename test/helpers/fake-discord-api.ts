import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path after the API base (`/api/v10`), e.g. `/interactions/1/tok/callback`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A local HTTP server that speaks the parts of Discord's REST API the app uses: interaction
 * callbacks, editing/deleting the original response, follow-ups and command registration.
 * It records every request; `failNext(path, status)` makes requests whose path starts with
 * `path` fail once with `status`, and `stallNext(path)` leaves the next one unanswered.
 */
export async function startFakeDiscordApi() {
  const requests: RecordedRequest[] = [];
  const failures: { path: string; status: number }[] = [];
  const stalls: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/api\/v\d+/, '');
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      });
      const stalled = stalls.findIndex((prefix) => path.startsWith(prefix));
      if (stalled !== -1) {
        stalls.splice(stalled, 1);
        return;
      }
      const failure = failures.findIndex((f) => path.startsWith(f.path));
      if (failure !== -1) {
        const status = failures.splice(failure, 1)[0]?.status ?? 500;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'fake failure', code: 0 }));
        return;
      }
      if (req.method === 'DELETE' || path.endsWith('/callback')) {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      // Commands are echoed back (PUT returns the registered list); messages get an id.
      res.end(
        text && req.method === 'PUT'
          ? text
          : JSON.stringify({ id: '1', ...JSON.parse(text || '{}') }),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    /** The value for DISCORD_API_URL. */
    url: `http://127.0.0.1:${port}/api/v10`,
    requests,
    failNext: (path: string, status: number) => failures.push({ path, status }),
    stallNext: (path: string) => stalls.push(path),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export type FakeDiscordApi = Awaited<ReturnType<typeof startFakeDiscordApi>>;
