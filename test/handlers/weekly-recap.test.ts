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

/** The scheduled function as Lambda runs it: settings from the environment, real posters. */
describe('Handler: weeklyRecap', () => {
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
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'aws-tutor-ci-weeklyRecap');
    for (const s of [
      sub('slack', 'T1', 'C1'),
      sub('slack', 'T1', 'C2'),
      sub('discord', 'G1', 'D1'),
    ]) {
      await fresh.store.subscribe(s);
    }
    await fresh.store.setRecap({ platform: 'slack', workspaceId: 'T1' }, 'C2', false);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await apis.close();
  });

  it('fails loudly on a revoked token, posting nothing, so Lambda retries', async () => {
    const { handler } = await import('../../src/handlers/weekly-recap.js');
    apis.revoked.add('slack');
    const logs = captureLogs();
    const thrown = await handler().catch((e: Error) => e);
    logs.restore();
    apis.revoked.clear();
    expect((thrown as Error).message).toMatch(/bot token was refused on slack/);
    // Counted although the run throws: the refused platform's channel is left for the retry.
    expect(theMetricLine(logs.lines, 'aws-tutor-ci-weeklyRecap')).toMatchObject({
      RecapPostsFailed: 1,
    });
    expect(apis.messages.filter((m) => m.platform === 'slack')).toHaveLength(0);
  });

  it('posts the recap once to every channel that has it on, and nothing on a repeated delivery', async () => {
    const { handler } = await import('../../src/handlers/weekly-recap.js');
    const summary = await handler();
    expect(summary).toMatchObject({ channels: 3, deferred: 0 });
    expect(apis.messages.map((m) => m.channel).sort()).toEqual(['C1', 'D1']);
    expect(JSON.stringify(apis.messages[0]?.body)).toContain('Weekly recap (');
    const again = await handler();
    expect(again).toMatchObject({ posted: 0, skipped: 3 });
    expect(apis.messages).toHaveLength(2);
  });
});
