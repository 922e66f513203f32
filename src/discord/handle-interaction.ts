import {
  type APIChatInputApplicationCommandInteractionData,
  type APIInteractionResponse,
  type APIMessageComponentInteractionData,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { discordAllowed, NOT_SET_UP_SERVER } from '../app/allow-list.js';
import { type RequestBudget, startBudget } from '../app/request-budget.js';
import { type EditChannelMessage, refreshChannelMessage } from '../daily/refresh-channel.js';
import { GENERIC_ERROR_MESSAGE } from '../errors.js';
import { decodeAction } from '../tutor/actions.js';
import type { Asker, Logger } from '../tutor/deps.js';
import { choiceSetAction, type Reply, textReply } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';
import {
  ANSWER_WITHIN_MS,
  answerInTime,
  INTERACTION_BUDGET_MS,
  type InteractionResult,
} from './answer-in-time.js';
import { autocompleteChoices } from './autocomplete.js';
import type { DiscordRest } from './discord-rest.js';
import { askerFrom, type InteractionOrigin, isServerAdmin } from './interaction-asker.js';
import { renderEdit, renderMessage } from './render-message.js';
import { routeCommand } from './route-command.js';

export type { InteractionResult } from './answer-in-time.js';

/** What the interaction handler needs from outside; all of it is injected so tests use real parts. */
export interface InteractionHandlerDeps {
  /** The core, created on first use so a PING never builds it. */
  tutor: () => Tutor;
  rest: DiscordRest;
  log: Logger;
  /** How long the core may take before the answer is deferred (default 2 s of Discord's 3). */
  answerWithinMs?: number;
  /** Edits a channel message with the bot token: the daily live count. Off when not given. */
  editChannelMessage?: EditChannelMessage;
  /** The live count's overall time limit (default `CHANNEL_REFRESH_TIMEOUT_MS`). */
  refreshTimeoutMs?: number;
  /** Server ids this deployment serves; empty serves all (and DMs). */
  allowed?: ReadonlySet<string>;
}

/**
 * A verified, parsed interaction in; the HTTP status and JSON body to answer with out.
 * `budget`: the time the request has in all, started when it arrived.
 */
export type InteractionHandler = (
  interaction: unknown,
  budget?: RequestBudget,
) => Promise<InteractionResult>;

/** The fields every interaction we act on carries, beyond who and where. */
interface Envelope extends InteractionOrigin {
  type: number;
  id: string;
  token: string;
  application_id: string;
  data?: unknown;
  message?: { flags?: number };
}

const UNKNOWN_COMMAND = "I don't know that command. Try `/aws help` to see what I can do.";

/**
 * Discord HTTP interactions: PING → PONG; commands and clicks go to the core as the same text
 * and action values Slack uses; autocomplete asks the core's search. Malformed input gets a 400,
 * never a 5xx, and anything unexpected a polite private message.
 */
export function createInteractionHandler(deps: InteractionHandlerDeps): InteractionHandler {
  const timing = (budget: RequestBudget) => ({
    rest: deps.rest,
    log: deps.log,
    answerWithinMs: deps.answerWithinMs ?? ANSWER_WITHIN_MS,
    budget,
  });

  const command = (i: Envelope, budget: RequestBudget): Promise<InteractionResult> => {
    const data = i.data as APIChatInputApplicationCommandInteractionData | undefined;
    const asker = askerFrom(i);
    if (!asker || !data) return Promise.resolve(badRequest('interaction has no user or data'));
    const route = data.type === ApplicationCommandType.ChatInput ? routeCommand(data) : undefined;
    if (!route) return Promise.resolve(ok(message(textReply(UNKNOWN_COMMAND))));
    const work = deps.tutor().handleCommand(asker, route.text, {
      isAdmin: async () => isServerAdmin(i.member),
    });
    return answerInTime(timing(budget), {
      interaction: i,
      work,
      direct: message,
      deferral: {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        ...(route.deferAs === 'private' ? { data: { flags: MessageFlags.Ephemeral } } : {}),
      },
    });
  };

  const component = (i: Envelope, budget: RequestBudget): Promise<InteractionResult> => {
    const data = i.data as Partial<APIMessageComponentInteractionData> | undefined;
    const asker = askerFrom(i);
    if (!asker || typeof data?.custom_id !== 'string') {
      return Promise.resolve(badRequest('interaction has no user or custom_id'));
    }
    // A button sends its custom_id; a "choose two" select sends its own with the picks added.
    const value =
      data.component_type === ComponentType.Button
        ? data.custom_id
        : data.component_type === ComponentType.StringSelect
          ? choiceSetAction(
              { action: data.custom_id },
              (Array.isArray(data.values) ? data.values : []).map(Number),
            )
          : undefined;
    if (value === undefined) {
      return Promise.resolve(ok(message(textReply(UNKNOWN_COMMAND))));
    }
    const fromEphemeral = ((i.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    return answerInTime(timing(budget), {
      interaction: i,
      work: deps.tutor().handleAction(asker, value),
      direct: (reply) => clickResponse(reply, fromEphemeral),
      deferral: clickDeferral(value, fromEphemeral),
      after: (reply) => liveCount(asker, reply),
    });
  };

  // A daily answer may move the channel message's "N answered" count; only a posted message
  // (one with a recorded id) can be edited, and only with the bot token.
  const liveCount = (asker: Asker, reply: Reply) => {
    const refresh = reply.channelRefresh;
    const edit = deps.editChannelMessage;
    if (!refresh?.messageId || !edit) return undefined;
    const refreshDeps = {
      tutor: deps.tutor(),
      edit,
      log: deps.log,
      ...(deps.refreshTimeoutMs === undefined ? {} : { timeoutMs: deps.refreshTimeoutMs }),
    };
    return () => refreshChannelMessage(refreshDeps, asker, refresh);
  };

  const autocomplete = (i: Envelope): InteractionResult => {
    const data = i.data as APIChatInputApplicationCommandInteractionData | undefined;
    return ok({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: autocompleteChoices(deps.tutor(), data?.options) },
    });
  };

  const allowed = deps.allowed ?? new Set<string>();
  /** A server not on the list (or a DM, when there is a list) is answered and nothing else. */
  const refused = (i: Envelope): InteractionResult | undefined => {
    const guildId = typeof i.guild_id === 'string' ? i.guild_id : undefined;
    if (discordAllowed(allowed, guildId)) return undefined;
    deps.log.info?.('refused a server that is not on the allow-list', {
      platform: 'discord',
      guild: guildId ?? 'direct message',
    });
    return i.type === InteractionType.ApplicationCommandAutocomplete
      ? ok({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: [] },
        })
      : ok(message(textReply(NOT_SET_UP_SERVER)));
  };

  return async (interaction, budget = startBudget(INTERACTION_BUDGET_MS)) => {
    if (!isEnvelope(interaction)) return badRequest('not an interaction');
    try {
      if (interaction.type === InteractionType.Ping)
        return ok({ type: InteractionResponseType.Pong });
      const refusal = refused(interaction);
      if (refusal) return refusal;
      switch (interaction.type) {
        case InteractionType.ApplicationCommand:
          return await command(interaction, budget);
        case InteractionType.MessageComponent:
          return await component(interaction, budget);
        case InteractionType.ApplicationCommandAutocomplete:
          return autocomplete(interaction);
        default:
          return badRequest(`unsupported interaction type ${interaction.type}`);
      }
    } catch (error) {
      deps.log.error('discord interaction failed', {
        interactionType: interaction.type,
        error: error instanceof Error ? { name: error.name, message: error.message } : error,
      });
      return interaction.type === InteractionType.ApplicationCommandAutocomplete
        ? ok({
            type: InteractionResponseType.ApplicationCommandAutocompleteResult,
            data: { choices: [] },
          })
        : ok(message(textReply(GENERIC_ERROR_MESSAGE)));
    }
  };
}

/**
 * A button's answer replaces the button's message only when the core asks for it and the
 * visibility matches: replacing a public message (the daily question) with someone's private
 * feedback would show it to everyone, so that becomes an ephemeral message of its own.
 */
function clickResponse(reply: Reply, fromEphemeral: boolean): APIInteractionResponse {
  const matches = fromEphemeral === (reply.visibility === 'private');
  return reply.replaceOriginal && matches
    ? { type: InteractionResponseType.UpdateMessage, data: renderEdit(reply) }
    : message(reply);
}

/**
 * How to defer a slow click, decided before the core answers: an answer to a private practice
 * question will replace it (type 6), a shared concept card goes to the channel, anything else
 * is private.
 */
function clickDeferral(customId: string, fromEphemeral: boolean): APIInteractionResponse {
  let kind: string | undefined;
  try {
    kind = decodeAction(customId).kind;
  } catch {
    kind = undefined;
  }
  if ((kind === 'practice-answer' || kind === 'exam-answer') && fromEphemeral) {
    return { type: InteractionResponseType.DeferredMessageUpdate };
  }
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(kind === 'share-concept' ? {} : { data: { flags: MessageFlags.Ephemeral } }),
  };
}

function message(reply: Reply): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: renderMessage(reply) };
}

function ok(body: APIInteractionResponse): InteractionResult {
  return { status: 200, body };
}

function badRequest(error: string): InteractionResult {
  return { status: 400, body: { error } };
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!Number.isInteger(v.type)) return false;
  // A PING carries ids too, but nothing else is needed to answer it.
  if (v.type === InteractionType.Ping) return true;
  return (
    typeof v.id === 'string' && typeof v.token === 'string' && typeof v.application_id === 'string'
  );
}
