import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import type { Subscription } from '../../src/store/records.js';
import { type FakeChatApis, startFakeChatApis } from '../helpers/fake-chat-apis.js';

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

// Its failures (rate limit, gone channel, refused token) are in test/daily/channel-poster.test.ts.
describe('Function: createDiscordPoster', () => {
  let api: FakeChatApis;
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
});
