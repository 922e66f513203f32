import { startDevServer } from '../test/helpers/dev-server.js';
import { TEST_SIGNING_SECRET } from '../test/helpers/slack-request.js';
import { startFakePlatforms } from './fake-platforms.js';
import { benchStore, freshTable } from './local-dynamo.js';

/**
 * `npm run dev` on a fresh table of the bench's DynamoDB Local, with fake Slack and Discord
 * APIs on loopback for what the handlers call (response URLs, chat.update, Discord webhooks),
 * and the bench's own store on the same table for setting up and reading back.
 */
export async function startDevStack(projectDir: string, dynamoEndpoint: string, purpose: string) {
  const tableName = await freshTable(dynamoEndpoint, purpose);
  const { slackApi, discordApi, signer, settings } = await startFakePlatforms();
  const server = await startDevServer(
    { ...settings, DYNAMODB_ENDPOINT: dynamoEndpoint, TABLE_NAME: tableName },
    { projectDir, readyTimeoutMs: 180_000 },
  );
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
