import {
  type APIInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import { findSubcommand } from '../../src/discord/command-definition.js';
import {
  customIdsOf,
  DISCORD_FIXTURE,
  type DiscordHandlerHarness,
  type Interaction,
  startDiscordHandler,
  textOf,
} from './discord-handler.js';
import { interactionOf, loadEvent } from './discord-request.js';
import { expectWithinDiscordLimits } from './expect-discord-limits.js';
import type { LambdaAnswer } from './lambda-harness.js';
import { expectWithinSlackLimits, textsOf } from './slack-blocks.js';
import { buttonsOf, type SlackHandlerHarness, startSlackHandler } from './slack-handler.js';
import { commandEvent } from './slack-request.js';

// biome-ignore lint/suspicious/noExplicitAny: messages are read as the JSON the platforms receive
type Json = any;

/** What a person sees of an answer, on either platform. */
export interface Seen {
  /** The HTTP status of the request that was answered (a click on Slack: its acknowledgement). */
  status: number;
  /** The HTTP body, to check it gives nothing away. */
  body: string;
  /** The message's heading: Slack's first block, Discord's first embed title. */
  title: string;
  /** Every text the person sees, one per line. */
  text: string;
  /** Only the person who asked sees it. */
  private: boolean;
  /** What each button sends back when clicked (Slack values, Discord custom ids), in order. */
  buttons: string[];
  /** The message as the platform got it, for checks of the platform's own format. */
  message: Json;
}

/** A click as sent, and what it showed; `again()` sends the identical signed request again. */
export interface Clicked extends Seen {
  again(): Promise<Seen>;
}

export interface SendAs {
  /** A user id from `user(name)`; the platform fixture's member by default. */
  user?: string;
  /** The name the platform shows for the user (Slack user name, Discord nickname). */
  name?: string;
  /** A channel id from `channel(name)`: the click is on a message posted there for all. */
  channel?: string;
  /** Another workspace (Slack team, Discord server) than the fixtures'. */
  workspace?: string;
}

/**
 * One platform's real Lambda handler behind the same few verbs, so a behaviour both platforms
 * share is written once and run on each: send `/aws <text>`, click a button, read the reply.
 */
export interface ChatDriver {
  platform: 'slack' | 'discord';
  /** The workspace (Slack team, Discord server) of the fixtures. */
  tenant: { platform: 'slack' | 'discord'; workspaceId: string };
  /** A workspace this deployment was not set up for. */
  strangerWorkspace: string;
  /** A user id of the platform's shape; the same name gives the same id. */
  user(name: string): string;
  /** A channel id of the platform's shape; the same name gives the same id. */
  channel(name: string): string;
  command(text: string, as?: SendAs): Promise<Seen>;
  click(value: string, as?: SendAs): Promise<Clicked>;
  learner(userId: string): ReturnType<SlackHandlerHarness['store']['getLearner']>;
  /** The handler's table, read and written directly. */
  store: SlackHandlerHarness['store'];
  tableName: string;
  harness: SlackHandlerHarness | DiscordHandlerHarness;
  stop(): Promise<void>;
}

export interface DriverOptions {
  dynamoEndpoint?: string;
  /** Workspace ids on the allow-list (none: every workspace is served). */
  allowed?: string[];
}

/** The two platforms, for `describe.each(PLATFORMS)('… %s …', (platform, start) => …)`. */
export const PLATFORMS = [
  ['slack', startSlackDriver],
  ['discord', startDiscordDriver],
] as const;

/** Stable ids per name, with the platform's own shape. */
function idsOf(make: (name: string, n: number) => string): (name: string) => string {
  const ids = new Map<string, string>();
  return (name) => {
    const known = ids.get(name);
    if (known) return known;
    const id = make(name, ids.size + 1);
    ids.set(name, id);
    return id;
  };
}

export async function startSlackDriver(options: DriverOptions = {}): Promise<ChatDriver> {
  const h = await startSlackHandler({
    ...(options.dynamoEndpoint ? { dynamoEndpoint: options.dynamoEndpoint } : {}),
    ...(options.allowed ? { env: { ALLOWED_SLACK_TEAM_IDS: options.allowed.join(',') } } : {}),
  });
  const names = new Map<string, string>();
  const user = idsOf((name, n) => {
    const id = `U0${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}${n}`;
    names.set(id, name);
    return id;
  });
  const channel = idsOf((name, n) => `C0${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}${n}`);
  const seen = (message: Json, answer: LambdaAnswer): Seen => ({
    status: answer.status,
    body: answer.body,
    title: message?.blocks?.[0]?.text?.text ?? '',
    text: message?.blocks ? textsOf(message).join('\n') : '',
    private: message?.response_type === 'ephemeral',
    buttons: message?.blocks ? buttonsOf(message).map((b) => String(b.value ?? '')) : [],
    message,
  });
  let responses = 0;
  return {
    platform: 'slack',
    tenant: { platform: 'slack', workspaceId: 'T0AWSTUTOR' },
    strangerWorkspace: 'T0STRANGER',
    user,
    channel,
    async command(text, as = {}) {
      const name = as.name ?? (as.user ? names.get(as.user) : undefined);
      const answer = await h.invoke(
        commandEvent({
          text,
          ...(as.user ? { user_id: as.user } : {}),
          ...(name ? { user_name: name } : {}),
          ...(as.channel ? { channel_id: as.channel } : {}),
          ...(as.workspace ? { team_id: as.workspace } : {}),
        }),
      );
      expect(answer.status).toBe(200);
      if (answer.json?.blocks) expectWithinSlackLimits(answer.json);
      return seen(answer.json, answer);
    },
    async click(value, as = {}) {
      // A click is acknowledged with an empty 200; the answer goes to its response_url.
      const id = `click-${responses++}`;
      const name = as.name ?? (as.user ? names.get(as.user) : undefined);
      const event = h.click({ action_id: 'aws:answer:0', value }, id, {
        ...(as.user ? { user: as.user } : {}),
        ...(name ? { name } : {}),
        ...(as.channel ? { channel: as.channel, ephemeral: false } : {}),
      });
      const send = async (): Promise<Seen> => {
        const before = h.fake.posted(id).length;
        const answer = await h.invoke(event);
        expect(answer.status).toBe(200);
        expect(answer.body).toBe('');
        const posted = h.fake.posted(id);
        expect(posted).toHaveLength(before + 1);
        return seen(posted.at(-1), answer);
      };
      return { ...(await send()), again: send };
    },
    learner: (userId) =>
      h.store.getLearner({ platform: 'slack', workspaceId: 'T0AWSTUTOR', userId }),
    store: h.store,
    tableName: h.tableName,
    harness: h,
    stop: () => h.stop(),
  };
}

export async function startDiscordDriver(options: DriverOptions = {}): Promise<ChatDriver> {
  const h = await startDiscordHandler({
    ...(options.dynamoEndpoint ? { dynamoEndpoint: options.dynamoEndpoint } : {}),
    ...(options.allowed ? { env: { ALLOWED_DISCORD_GUILD_IDS: options.allowed.join(',') } } : {}),
  });
  const user = idsOf((_, n) => String(1180000000000001000n + BigInt(n)));
  const channel = idsOf((_, n) => String(1180000000000002000n + BigInt(n)));
  /**
   * What the person sees: in the HTTP answer, or, when it was deferred (202), in the callback
   * and the edit that finished it. Every message must be unable to ping anyone.
   */
  const seen = (answer: LambdaAnswer, since: number, clickedPrivate: boolean): Seen => {
    // Answered at once, or deferred (202) and finished through the REST API.
    expect([200, 202]).toContain(answer.status);
    let type = answer.json?.type as number | undefined;
    let message: APIInteractionResponseCallbackData | undefined = answer.json?.data;
    let flags = message?.flags;
    if (answer.status === 202) {
      const sent = h.fake.requests.slice(since);
      const callback = sent.find((r) => r.path.endsWith('/callback'))?.body as
        | { type: number; data?: APIInteractionResponseCallbackData }
        | undefined;
      const edit = sent.find((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
      type = callback?.type;
      flags = callback?.data?.flags;
      // A message in the callback itself (a daily answer), or the edit that finished it.
      const inCallback = callback?.data?.content !== undefined || callback?.data?.embeds;
      message = inCallback ? callback?.data : (edit?.body as typeof message);
    }
    if (message && (message.content !== undefined || message.embeds !== undefined)) {
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expectWithinDiscordLimits(message);
    }
    const updates =
      type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate;
    return {
      status: answer.status,
      body: answer.body,
      title: message?.embeds?.[0]?.title ?? '',
      text: message ? textOf(message) : '',
      // An update keeps the visibility of the message clicked; anything else has its flags.
      private: updates ? clickedPrivate : flags === MessageFlags.Ephemeral,
      buttons: message ? customIdsOf(message) : [],
      message,
    };
  };
  const sendAs = (as: SendAs) => (i: Interaction) => {
    if (as.user) i.member.user.id = as.user;
    if (as.name) i.member.nick = as.name;
    if (as.workspace) i.guild_id = as.workspace;
  };
  return {
    platform: 'discord',
    tenant: { platform: 'discord', workspaceId: DISCORD_FIXTURE.guildId },
    strangerWorkspace: '1999999999999999999',
    user,
    channel,
    async command(text, as = {}) {
      const since = h.fake.requests.length;
      const subcommand = discordSubcommand(text);
      const answer = await h.send(fixtureFor(subcommand.name), (i) => {
        i.data.options = [subcommand];
        if (as.channel) i.channel_id = as.channel;
        sendAs(as)(i);
      });
      // A command answered at once is a message of its own (type 4), never an update.
      if (answer.status === 200) {
        expect(answer.json?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      }
      return seen(answer, since, false);
    },
    async click(value, as = {}) {
      const interaction = interactionOf(loadEvent('component-answer')) as Interaction;
      interaction.data.custom_id = value;
      if (as.channel) {
        interaction.channel_id = as.channel;
        interaction.message = { ...interaction.message, channel_id: as.channel, flags: 0 };
      }
      sendAs(as)(interaction);
      const event = h.signer.signEvent(loadEvent('component-answer'), interaction);
      const send = async () => {
        const since = h.fake.requests.length;
        return seen(await h.invoke(event), since, !as.channel);
      };
      return { ...(await send()), again: send };
    },
    learner: (userId) =>
      h.store.getLearner({ platform: 'discord', workspaceId: DISCORD_FIXTURE.guildId, userId }),
    store: h.store,
    tableName: h.tableName,
    harness: h,
    stop: () => h.stop(),
  };
}

/** The recorded fixture of a subcommand (`command-help`), or the quiz's for one without. */
function fixtureFor(subcommand: string): string {
  try {
    loadEvent(`command-${subcommand}`);
    return `command-${subcommand}`;
  } catch {
    return 'command-quiz';
  }
}

/**
 * `/aws <text>` as Discord sends it: the first word names the subcommand, and the words after
 * it fill its options in declared order, the last taking the rest. Any other text is a search,
 * as on Slack.
 */
function discordSubcommand(text: string) {
  const [, word = '', rest = ''] = /^\s*(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
  const declared = findSubcommand(word);
  const [name, values, options] = declared
    ? [declared.name, rest, declared.options ?? []]
    : ['search', text, findSubcommand('search')?.options ?? []];
  let left = values;
  const filled = options.flatMap((option, index) => {
    const last = index === options.length - 1;
    const [, value = '', after = ''] = last
      ? ['', left, '']
      : (/^(\S*)\s*([\s\S]*)$/.exec(left) ?? []);
    left = after;
    const integer = option.type === ApplicationCommandOptionType.Integer;
    // Discord's client sends only what an option accepts: a whole number, or nothing.
    if (value === '' || (integer && !/^\d{1,6}$/.test(value))) return [];
    return [{ type: option.type, name: option.name, value: integer ? Number(value) : value }];
  });
  return { type: ApplicationCommandOptionType.Subcommand, name, options: filled };
}
