import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { getTutor } from '../app/tutor-runtime.js';
import { readSlackConfig, readStoreConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { createJsonLogger } from '../log.js';
import { createSlackHandler, type SlackLambdaHandler } from '../slack/slack-app.js';

const log = createJsonLogger({ handler: 'slack' });

let slack: SlackLambdaHandler | undefined;

/**
 * Settings are read and the Bolt app built once, on the first request (the cold start). The
 * store's settings are checked here too, so a missing TABLE_NAME fails now, by name, rather
 * than as a polite error on every quiz; the DynamoDB client itself still loads only when used.
 */
function getSlack(): SlackLambdaHandler {
  if (slack) return slack;
  const config = readSlackConfig();
  readStoreConfig();
  slack = createSlackHandler({ config, tutor: getTutor(log), log });
  return slack;
}

/**
 * `POST /slack/events` (API Gateway HTTP API, payload v2): slash commands, button clicks and
 * the Events API's URL check. Anything not signed by Slack gets 401. The only 500 is a missing
 * or broken setting, named in the log and never to the caller.
 */
export async function handler(
  event: APIGatewayProxyEventV2,
  context?: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  let current: SlackLambdaHandler;
  try {
    current = getSlack();
  } catch (error) {
    log.error('slack handler is not configured', {
      ...(error instanceof ConfigError ? { setting: error.setting } : {}),
      error: error instanceof Error ? error.message : String(error),
    });
    return { statusCode: 500, body: 'not configured' };
  }
  return current(event, context);
}
