import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedMessage {
  platform: 'slack' | 'discord';
  channel: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

/**
 * A local server that speaks the posting parts of Slack's Web API (`POST /api/chat.postMessage`)
 * and Discord's REST API (`POST /api/v10/channels/{id}/messages`), like the real ones:
 * - Slack answers HTTP 429 with `Retry-After` when a channel gets more than one message a
 *   second, and `{ok:false, error:'channel_not_found'}` for channels in `gone`;
 * - Discord answers 429 with `retry_after` when told to (`rateLimitNext`), and 404
 *   "Unknown Channel" for channels in `gone`;
 * - either answers every post to a channel in `broken` with that status, as a platform having
 *   a bad day does: a 5xx with an HTML error page, or a 429 with `Retry-After: 2`;
 * - a platform in `revoked` refuses the bot token: Slack `invalid_auth`, Discord 401.
 */
export async function startFakeChatApis(options: { slackPerChannelMs?: number } = {}) {
  const messages: PostedMessage[] = [];
  const gone = new Set<string>();
  const broken = new Map<string, number>();
  const revoked = new Set<'slack' | 'discord'>();
  let brokenAnswers = 0;
  const lastSlackPost = new Map<string, number>();
  const discordRateLimits: string[] = [];
  let slack429 = 0;
  let discord429 = 0;
  let nextId = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const target = String(body.channel ?? /\/channels\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '');
      const status = broken.get(decodeURIComponent(target));
      if (status !== undefined) {
        brokenAnswers++;
        if (status === 429) {
          return json(
            429,
            { ok: false, error: 'ratelimited', message: 'rate limited', retry_after: 2 },
            { 'retry-after': '2' },
          );
        }
        res.writeHead(status, { 'content-type': 'text/html' });
        return res.end(`<html><body><h1>${status} Server Error</h1></body></html>`);
      }
      if (req.url === '/api/chat.postMessage') {
        if (revoked.has('slack')) return json(200, { ok: false, error: 'invalid_auth' });
        const channel = String(body.channel);
        if (gone.has(channel)) return json(200, { ok: false, error: 'channel_not_found' });
        const now = Date.now();
        const last = lastSlackPost.get(channel);
        const gap = options.slackPerChannelMs ?? 1000;
        if (last !== undefined && now - last < gap) {
          slack429++;
          return json(
            429,
            { ok: false, error: 'ratelimited' },
            {
              'retry-after': String(Math.ceil((gap - (now - last)) / 1000)),
            },
          );
        }
        lastSlackPost.set(channel, now);
        messages.push({
          platform: 'slack',
          channel,
          body,
          authorization: req.headers.authorization,
        });
        return json(200, {
          ok: true,
          channel,
          ts: `${Math.floor(now / 1000)}.${String(nextId++).padStart(6, '0')}`,
        });
      }
      const discord = /^\/api\/v10\/channels\/([^/]+)\/messages$/.exec(req.url ?? '');
      if (discord?.[1]) {
        const channel = decodeURIComponent(discord[1]);
        if (revoked.has('discord')) return json(401, { message: '401: Unauthorized', code: 0 });
        if (gone.has(channel)) return json(404, { message: 'Unknown Channel', code: 10003 });
        const limited = discordRateLimits.indexOf(channel);
        if (limited !== -1) {
          discordRateLimits.splice(limited, 1);
          discord429++;
          return json(429, {
            message: 'You are being rate limited.',
            retry_after: 0.25,
            global: false,
          });
        }
        messages.push({
          platform: 'discord',
          channel,
          body,
          authorization: req.headers.authorization,
        });
        return json(200, { id: String(nextId++), channel_id: channel, ...body });
      }
      json(404, { message: 'not found' });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    slackApiUrl: `http://127.0.0.1:${port}/api/`,
    discordApiUrl: `http://127.0.0.1:${port}/api/v10`,
    messages,
    gone,
    broken,
    revoked,
    brokenAnswers: () => brokenAnswers,
    rateLimitNext: (channel: string) => discordRateLimits.push(channel),
    counts: () => ({ slack429, discord429 }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export type FakeChatApis = Awaited<ReturnType<typeof startFakeChatApis>>;
