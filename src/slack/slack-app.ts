import { App, AwsLambdaReceiver, type BlockAction, type ButtonAction } from '@slack/bolt';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { SlackConfig } from '../config.js';
import { describeError, GENERIC_ERROR_MESSAGE } from '../errors.js';
import { refreshChannelMessage } from '../tutor/refresh-channel.js';
import { type Reply, textReply } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';
import { createBoltLogger, type JsonLog } from './bolt-logger.js';
import { isWorkspaceAdmin } from './is-workspace-admin.js';
import {
  hasParsablePayload,
  isSslCheck,
  readLambdaRequest,
  type SlackHttpRequest,
  toBoltEvent,
} from './lambda-request.js';
import { askerFromAction, askerFromCommand } from './slack-asker.js';
import { ACTION_ID_PREFIX } from './slack-limits.js';
import { actionResponse, commandResponse } from './slack-response.js';
import { createSlackMessageUpdater } from './update-message.js';
import { isSignedBySlack } from './verify-request.js';

export interface SlackAppDeps {
  config: SlackConfig;
  tutor: Tutor;
  log: JsonLog;
}

/** An API Gateway HTTP API (payload v2) request in, the HTTP answer out. Never throws. */
export type SlackLambdaHandler = (
  event: APIGatewayProxyEventV2,
  context?: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

const NO_ASKER = "I couldn't tell who asked or where, so I did nothing. Please try `/aws` again.";
const ACTION_ID = new RegExp(`^${ACTION_ID_PREFIX}`);
/** Each call to Slack (users.info, response_url) gets this long, inside Slack's 3 s. */
const SLACK_CALL_TIMEOUT_MS = 1500;

/**
 * The Slack side of the tutor: a Bolt app on `AwsLambdaReceiver`, created once per process.
 * `/aws` (whatever an admin named it: only our own app's commands reach this URL) is answered
 * in the acknowledgement itself; a click on one of our buttons is acknowledged and answered
 * through its `response_url` (and a daily answer also updates the channel message's live count
 * with `chat.update`). Bolt runs each listener to the end before the Lambda answers
 * (`processBeforeResponse`), because a frozen Lambda cannot finish work after it has answered.
 */
export function createSlackHandler(deps: SlackAppDeps): SlackLambdaHandler {
  const { config, log } = deps;
  const logger = createBoltLogger(log);
  const receiver = new AwsLambdaReceiver({ signingSecret: config.signingSecret, logger });
  const app = new App({
    receiver,
    logger,
    processBeforeResponse: true,
    // A fixed token without Bolt's start-up `auth.test` call, which would cost every cold start
    // a round trip to Slack. We need no bot id: we listen to no message events.
    authorize: async () => ({ botToken: config.botToken }),
    ignoreSelf: false,
    convoStore: false,
    clientOptions: {
      slackApiUrl: config.apiUrl,
      // Slack waits 3 s for the answer: one quick try, never the default half-hour of retries.
      retryConfig: { retries: 0 },
      timeout: SLACK_CALL_TIMEOUT_MS,
      // Also used by `respond`, which sets no timeout of its own: a response_url that hangs
      // would otherwise hold the Lambda until it is killed.
      fetch: (url, init) =>
        fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(SLACK_CALL_TIMEOUT_MS) }),
    },
  });

  app.command(/.*/, async ({ command, ack, client }) => {
    const asker = askerFromCommand(command);
    let reply: Reply;
    try {
      reply = asker
        ? await deps.tutor.handleCommand(asker, String(command.text ?? ''), {
            isAdmin: () => isWorkspaceAdmin(client, asker.userId, config.adminUserIds),
          })
        : textReply(NO_ASKER);
    } catch (error) {
      // The core never throws; this is a last guard so the user still gets an answer.
      log.error('slack command failed', { error: describeError(error) });
      reply = textReply(GENERIC_ERROR_MESSAGE);
    }
    await ack(commandResponse(reply));
  });

  const refreshDeps = {
    tutor: deps.tutor,
    edit: createSlackMessageUpdater({ apiUrl: config.apiUrl, botToken: config.botToken }),
    log,
  };

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTION_ID },
    async ({ ack, body, action, respond }) => {
      await ack();
      const asker = askerFromAction(body);
      const reply = asker
        ? await deps.tutor.handleAction(asker, String(action.value ?? ''))
        : textReply(NO_ASKER);
      const answer = async () => {
        try {
          await respond(actionResponse(reply, body.container?.is_ephemeral === true));
        } catch (error) {
          // The click is already saved (or refused); only showing the answer failed.
          log.error('slack respond failed', { error: describeError(error) });
        }
      };
      // A daily answer may also move the channel message's live count (chat.update), if the
      // post's ts was recorded. Beside the answer rather than after it, because Slack only gets
      // its acknowledgement when this listener ends; bounded (1 s, inside respond's 1.5 s) and
      // never throwing, so it adds no time to the acknowledgement and cannot touch the answer.
      const refresh = reply.channelRefresh?.messageId ? reply.channelRefresh : undefined;
      await Promise.all([
        answer(),
        asker && refresh ? refreshChannelMessage(refreshDeps, asker, refresh) : undefined,
      ]);
    },
  );

  // A listener error would otherwise reach the receiver and become a 500 for Slack.
  app.error(async (error) => {
    log.error('slack listener failed', { error: describeError(error) });
  });

  const boltHandler = receiver.toHandler();
  return async (event, context) => {
    const request = readLambdaRequest(event);
    if (!verified(request, config.signingSecret)) {
      return isSslCheck(request) ? { statusCode: 200, body: '' } : text(401, 'invalid signature');
    }
    if (!hasParsablePayload(request)) return text(400, 'malformed payload');
    try {
      const result = await boltHandler(toBoltEvent(event, request), context);
      if (result.statusCode < 500) return result as APIGatewayProxyStructuredResultV2;
      log.error('bolt could not process a signed request', { status: result.statusCode });
    } catch (error) {
      log.error('bolt could not process a signed request', { error: describeError(error) });
    }
    // Signed but not a shape Bolt understands: a polite answer (a slash command shows it),
    // never a 5xx, which Slack reports to the user as a failure of the app.
    return text(200, GENERIC_ERROR_MESSAGE);
  };
}

/**
 * Checked here, on the raw body, before anything is parsed: Bolt's receiver parses first and
 * throws (a 500) on a body it cannot parse, signed or not. Bolt checks the signature again.
 */
function verified(request: SlackHttpRequest, signingSecret: string): boolean {
  return isSignedBySlack(
    {
      rawBody: request.rawBody,
      signature: request.header('x-slack-signature'),
      timestamp: request.header('x-slack-request-timestamp'),
    },
    signingSecret,
  );
}

function text(statusCode: number, body: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}
