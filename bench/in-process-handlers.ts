import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { TEST_SIGNING_SECRET } from '../test/helpers/slack-request.js';
import { startFakePlatforms } from './fake-platforms.js';
import {
  apiGatewayEvent,
  type BenchUser,
  discordHeaders,
  slackClickBody,
  slackCommandBody,
  slackHeaders,
} from './platform-requests.js';

export interface Answer {
  status: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: inspected as the JSON Slack or Discord receives
  json: any;
}

/**
 * The real Slack and Discord Lambda handlers in this process, fed signed API Gateway events,
 * with a fresh table in DynamoDB Local and local fakes of Slack's Web API (and response URLs)
 * and Discord's REST API. The handlers read their settings once per process, so this runs
 * once per process, before anything else imports them.
 */
export async function startInProcessHandlers(dynamo: { endpoint: string; tableName: string }) {
  const { slackApi, discordApi, signer, settings } = await startFakePlatforms();
  delete process.env.SECRETS_SSM_PATH;
  Object.assign(process.env, {
    ...settings,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: dynamo.tableName,
    AWS_REGION: 'us-east-1',
  });
  const slack = await import('../src/handlers/slack.js');
  const discord = await import('../src/handlers/discord.js');
  let responses = 0;

  const answer = (result: APIGatewayProxyStructuredResultV2): Answer => {
    const body = typeof result.body === 'string' ? result.body : '';
    const isJson = String(result.headers?.['Content-Type'] ?? '').includes('json');
    return { status: result.statusCode ?? 0, body, json: isJson ? JSON.parse(body) : undefined };
  };

  return {
    slackApi,
    discordApi,
    /** `/aws <text>` from `user` on Slack; the reply is in the acknowledgement. */
    slackCommand: async (text: string, user: BenchUser) => {
      const body = slackCommandBody(text, user, slackApi.responseUrl('unused'));
      const event = apiGatewayEvent('/slack/events', slackHeaders(body, TEST_SIGNING_SECRET), body);
      return answer(await slack.handler(event));
    },
    /**
     * A click on a Slack button. The answer goes to a response URL of its own, returned as
     * `responseId` for `slackApi.posted`.
     */
    slackClick: async (
      button: { action_id: string; value: string },
      user: BenchUser,
      options: { channel?: string; ephemeral?: boolean; messageTs?: string } = {},
    ) => {
      const responseId = `r${++responses}`;
      const body = slackClickBody(button, user, slackApi.responseUrl(responseId), options);
      const event = apiGatewayEvent('/slack/events', slackHeaders(body, TEST_SIGNING_SECRET), body);
      return { ...answer(await slack.handler(event)), responseId };
    },
    /** Any Discord interaction, signed with this run's key. */
    discordSend: async (interaction: unknown) => {
      const body = JSON.stringify(interaction);
      const event = apiGatewayEvent('/discord/interactions', discordHeaders(body, signer), body);
      return answer(await discord.handler(event));
    },
    stop: async () => {
      await slackApi.close();
      await discordApi.close();
    },
  };
}

export type InProcessHandlers = Awaited<ReturnType<typeof startInProcessHandlers>>;
