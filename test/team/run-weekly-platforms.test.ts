import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDaily } from '../../src/daily/run-daily.js';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import { runWeekly } from '../../src/team/run-weekly.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { answerAction, quietLog, recordingPoster } from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { expectWithinDiscordLimits } from '../helpers/expect-discord-limits.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';
import { expectEscaped, expectWithinSlackLimits, textsOf } from '../helpers/slack-blocks.js';
import { asker, content, fakeClock, testDeps } from '../helpers/test-deps.js';

/**
 * The weekly recap through the real Slack and Discord posters, to a local server speaking both
 * APIs: a name that tries markup or mentions reaches each platform inert and within limits.
 */
describe('Function: runWeekly (on Slack and Discord)', () => {
  let apis: Awaited<ReturnType<typeof startFakeChatApis>>;
  beforeAll(async () => {
    apis = await startFakeChatApis({ slackPerChannelMs: 0 });
  });
  afterAll(() => apis.close());

  it('posts each platform its recap, escaped and within its limits', async () => {
    const { store } = await freshStore();
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const channels = [
      { platform: 'slack' as const, workspaceId: 'T1', channelId: 'S-OK' },
      { platform: 'discord' as const, workspaceId: 'G1', channelId: 'D-OK' },
    ];
    for (const c of channels) {
      await store.subscribe({
        ...c,
        subscribedBy: 'admin',
        subscribedAt: clock().toISOString(),
        status: 'active',
      });
    }
    const posters = {
      slack: createSlackPoster({ apiUrl: apis.slackApiUrl, botToken: 'xoxb-weekly' }),
      discord: createDiscordPoster({ apiUrl: apis.discordApiUrl, botToken: 'discord-weekly' }),
    };
    const deps = {
      store,
      content,
      clock,
      timeZone: 'Europe/London',
      log: quietLog,
      sleep: async () => {},
    };
    // Today's question, answered on each platform by someone whose name tries its luck.
    const recorded = recordingPoster();
    await runDaily({ ...deps, posters: { slack: recorded.poster, discord: recorded.poster } });
    const tutor = createTutor(testDeps({ storeImpl: store, clock }));
    for (const c of channels) {
      const post = recorded.latest(c.channelId);
      await tutor.handleAction(
        asker({ ...c, userId: 'U-x', userName: '<!channel> @everyone *bold* <https://x.test|y>' }),
        answerAction(post),
      );
    }

    clock.set('2026-11-27T16:00:00Z');
    const summary = await runWeekly({ ...deps, posters });
    expect(summary).toMatchObject({ posted: 2, deferred: 0 });
    const recaps = apis.messages.filter((m) => ['S-OK', 'D-OK'].includes(m.channel));
    expect(recaps).toHaveLength(2);
    for (const message of recaps) {
      if (message.platform === 'discord') {
        expect(message.body.allowed_mentions).toEqual({ parse: [] });
        expectWithinDiscordLimits(message.body as never);
        expect(JSON.stringify(message.body)).toContain('Weekly recap (2026-W48)');
      } else {
        expectWithinSlackLimits(message.body as never);
        for (const text of textsOf(message.body as never)) expectEscaped(text);
        expect(JSON.stringify(message.body)).not.toContain('<!channel>');
      }
    }
  });
});
