import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient, type DiscordCall } from '../../src/discord/discord-client.js';
import { DiscordApiError } from '../../src/errors.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';
import { type FakeDiscordApi, startFakeDiscordApi } from '../helpers/fake-discord-api.js';
import { rejectionOf } from '../helpers/rejection.js';

const failure = (call: Promise<unknown>) => rejectionOf(call, DiscordApiError);

/** A post to channel `C1`, unless told otherwise. */
const post = (change: Partial<DiscordCall> = {}): DiscordCall => ({
  method: 'POST',
  route: 'POST /channels/:channel/messages',
  path: '/channels/C1/messages',
  body: { content: 'hi' },
  signal: AbortSignal.timeout(5000),
  ...change,
});

describe('Function: createDiscordClient', () => {
  let fake: FakeDiscordApi;
  let apis: Awaited<ReturnType<typeof startFakeChatApis>>;
  beforeAll(async () => {
    fake = await startFakeDiscordApi();
    apis = await startFakeChatApis();
  });
  afterAll(async () => {
    await Promise.all([fake.close(), apis.close()]);
  });

  const discord = () => createDiscordClient({ apiUrl: fake.url, botToken: 'bot-token' });

  it('sends the bot token and the DiscordBot User-Agent, and returns the answer', async () => {
    expect(await discord().request(post())).toMatchObject({ id: '1', content: 'hi' });
    const request = fake.requests.at(-1);
    expect(request?.headers.authorization).toBe('Bot bot-token');
    expect(request?.headers['user-agent']).toMatch(/^DiscordBot \(https:\/\/[^,]+, [\d.]+\)$/);
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('sends no token without one (interaction endpoints carry theirs in the path)', async () => {
    await createDiscordClient({ apiUrl: fake.url }).request(post({ path: '/webhooks/A/tok' }));
    const request = fake.requests.at(-1);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['user-agent']).toMatch(/^DiscordBot /);
  });

  it('fails unsent, as a token failure, when the bot token is missing', async () => {
    const before = fake.requests.length;
    const client = createDiscordClient({ apiUrl: fake.url, botToken: async () => undefined });
    const error = await failure(client.request(post()));
    expect(error).toMatchObject({ scope: 'token', status: 0 });
    expect(error.message).toMatch(/DISCORD_BOT_TOKEN/);
    expect(fake.requests).toHaveLength(before);
  });

  it('throws a 429 as transient, with retry_after in milliseconds', async () => {
    const client = createDiscordClient({ apiUrl: apis.discordApiUrl, botToken: 't' });
    apis.rateLimitNext('C2');
    const error = await failure(client.request(post({ path: '/channels/C2/messages' })));
    expect(error).toMatchObject({ status: 429, scope: 'transient', retryAfterMs: 250 });
  });

  it.each([
    [401, 'token'],
    [403, 'channel'],
    [404, 'channel'],
    [500, 'transient'],
    [502, 'transient'],
  ])('classifies HTTP %i as a %s failure', async (status, scope) => {
    fake.failNext('/channels/', status);
    const error = await failure(discord().request(post()));
    expect(error).toMatchObject({ status, scope, reason: `discord ${status}: fake failure` });
    expect(JSON.stringify(error)).not.toContain('bot-token');
  });

  it('throws an unreachable API as transient', async () => {
    const client = createDiscordClient({ apiUrl: 'http://127.0.0.1:9/api/v10', botToken: 't' });
    const error = await failure(client.request(post()));
    expect(error).toMatchObject({ status: 0, scope: 'transient' });
    expect(error.reason).toMatch(/^network: /);
  });

  it('gives up on a call that never answers at the deadline its caller gave', async () => {
    fake.stallNext('/channels/');
    const started = Date.now();
    const error = await failure(discord().request(post({ signal: AbortSignal.timeout(200) })));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ status: 0, scope: 'transient' });
    expect((error.cause as Error).name).toBe('TimeoutError');
  });
});
