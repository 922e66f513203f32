import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import type { Subscription } from '../../src/store/records.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';

const channel = (channelId: string): Subscription => ({
  platform: 'discord',
  workspaceId: 'G1',
  channelId,
  subscribedBy: 'admin',
  subscribedAt: '2026-11-23T09:00:00.000Z',
  status: 'active',
});
const reply = {
  title: 'Question of the day',
  sections: ['**Which is stateless?**'],
  buttons: [{ label: 'NACL', action: 'd:2026-11-23:0', kind: 'answer' as const }],
  visibility: 'channel' as const,
};

describe('Function: createDiscordPoster', () => {
  let api: Awaited<ReturnType<typeof startFakeChatApis>>;
  beforeAll(async () => {
    api = await startFakeChatApis();
  });
  afterAll(() => api.close());

  it('posts a public message with buttons, using the bot token', async () => {
    const poster = createDiscordPoster({ apiUrl: api.discordApiUrl, botToken: 'bot-token' });
    const result = await poster.post(channel('C1'), reply);
    expect(result.ok).toBe(true);
    const sent = api.messages.at(-1);
    expect(sent?.authorization).toBe('Bot bot-token');
    expect(sent?.body.flags).toBeUndefined();
    expect(JSON.stringify(sent?.body.components)).toContain('d:2026-11-23:0');
    expect(sent?.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('reports a rate limit with how long to wait', async () => {
    const poster = createDiscordPoster({ apiUrl: api.discordApiUrl, botToken: 't' });
    api.rateLimitNext('C2');
    expect(await poster.post(channel('C2'), reply)).toMatchObject({
      ok: false,
      scope: 'transient',
      retryAfterMs: 250,
    });
  });

  it('reports a deleted channel as a channel failure', async () => {
    const poster = createDiscordPoster({ apiUrl: api.discordApiUrl, botToken: 't' });
    api.gone.add('GONE');
    expect(await poster.post(channel('GONE'), reply)).toMatchObject({
      ok: false,
      scope: 'channel',
    });
  });

  it('reports a refused bot token (401) as a token failure', async () => {
    const poster = createDiscordPoster({ apiUrl: api.discordApiUrl, botToken: 'old' });
    api.revoked.add('discord');
    const result = await poster.post(channel('C1'), reply);
    api.revoked.clear();
    expect(result).toMatchObject({ ok: false, scope: 'token' });
  });

  it('reports an unreachable API as temporary', async () => {
    const poster = createDiscordPoster({ apiUrl: 'http://127.0.0.1:9/api/v10', botToken: 't' });
    expect(await poster.post(channel('C1'), reply)).toMatchObject({
      ok: false,
      scope: 'transient',
    });
  });
});
