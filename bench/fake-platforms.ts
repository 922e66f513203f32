import { createDiscordSigner } from '../test/helpers/discord-request.js';
import { startFakeDiscordApi } from '../test/helpers/fake-discord-api.js';
import { startFakeSlack } from '../test/helpers/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../test/helpers/slack-request.js';
import { DISCORD_APPLICATION } from './platform-requests.js';

/**
 * Local fakes of Slack's Web API (and response URLs) and Discord's REST API, a Discord key pair,
 * and the platform settings that point the handlers at them: what both the in-process handlers
 * and `npm run dev` are started with.
 */
export async function startFakePlatforms() {
  const slackApi = await startFakeSlack({});
  const discordApi = await startFakeDiscordApi();
  const signer = createDiscordSigner();
  const settings: Record<string, string> = {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slackApi.apiUrl,
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DISCORD_APPLICATION_ID: DISCORD_APPLICATION,
    DISCORD_BOT_TOKEN: 'bench-bot-token',
    DISCORD_API_URL: discordApi.url,
  };
  return { slackApi, discordApi, signer, settings };
}
