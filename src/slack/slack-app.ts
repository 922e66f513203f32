import type { BlockAction, ButtonAction, CheckboxesAction } from '@slack/bolt';
import { NOT_SET_UP, type SlackOrigin, slackAllowed } from '../app/allow-list.js';
import type { SlackConfig } from '../config.js';
import { refreshChannelMessage } from '../daily/refresh-channel.js';
import { describeError, GENERIC_ERROR_MESSAGE } from '../errors.js';
import { type Reply, textReply } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';
import { budgetOf, createBoltApp, type JsonLog, type SlackLambdaHandler } from './bolt-receiver.js';
import { clickedAction } from './choice-set.js';
import { isWorkspaceAdmin } from './is-workspace-admin.js';
import { askerFromAction, askerFromCommand } from './slack-asker.js';
import { respondWithin } from './slack-client.js';
import { ACTION_ID_PREFIX } from './slack-limits.js';
import { actionResponse, commandResponse } from './slack-response.js';
import { createSlackMessageUpdater } from './update-message.js';

export interface SlackAppDeps {
  config: SlackConfig;
  tutor: Tutor;
  log: JsonLog;
  /** Team and Enterprise Grid ids this deployment serves; empty serves every workspace. */
  allowed?: ReadonlySet<string>;
}

export type { SlackLambdaHandler };

const NO_ASKER = "I couldn't tell who asked or where, so I did nothing. Please try `/aws` again.";
const ACTION_ID = new RegExp(`^${ACTION_ID_PREFIX}`);
/** Store calls stop this long before the budget ends, to leave time to answer Slack. */
export const ANSWER_RESERVE_MS = 700;
/** The live-count edit after a daily answer gets at most this long, within the budget. */
const REFRESH_TIMEOUT_MS = 1000;

/**
 * The Bolt listeners, once per process: `/aws` is answered in the acknowledgement, a click through
 * its `response_url` (a daily answer also edits the channel's live count).
 */
export function createSlackHandler(deps: SlackAppDeps): SlackLambdaHandler {
  const { config, log } = deps;
  const { app, handle } = createBoltApp({ config, log });

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
    const budget = budgetOf(context);
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
      const budget = budgetOf(context);
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

  return handle;
}
