import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { startBudget } from '../app/request-budget.js';
import { getTutor } from '../app/tutor-runtime.js';
import { readAllowLists, readSlackConfig, readStoreConfig } from '../config.js';
import { loadContent } from '../content/default-content.js';
import { ConfigError } from '../errors.js';
import { createLogger } from '../log.js';
import { createSecretLoader } from '../secrets/load-secrets.js';
import { createSlackHandler, type SlackLambdaHandler } from '../slack/slack-app.js';

const log = createLogger('slack');
const secrets = createSecretLoader(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']);
// Start reading SSM during Lambda's init phase, so the call overlaps the rest of the cold start.
// A failure here is retried, and reported, by the first request.
secrets.load().catch(() => undefined);
// The content (its own chunk) compiles meanwhile, while the SSM request is in flight.
loadContent().catch(() => undefined);

let slack: { env: object; handle: SlackLambdaHandler } | undefined;

/**
 * Slack makes a regenerated signing secret live at once. When a request does not verify, SSM is
 * re-read (at most once a minute), so a rotation costs a minute of refusals, not fifteen.
 */
const ROTATION_CHECK_MS = 60_000;

/**
 * Everything one request does (store calls, then the answer to Slack) ends within this, so the
 * answer, at worst "try again", reaches Slack inside its 3 s with room for API Gateway.
 */
export const SLACK_BUDGET_MS = 2500;

/**
 * Settings read and the Bolt app built on the first request, rebuilt only for a rotated secret;
 * the store's settings are checked here too, so a missing TABLE_NAME fails at once, by name.
 */
async function getSlack(freshWithinMs?: number): Promise<SlackLambdaHandler> {
  const env = await secrets.load(freshWithinMs);
  if (slack?.env === env) return slack.handle;
  const config = readSlackConfig(env);
  readStoreConfig();
  const allowed = readAllowLists().slack;
  slack = { env, handle: createSlackHandler({ config, tutor: await getTutor(log), log, allowed }) };
  return slack.handle;
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
  // Request id, function name and cold start on every line of this invocation (Powertools).
  if (context) log.addContext(context);
  const budget = startBudget(SLACK_BUDGET_MS);
  let current: SlackLambdaHandler;
  try {
    current = await getSlack();
  } catch (error) {
    log.error('slack handler is not configured', {
      ...(error instanceof ConfigError
        ? { setting: error.setting, lookedIn: secrets.describe(error.setting) }
        : {}),
      error: error instanceof Error ? error.message : String(error),
    });
    return { statusCode: 500, body: 'not configured' };
  }
  const result = await current(event, context, budget);
  if (result.statusCode !== 401) return result;
  const fresh = await getSlack(ROTATION_CHECK_MS).catch(() => current);
  return fresh === current ? result : fresh(event, context, budget);
}
