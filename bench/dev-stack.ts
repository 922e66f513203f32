import { createDiscordSigner } from '../test/helpers/discord-request.js';
import { startFakeDiscordApi } from '../test/helpers/fake-discord-api.js';
import { startFakeSlack } from '../test/helpers/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../test/helpers/slack-request.js';
import { startDevServer } from './dev-server.js';
import { benchStore, freshTable } from './local-dynamo.js';
import { DISCORD_APPLICATION } from './platform-requests.js';

/**
 * `npm run dev` on a fresh table of the bench's DynamoDB Local, with fake Slack and Discord
 * APIs on loopback for what the handlers call (response URLs, chat.update, Discord webhooks),
 * and the bench's own store on the same table for setting up and reading back.
 */
export async function startDevStack(projectDir: string, dynamoEndpoint: string, purpose: string) {
  const tableName = await freshTable(dynamoEndpoint, purpose);
  const slackApi = await startFakeSlack({});
  const discordApi = await startFakeDiscordApi();
  const signer = createDiscordSigner();
  const server = await startDevServer(projectDir, {
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    TABLE_NAME: tableName,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slackApi.apiUrl,
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DISCORD_APPLICATION_ID: DISCORD_APPLICATION,
    DISCORD_BOT_TOKEN: 'bench-bot-token',
    DISCORD_API_URL: discordApi.url,
  });
  return {
    server,
    slackApi,
    discordApi,
    signer,
    slackSecret: TEST_SIGNING_SECRET,
    store: benchStore(dynamoEndpoint, tableName),
    tableName,
    stop: async () => {
      await server.stop();
      await slackApi.close();
      await discordApi.close();
    },
  };
}

export type DevStack = Awaited<ReturnType<typeof startDevStack>>;
