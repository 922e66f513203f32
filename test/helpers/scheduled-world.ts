import type { Tenant } from '../../src/store/keys.js';
import { subscribeChannels } from './daily-round.js';
import { freshStore } from './dynamo.js';
import { startFakeChatApis } from './fake-chat-apis.js';

/**
 * What a scheduled handler (dailyQuiz, weeklyRecap) finds when Lambda runs it: its settings in
 * the environment, fake Slack and Discord APIs, and a fresh table with `channels` subscribed
 * as `/aws daily on` leaves them.
 */
export async function startScheduledWorld(channels: [Tenant, string][]) {
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
  for (const [tenant, channelId] of channels) {
    await subscribeChannels(fresh.store, tenant, [channelId]);
  }
  return { apis, ...fresh };
}

export type ScheduledWorld = Awaited<ReturnType<typeof startScheduledWorld>>;
