import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordMessageEditor } from '../../src/discord/edit-channel-message.js';
import { DiscordApiError } from '../../src/errors.js';
import type { Reply } from '../../src/tutor/reply.js';
import { type FakeDiscordApi, startFakeDiscordApi } from '../helpers/fake-discord-api.js';

const reply: Reply = {
  title: 'Question of the day',
  sections: ['**Which service runs code without servers?** @everyone'],
  buttons: [{ label: 'Lambda', action: 'd:2026-11-23:0', kind: 'answer' }],
  visibility: 'channel',
  footnote: '2 answered so far',
};

describe('Function: createDiscordMessageEditor', () => {
  let fake: FakeDiscordApi;
  beforeAll(async () => {
    fake = await startFakeDiscordApi();
  });
  afterAll(() => fake.close());

  const edit = (token?: string) =>
    createDiscordMessageEditor({ apiUrl: fake.url, botToken: async () => token });

  it('PATCHes the channel message with the bot token, mentions off, every field set', async () => {
    await edit('bot-token')(
      { channelId: 'C/1', messageId: 'M1', reply },
      AbortSignal.timeout(5000),
    );
    const request = fake.requests.at(-1);
    expect(request?.method).toBe('PATCH');
    expect(request?.path).toBe('/channels/C%2F1/messages/M1');
    expect(request?.headers.authorization).toBe('Bot bot-token');
    expect(request?.headers['user-agent']).toMatch(/^DiscordBot /);
    expect(request?.body).toMatchObject({
      content: '',
      allowed_mentions: { parse: [] },
      embeds: [{ title: 'Question of the day', footer: { text: '2 answered so far' } }],
      components: [{ components: [{ custom_id: 'd:2026-11-23:0' }] }],
    });
  });

  it('throws DiscordApiError with the status, and without the token', async () => {
    fake.failNext('/channels/', 404);
    const error = await edit('bot-token')(
      { channelId: 'C1', messageId: 'gone', reply },
      AbortSignal.timeout(5000),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordApiError);
    expect((error as DiscordApiError).status).toBe(404);
    expect(`${(error as Error).message}`).not.toContain('bot-token');
  });

  it('sends nothing without a bot token', async () => {
    const before = fake.requests.length;
    await expect(
      edit(undefined)({ channelId: 'C1', messageId: 'M1', reply }, AbortSignal.timeout(5000)),
    ).rejects.toThrow(/DISCORD_BOT_TOKEN/);
    expect(fake.requests).toHaveLength(before);
  });
});
