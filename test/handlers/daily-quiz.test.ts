import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Subscription } from '../../src/store/records.js';
import { captureLogs, theMetricLine } from '../helpers/capture-logs.js';
import { freshStore } from '../helpers/dynamo.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';

const sub = (platform: string, workspaceId: string, channelId: string): Subscription => ({
  platform,
  workspaceId,
  channelId,
  subscribedBy: 'admin',
  subscribedAt: '2026-11-20T09:00:00.000Z',
  status: 'active',
});

/** The deployed function's name in stage ci, which its alarm names (template test). */
const FUNCTION = 'aws-tutor-ci-dailyQuiz';

describe('Handler: dailyQuiz', () => {
  let apis: Awaited<ReturnType<typeof startFakeChatApis>>;
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    apis = await startFakeChatApis();
    fresh = await freshStore();
    Object.assign(process.env, {
      TABLE_NAME: fresh.tableName,
      DYNAMODB_ENDPOINT: fresh.endpoint,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: apis.slackApiUrl,
      DISCORD_BOT_TOKEN: 'discord-test',
      DISCORD_API_URL: apis.discordApiUrl,
    });
    // What serverless.yml gives the deployed function.
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'aws-tutor');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', FUNCTION);
    for (const s of [
      sub('slack', 'T1', 'C1'),
      sub('slack', 'T1', 'C2'),
      sub('slack', 'T2', 'GONE'),
      sub('discord', 'G1', 'D1'),
    ]) {
      await fresh.store.subscribe(s);
    }
    apis.gone.add('GONE');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await apis.close();
  });

  it('fails loudly on a revoked token and keeps every subscription (the retry posts them)', async () => {
    const { handler } = await import('../../src/handlers/daily-quiz.js');
    apis.revoked.add('slack');
    apis.revoked.add('discord');
    const logs = captureLogs();
    const thrown = await handler().catch((e: Error) => e);
    logs.restore();
    apis.revoked.clear();
    // The counts are written although the run throws: every channel is left for the retry.
    expect(theMetricLine(logs.lines, FUNCTION)).toMatchObject({
      DailyPostsPosted: 0,
      DailyPostsFailed: 4,
    });
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(
      /bot token was refused on (slack and discord|discord and slack)/,
    );
    expect(apis.messages).toHaveLength(0);
    for (const [tenant, channel] of [
      [{ platform: 'slack', workspaceId: 'T1' }, 'C1'],
      [{ platform: 'slack', workspaceId: 'T1' }, 'C2'],
      [{ platform: 'slack', workspaceId: 'T2' }, 'GONE'],
      [{ platform: 'discord', workspaceId: 'G1' }, 'D1'],
    ] as const) {
      expect((await fresh.store.getSubscription(tenant, channel))?.status).toBe('active');
    }
  });

  it('on the retry, posts to every subscribed channel once, and marks the dead one', async () => {
    const { handler } = await import('../../src/handlers/daily-quiz.js');
    const logs = captureLogs();
    const summary = await handler();
    logs.restore();
    expect(summary).toMatchObject({ channels: 4, posted: 3, failed: 1, deferred: 0 });
    expect(theMetricLine(logs.lines, FUNCTION)).toMatchObject({
      DailyPostsPosted: 3,
      DailyPostsFailed: 1,
    });
    const slack = apis.messages.filter((m) => m.platform === 'slack');
    expect(slack.map((m) => m.channel).sort()).toEqual(['C1', 'C2']);
    expect(slack[0]?.authorization).toBe('Bearer xoxb-test');
    expect(JSON.stringify(slack[0]?.body.blocks)).toContain('d:');
    expect(apis.messages.filter((m) => m.platform === 'discord').map((m) => m.channel)).toEqual([
      'D1',
    ]);
    const gone = await fresh.store.getSubscription(
      { platform: 'slack', workspaceId: 'T2' },
      'GONE',
    );
    expect(gone).toMatchObject({ status: 'failed', failure: 'channel_not_found' });
  });

  it('posts nothing more when Scheduler delivers the same event again', async () => {
    const { handler } = await import('../../src/handlers/daily-quiz.js');
    const before = apis.messages.length;
    const summary = await handler();
    expect(summary).toMatchObject({ channels: 3, posted: 0, skipped: 3 });
    expect(apis.messages).toHaveLength(before);
  });
});
