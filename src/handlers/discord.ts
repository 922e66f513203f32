import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { eventHeader } from '../app/event-header.js';
import { startBudget } from '../app/request-budget.js';
import { getTutor } from '../app/tutor-runtime.js';
import { readAllowLists, readDiscordConfig, readDiscordPosting } from '../config.js';
import { INTERACTION_BUDGET_MS } from '../discord/answer-in-time.js';
import { createDiscordRest } from '../discord/discord-rest.js';
import { createDiscordMessageEditor } from '../discord/edit-channel-message.js';
import {
  createInteractionHandler,
  type InteractionHandler,
} from '../discord/handle-interaction.js';
import { verifyKey } from '../discord/verify-key.js';
import { createJsonLogger, setLogRequestId } from '../log.js';
import { createSecretLoader } from '../secrets/load-secrets.js';

const log = createJsonLogger({ handler: 'discord' });
// Answering interactions needs the public key and the application id (for follow-ups); the
// bot token is only for the daily posts.
const secrets = createSecretLoader(['DISCORD_PUBLIC_KEY', 'DISCORD_APPLICATION_ID']);
// Start reading SSM during Lambda's init phase; the first request retries and reports a failure.
secrets.load().catch(() => undefined);
// Here the bot token is used only to edit the daily question's live count. It is loaded on its
// own, when an edit is due: if it is missing, or this function may not read it, the count stays
// as posted and answering is unaffected.
const botSecrets = createSecretLoader(['DISCORD_BOT_TOKEN']);

let runtime: { env: object; publicKey: string; handle: InteractionHandler } | undefined;

/**
 * Settings are read on the first request, and again only when a rotated secret comes in; the
 * tutor and store only when first needed.
 */
async function getRuntime() {
  const env = await secrets.load();
  if (runtime?.env === env) return runtime;
  const config = readDiscordConfig(env);
  runtime = {
    env,
    publicKey: config.publicKey,
    handle: createInteractionHandler({
      allowed: readAllowLists().discord,
      tutor: () => getTutor(log),
      rest: createDiscordRest({ apiUrl: config.apiUrl }),
      log,
      editChannelMessage: createDiscordMessageEditor({
        apiUrl: config.apiUrl,
        botToken: async () => readDiscordPosting(await botSecrets.load())?.botToken,
      }),
    }),
  };
  return runtime;
}

/**
 * `POST /discord/interactions` (API Gateway HTTP API, payload v2). The signature is checked on
 * the raw bytes before anything is parsed; whatever does not verify gets 401, as Discord
 * requires (it sends bad signatures on purpose to check).
 */
export async function handler(
  event: APIGatewayProxyEventV2,
  context?: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  setLogRequestId(context?.awsRequestId ?? event.requestContext?.requestId);
  const budget = startBudget(INTERACTION_BUDGET_MS);
  let current: NonNullable<typeof runtime>;
  try {
    current = await getRuntime();
  } catch (error) {
    // A missing setting: say which in the log, never to the caller.
    log.error('discord handler is not configured', { error: String(error) });
    return json(500, { error: 'not configured' });
  }
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  const signature = eventHeader(event, 'x-signature-ed25519');
  const timestamp = eventHeader(event, 'x-signature-timestamp');
  if (!signature || !timestamp || !verifyKey(raw, signature, timestamp, current.publicKey)) {
    return json(401, { error: 'invalid request signature' });
  }
  let interaction: unknown;
  try {
    interaction = JSON.parse(raw.toString('utf8'));
  } catch {
    return json(400, { error: 'body is not JSON' });
  }
  const result = await current.handle(interaction, budget);
  return result.body === undefined
    ? { statusCode: result.status }
    : json(result.status, result.body);
}

function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}
