import {
  App,
  AwsLambdaReceiver,
  type BlockAction,
  type ButtonAction,
  type CheckboxesAction,
} from '@slack/bolt';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { NOT_SET_UP, type SlackOrigin, slackAllowed } from '../app/allow-list.js';
import { type RequestBudget, startBudget } from '../app/request-budget.js';
import type { SlackConfig } from '../config.js';
import { refreshChannelMessage } from '../daily/refresh-channel.js';
import { describeError, GENERIC_ERROR_MESSAGE } from '../errors.js';
import { type Reply, textReply } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';
import { createBoltLogger, type JsonLog } from './bolt-logger.js';
import { clickedAction } from './choice-set.js';
import { isWorkspaceAdmin } from './is-workspace-admin.js';
import {
  hasParsablePayload,
  isSslCheck,
  readLambdaRequest,
  type SlackHttpRequest,
  toBoltEvent,
} from './lambda-request.js';
import { askerFromAction, askerFromCommand } from './slack-asker.js';
import { respondWithin } from './slack-client.js';
import { ACTION_ID_PREFIX } from './slack-limits.js';
import { actionResponse, commandResponse } from './slack-response.js';
import { createSlackMessageUpdater } from './update-message.js';
import { isSignedBySlack } from './verify-request.js';

export interface SlackAppDeps {
  config: SlackConfig;
  tutor: Tutor;
  log: JsonLog;
  /** Team and Enterprise Grid ids this deployment serves; empty serves every workspace. */
  allowed?: ReadonlySet<string>;
}

/**
 * An API Gateway HTTP API (payload v2) request in, the HTTP answer out. Never throws. `budget`:
 * the time the request has in all, started when it arrived.
 */
export type SlackLambdaHandler = (
  event: APIGatewayProxyEventV2,
  context?: Context,
  budget?: RequestBudget,
) => Promise<APIGatewayProxyStructuredResultV2>;

const NO_ASKER = "I couldn't tell who asked or where, so I did nothing. Please try `/aws` again.";
const ACTION_ID = new RegExp(`^${ACTION_ID_PREFIX}`);
/** Each call to Slack's Web API (users.info) gets this long, inside Slack's 3 s. */
const SLACK_CALL_TIMEOUT_MS = 1500;
/** Store calls stop this long before the budget ends, to leave time to answer Slack. */
export const ANSWER_RESERVE_MS = 700;
/** The live-count edit after a daily answer gets at most this long, within the budget. */
const REFRESH_TIMEOUT_MS = 1000;
/** Without a budget from the handler (tests of the app alone): Slack's 3 s, less a margin. */
const DEFAULT_BUDGET_MS = 2500;
/** The Bolt event carries the request's budget to the listeners (`context.budget`). */
type BudgetedEvent = APIGatewayProxyEventV2 & { budget?: RequestBudget };

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
  const receiver = new AwsLambdaReceiver({
    signingSecret: config.signingSecret,
    logger,
    customPropertiesExtractor: (event) => ({
      budget: (event as BudgetedEvent).budget ?? startBudget(DEFAULT_BUDGET_MS),
    }),
  });
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
    },
  });

  const allowed = deps.allowed ?? new Set<string>();
  /** Refused requests are answered privately, logged with their ids, and touch nothing else. */
  const refuse = (origin: SlackOrigin): boolean => {
    if (slackAllowed(allowed, origin)) return false;
    log.info('refused a workspace that is not on the allow-list', { platform: 'slack', ...origin });
    return true;
  };

  app.command(/.*/, async ({ command, ack, client, context }) => {
    if (refuse({ teamId: command.team_id, enterpriseId: command.enterprise_id })) {
      await ack(commandResponse(textReply(NOT_SET_UP)));
      return;
    }
    const asker = askerFromCommand(command);
    const budget = context.budget as RequestBudget;
    let reply: Reply;
    try {
      reply = asker
        ? await deps.tutor.handleCommand(asker, String(command.text ?? ''), {
            isAdmin: () => isWorkspaceAdmin(client, asker.userId, config.adminUserIds),
            deadline: budget.until(ANSWER_RESERVE_MS),
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

  app.action<BlockAction<ButtonAction | CheckboxesAction>>(
    { type: 'block_actions', action_id: ACTION_ID },
    async ({ ack, body, action, context }) => {
      await ack();
      // Ticking a box of a "choose two" question only acknowledges; Submit sends the ticks.
      const value = clickedAction(action, body.state as Parameters<typeof clickedAction>[1]);
      if (value === undefined) return;
      const budget = context.budget as RequestBudget;
      const origin = {
        ...(body.team?.id ? { teamId: body.team.id } : {}),
        ...(body.enterprise?.id ? { enterpriseId: body.enterprise.id } : {}),
        ...(body.user?.team_id ? { userTeamId: body.user.team_id } : {}),
      };
      if (refuse(origin)) {
        await respondWithin(
          body.response_url,
          actionResponse(textReply(NOT_SET_UP), body.container?.is_ephemeral === true),
          budget.until(),
        ).catch((error: unknown) =>
          log.error('slack respond failed', { error: describeError(error) }),
        );
        return;
      }
      const asker = askerFromAction(body);
      const reply = asker
        ? await deps.tutor.handleAction(asker, value, {
            deadline: budget.until(ANSWER_RESERVE_MS),
          })
        : textReply(NO_ASKER);
      const answer = async () => {
        try {
          const response = actionResponse(reply, body.container?.is_ephemeral === true);
          // The answer gets what is left of the request's budget, not a timeout of its own.
          await respondWithin(body.response_url, response, budget.until());
        } catch (error) {
          // The click is already saved (or refused); only showing the answer failed.
          log.error('slack respond failed', { error: describeError(error) });
        }
      };
      // A daily answer may also move the channel message's live count (chat.update). Beside
      // the answer, not after it: Slack gets its acknowledgement only when this listener ends.
      const refresh = reply.channelRefresh?.messageId ? reply.channelRefresh : undefined;
      await Promise.all([
        answer(),
        asker && refresh
          ? refreshChannelMessage(
              { ...refreshDeps, timeoutMs: Math.min(REFRESH_TIMEOUT_MS, budget.remainingMs()) },
              asker,
              refresh,
            )
          : undefined,
      ]);
    },
  );

  // A listener error would otherwise reach the receiver and become a 500 for Slack.
  app.error(async (error) => {
    log.error('slack listener failed', { error: describeError(error) });
  });

  const boltHandler = receiver.toHandler();
  return async (event, context, budget) => {
    const request = readLambdaRequest(event);
    if (!verified(request, config.signingSecret)) {
      return isSslCheck(request) ? { statusCode: 200, body: '' } : text(401, 'invalid signature');
    }
    if (!hasParsablePayload(request)) return text(400, 'malformed payload');
    try {
      const boltEvent: BudgetedEvent = { ...toBoltEvent(event, request), budget };
      const result = await boltHandler(boltEvent, context);
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
