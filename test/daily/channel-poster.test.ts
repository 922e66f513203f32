import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelPoster } from '../../src/daily/channel-poster.js';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import type { Subscription } from '../../src/store/records.js';
import { type FakeChatApis, startFakeChatApis } from '../helpers/fake-chat-apis.js';

const reply = {
  title: 'Question of the day',
  sections: ['**Which is stateless?** <!channel> @everyone'],
  buttons: [{ label: 'NACL', action: 'd:2026-11-23:0', kind: 'answer' as const }],
  visibility: 'channel' as const,
};

/** How each platform's poster is made, what it sends, and how its API signals a failure. */
const POSTERS = [
  {
    platform: 'slack',
    poster: (apiUrl: string, botToken: string) => createSlackPoster({ apiUrl, botToken }),
    apiUrl: (api: FakeChatApis) => api.slackApiUrl,
    authorization: 'Bearer bot-token',
    buttonsIn: 'blocks',
    /** Block Kit with chat.postMessage; typed mention markup arrives escaped. */
    expectPosted: (body: Record<string, unknown>) => {
      expect(body.channel).toBe('C1');
      expect(JSON.stringify(body.blocks)).not.toContain('<!channel>');
    },
    /** Slack allows one message a second per channel: a second post at once is limited. */
    limit: async (_api: FakeChatApis, poster: ChannelPoster, channel: Subscription) => {
      await poster.post(channel, reply);
    },
    retryAfterMs: 1000,
    gone: { error: 'channel_not_found' },
    refused: { error: 'invalid_auth' },
  },
  {
    platform: 'discord',
    poster: (apiUrl: string, botToken: string) => createDiscordPoster({ apiUrl, botToken }),
    apiUrl: (api: FakeChatApis) => api.discordApiUrl,
    authorization: 'Bot bot-token',
    buttonsIn: 'components',
    /** A message for everyone (no ephemeral flag) whose mentions can notify nobody. */
    expectPosted: (body: Record<string, unknown>) => {
      expect(body.flags).toBeUndefined();
      expect(body.allowed_mentions).toEqual({ parse: [] });
    },
    limit: async (api: FakeChatApis, _poster: ChannelPoster, channel: Subscription) => {
      api.rateLimitNext(channel.channelId);
    },
    retryAfterMs: 250,
    gone: {},
    refused: {},
  },
] as const;

/**
 * Each platform's poster, as the daily run uses it: it posts the question for everyone, and
 * reports its API's failures so the run can tell them apart (wait and retry, drop the channel,
 * stop for the token).
 */
describe.each(POSTERS.map((row) => [row.platform, row] as const))(
  'Interface: ChannelPoster (%s)',
  (_, row) => {
    let api: FakeChatApis;
    beforeAll(async () => {
      api = await startFakeChatApis({ slackPerChannelMs: 1000 });
    });
    afterAll(() => api.close());

    const channel = (channelId: string): Subscription => ({
      platform: row.platform,
      workspaceId: 'W1',
      channelId,
      subscribedBy: 'admin',
      subscribedAt: '2026-11-23T09:00:00.000Z',
      status: 'active',
    });

    it('posts the question for everyone, with its answer buttons, as the bot, pinging nobody', async () => {
      const poster = row.poster(row.apiUrl(api), 'bot-token');
      expect(await poster.post(channel('C1'), reply)).toMatchObject({ ok: true });
      const sent = api.messages.at(-1);
      expect(sent?.channel).toBe('C1');
      expect(sent?.authorization).toBe(row.authorization);
      expect(JSON.stringify(sent?.body[row.buttonsIn])).toContain('d:2026-11-23:0');
      row.expectPosted(sent?.body ?? {});
    });

    it('reports a rate limit as temporary, with how long to wait', async () => {
      const poster = row.poster(row.apiUrl(api), 't');
      await row.limit(api, poster, channel('C2'));
      expect(await poster.post(channel('C2'), reply)).toMatchObject({
        ok: false,
        scope: 'transient',
        retryAfterMs: row.retryAfterMs,
      });
    });

    it('reports a channel the bot cannot reach any more as a channel failure', async () => {
      const poster = row.poster(row.apiUrl(api), 't');
      api.gone.add('GONE');
      expect(await poster.post(channel('GONE'), reply)).toMatchObject({
        ok: false,
        scope: 'channel',
        ...row.gone,
      });
    });

    it('reports a refused bot token as a token failure, not a channel one', async () => {
      const poster = row.poster(row.apiUrl(api), 'old');
      api.revoked.add(row.platform);
      const result = await poster.post(channel('C3'), reply);
      api.revoked.clear();
      expect(result).toMatchObject({ ok: false, scope: 'token', ...row.refused });
    });

    it('reports an unreachable API as temporary', async () => {
      const poster = row.poster('http://127.0.0.1:9/api/', 't');
      expect(await poster.post(channel('C1'), reply)).toMatchObject({
        ok: false,
        scope: 'transient',
      });
    });
  },
);
