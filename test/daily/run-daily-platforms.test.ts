import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DailyRunDeps, runDaily } from '../../src/daily/run-daily.js';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import { freshStore } from '../helpers/dynamo.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';
import { expectEscaped, textsOf } from '../helpers/slack-blocks.js';
import { content, fakeClock } from '../helpers/test-deps.js';

const CHANNELS = {
  slack: { workspaceId: 'T1', ok: 'S-OK', down: 'S-500', limited: 'S-429' },
  discord: { workspaceId: 'G1', ok: 'D-OK', down: 'D-502', limited: 'D-429' },
} as const;

/**
 * The daily run against the real Slack and Discord posters, talking HTTP to a local server
 * that speaks both APIs, where some channels always answer 5xx or 429. The run must post the
 * healthy channels, give the failing ones back for the next run (not mark them gone), wait as
 * long as Retry-After says, and post each channel exactly once once the platform recovers.
 */
describe('Function: runDaily (platform failures)', () => {
  let apis: Awaited<ReturnType<typeof startFakeChatApis>>;
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  const waits: number[] = [];
  const clock = fakeClock('2026-11-23T09:00:00Z');
  let deps: DailyRunDeps;

  beforeAll(async () => {
    apis = await startFakeChatApis({ slackPerChannelMs: 0 });
    fresh = await freshStore();
    for (const [platform, c] of Object.entries(CHANNELS)) {
      for (const channelId of [c.ok, c.down, c.limited]) {
        await fresh.store.subscribe({
          platform,
          workspaceId: c.workspaceId,
          channelId,
          subscribedBy: 'admin',
          subscribedAt: '2026-11-20T09:00:00.000Z',
          status: 'active',
        });
      }
    }
    apis.broken.set(CHANNELS.slack.down, 500);
    apis.broken.set(CHANNELS.slack.limited, 429);
    apis.broken.set(CHANNELS.discord.down, 502);
    apis.broken.set(CHANNELS.discord.limited, 429);
    deps = {
      store: fresh.store,
      content,
      posters: {
        slack: createSlackPoster({ apiUrl: apis.slackApiUrl, botToken: 'xoxb-daily' }),
        discord: createDiscordPoster({ apiUrl: apis.discordApiUrl, botToken: 'discord-daily' }),
      },
      clock,
      timeZone: 'Europe/London',
      log: { error: () => {}, info: () => {} },
      sleep: async (ms) => {
        waits.push(ms);
      },
    };
  });
  afterAll(() => apis.close());

  it('posts the healthy channels and gives the failing ones back, still subscribed', async () => {
    const summary = await runDaily(deps);
    expect(summary).toMatchObject({ channels: 6, posted: 2, failed: 0, deferred: 4 });
    expect(apis.messages.map((m) => m.channel).sort()).toEqual(['D-OK', 'S-OK']);
    // Every channel that kept failing was tried four times: 4 × 4 answers from the fake.
    expect(apis.brokenAnswers()).toBe(16);
    // 429s are waited out for as long as Retry-After says; 5xx back off.
    expect(waits.filter((ms) => ms === 2000).length).toBeGreaterThanOrEqual(6);
    for (const [platform, c] of Object.entries(CHANNELS)) {
      for (const channelId of [c.down, c.limited]) {
        const sub = await fresh.store.getSubscription(
          { platform, workspaceId: c.workspaceId },
          channelId,
        );
        expect(sub?.status).toBe('active');
      }
    }
  });

  it('posts each channel exactly once when the platforms recover, and never pings', async () => {
    apis.broken.clear();
    const summary = await runDaily(deps);
    expect(summary).toMatchObject({ channels: 6, posted: 4, skipped: 2, deferred: 0 });
    const channels = apis.messages.map((m) => m.channel).sort();
    expect(channels).toEqual(['D-429', 'D-502', 'D-OK', 'S-429', 'S-500', 'S-OK']);
    for (const message of apis.messages) {
      if (message.platform === 'discord') {
        expect(message.body.allowed_mentions).toEqual({ parse: [] });
      } else {
        for (const text of textsOf(message.body as never)) expectEscaped(text);
      }
    }
  });
});
