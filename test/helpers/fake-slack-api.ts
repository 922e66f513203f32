import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackUser {
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface RecordedCall {
  path: string;
  authorization: string | undefined;
  userAgent: string | undefined;
  /** Web API calls: the form fields. response_url posts: the JSON message. */
  // biome-ignore lint/suspicious/noExplicitAny: recorded as Slack would receive it, checked by tests
  body: Record<string, any>;
}

/**
 * A local HTTP server speaking the parts of Slack the app uses: the Web API under `/api/`
 * (`users.info` answers from `users`; an unknown user gets `ok: false` like Slack;
 * `chat.postMessage` and `chat.update` succeed unless told to fail with `failNext`) and
 * response URLs under `/response/{id}`, which record what was posted. `auth.test` answers too,
 * so a test can prove the app never calls it. `stallNext` makes a method's next call hang.
 */
export async function startFakeSlack(users: Record<string, SlackUser>) {
  const calls: RecordedCall[] = [];
  // Web API methods told to fail once: the `error` Slack would give (`ok: false`).
  const failures: { method: string; error: string }[] = [];
  const stalls: string[] = [];
  let posted = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      const isJson = (req.headers['content-type'] ?? '').includes('json');
      const body = isJson
        ? JSON.parse(text || '{}')
        : Object.fromEntries(new URLSearchParams(text));
      calls.push({
        path,
        authorization: req.headers.authorization,
        userAgent: req.headers['user-agent'],
        body,
      });
      const stalled = stalls.findIndex((method) => path === `/api/${method}`);
      if (stalled !== -1) stalls.splice(stalled, 1);
      if (stalled !== -1 || path.startsWith('/response/stalled')) {
        // Never answers: ids starting "stalled" hang until the client gives up.
        return;
      }
      if (path.startsWith('/response/')) {
        // Slack answers an expired response_url with 404; ids starting "expired" do that here.
        const expired = path.startsWith('/response/expired');
        res.writeHead(expired ? 404 : 200, { 'content-type': 'text/plain' });
        res.end(expired ? 'expired_url' : 'ok');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (path === '/api/users.info') {
        const user = users[String(body.user)];
        res.end(
          JSON.stringify(
            user
              ? { ok: true, user: { id: body.user, is_admin: false, is_owner: false, ...user } }
              : { ok: false, error: 'user_not_found' },
          ),
        );
        return;
      }
      if (path === '/api/auth.test') {
        res.end(JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' }));
        return;
      }
      const failure = failures.findIndex((f) => path === `/api/${f.method}`);
      if (failure !== -1) {
        const [{ error } = { error: 'fatal_error' }] = failures.splice(failure, 1);
        res.end(JSON.stringify({ ok: false, error }));
        return;
      }
      // Messages the bot posts get a ts of their own; chat.update answers like Slack does.
      if (path === '/api/chat.postMessage') {
        const ts = `1795424400.${String(++posted).padStart(6, '0')}`;
        res.end(JSON.stringify({ ok: true, channel: body.channel, ts }));
        return;
      }
      if (path === '/api/chat.update') {
        res.end(JSON.stringify({ ok: true, channel: body.channel, ts: body.ts }));
        return;
      }
      res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    /** The value for SLACK_API_URL. */
    apiUrl: `${base}/api/`,
    /** A response_url for a fixture; what is posted to it is in `posted(id)`. */
    responseUrl: (id: string) => `${base}/response/${id}`,
    calls,
    posted: (id: string) => calls.filter((c) => c.path === `/response/${id}`).map((c) => c.body),
    apiCalls: (method: string) => calls.filter((c) => c.path === `/api/${method}`),
    /** The next call of Web API `method` answers `{ok: false, error}`. */
    failNext: (method: string, error: string) => failures.push({ method, error }),
    /** The next call of Web API `method` is never answered. */
    stallNext: (method: string) => stalls.push(method),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;
