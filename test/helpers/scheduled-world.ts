import { vi } from 'vitest';
import type { Tenant } from '../../src/store/keys.js';
import { subscribeChannels } from './daily-round.js';
import { freshStore } from './dynamo.js';
import { startFakeChatApis } from './fake-chat-apis.js';

/**
 * What a scheduled handler (dailyQuiz, weeklyRecap) finds when Lambda runs it as
 * `functionName`: its settings in the environment (those serverless.yml gives it too), fake
 * Slack and Discord APIs, and a fresh table with `channels` subscribed as `/aws daily on`
 * leaves them. `close()` puts the environment back.
 */
export async function startScheduledWorld(functionName: string, channels: [Tenant, string][]) {
  const apis = await startFakeChatApis();
  const fresh = await freshStore();
  Object.assign(process.env, {
    TABLE_NAME: fresh.tableName,
    DYNAMODB_ENDPOINT: fresh.endpoint,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: apis.slackApiUrl,
    DISCORD_BOT_TOKEN: 'discord-test',
    DISCORD_API_URL: apis.discordApiUrl,
  });
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'aws-tutor');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', functionName);
  for (const [tenant, channelId] of channels) {
    await subscribeChannels(fresh.store, tenant, [channelId]);
  }
  const close = async () => {
    vi.unstubAllEnvs();
    await apis.close();
  };
  return { apis, ...fresh, close };
}

export type ScheduledWorld = Awaited<ReturnType<typeof startScheduledWorld>>;
