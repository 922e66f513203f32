import { loadContent } from '../src/content/default-content.js';
import { findSubcommand } from '../src/discord/command-definition.js';
import { PICK_ACTION_ID, SUBMIT_ACTION_ID } from '../src/slack/choice-set.js';
import type { Tenant } from '../src/store/keys.js';
import { answerAction, postDaily } from '../test/helpers/daily-round.js';
import { DISCORD_FIXTURE, type Interaction } from '../test/helpers/discord-handler.js';
import { createDiscordSigner, interactionOf, loadEvent } from '../test/helpers/discord-request.js';
import { freshStore } from '../test/helpers/dynamo.js';
import { startFakeDiscordApi } from '../test/helpers/fake-discord-api.js';
import { startFakeSlack } from '../test/helpers/fake-slack-api.js';
import { invoker, setEnv } from '../test/helpers/lambda-harness.js';
import { buttonsOf } from '../test/helpers/slack-handler.js';
import { clickEvent, commandEvent, TEST_SIGNING_SECRET } from '../test/helpers/slack-request.js';

const compiled = await loadContent();

// biome-ignore lint/suspicious/noExplicitAny: messages are read as the JSON the platform receives
type Json = any;

/** What a person was shown: the HTTP status, and the message (a Slack click's is posted to its response_url). */
export interface Shown {
  status: number;
  message: Json;
}

/** An answer to a question: a button's value, or a choice set's action and the picks ("choose two"). */
export interface Pick {
  value: string;
  picks?: number[];
}

/** One platform's real Lambda handler, spoken to as its platform would. */
export interface ChatPlatform {
  name: 'slack' | 'discord';
  /** Where the requests come from: the workspace and channel of test/fixtures. */
  tenant: Tenant;
  channelId: string;
  /** The `i`-th of as many people as needed, with ids shaped as the platform makes them. */
  user(i: number): string;
  /** `/aws <text>`; on Discord the subcommand with the rest as its option. */
  command(user: string, text: string): Promise<Shown>;
  /** The `i`-th answer to the question in `message` (choices i, i+1… for "choose two" or three). */
  answer(message: Json, i: number): Pick | undefined;
  /** A click on an answer: a private question's, or (`daily`) the channel's daily question's. */
  click(user: string, pick: Pick, daily?: boolean): Promise<Shown>;
  /** Discord's autocomplete of `/aws search` while `typed` is being typed. */
  autocomplete?(user: string, typed: string): Promise<Shown>;
}

const SLACK = { tenant: { platform: 'slack', workspaceId: 'T0AWSTUTOR' }, channelId: 'C0STUDY01' };
const DISCORD = {
  tenant: { platform: 'discord', workspaceId: DISCORD_FIXTURE.guildId },
  channelId: DISCORD_FIXTURE.channelId,
};
/** Choices `i`, `i+1`… of `n`, `count` of them: a valid pick for a choose-`count` question. */
const picksOf = (i: number, n: number, count: number) =>
  Array.from({ length: count }, (_, k) => (i + k) % n);
/** How many a choice set takes: Slack's checkboxes do not say, its question (in the action) does. */
const countOf = (action: string) =>
  compiled.question(action.split(':').at(-2) ?? '')?.answers.length ?? 2;

/**
 * The real Slack and Discord handlers (src/handlers) in this process, on one fresh table of
 * the bench's DynamoDB Local, with local fakes of Slack's Web API and response URLs and of
 * Discord's REST API; requests are the signed fixtures of test/fixtures, edited. Today's
 * question is posted in both channels by the real daily run. Once per process: the handlers
 * read their settings on first use.
 */
export async function startHandlers(dynamoEndpoint: string) {
  const { store, tableName } = await freshStore(dynamoEndpoint);
  const slackApi = await startFakeSlack({});
  const discordApi = await startFakeDiscordApi();
  const signer = createDiscordSigner();
  setEnv({
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slackApi.apiUrl,
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DISCORD_APPLICATION_ID: DISCORD_FIXTURE.applicationId,
    DISCORD_BOT_TOKEN: 'bench-bot-token',
    DISCORD_API_URL: discordApi.url,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'eu-west-2',
    SECRETS_SSM_PATH: undefined,
  });
  const slackHandler = invoker((await import('../src/handlers/slack.js')).handler);
  const discordHandler = invoker((await import('../src/handlers/discord.js')).handler);
  const [slackPost] = Object.values(await postDaily(store, SLACK.tenant, [SLACK.channelId]));
  await postDaily(store, DISCORD.tenant, [DISCORD.channelId]);
  if (!slackPost) throw new Error('the daily run posted nothing');

  let responses = 0;
  const slack: ChatPlatform = {
    name: 'slack',
    ...SLACK,
    user: (i) => `U0B${String(i).padStart(7, '0')}`,
    command: async (user, text) => {
      const url = slackApi.responseUrl('c');
      const answer = await slackHandler(
        commandEvent({ text, user_id: user, user_name: user, response_url: url }),
      );
      return { status: answer.status, message: answer.json };
    },
    answer: (message, i) => {
      const elements: Json[] = message?.blocks ? buttonsOf(message) : [];
      const boxes = elements.find((e) => e.action_id === PICK_ACTION_ID);
      const submit = elements.find((e) => e.action_id === SUBMIT_ACTION_ID);
      if (boxes && submit) {
        return {
          value: submit.value,
          picks: picksOf(i, boxes.options.length, countOf(submit.value)),
        };
      }
      const buttons = elements.filter((e) => String(e.action_id).startsWith('aws:answer:'));
      const button = buttons[i % buttons.length];
      return button && { value: button.value };
    },
    click: async (user, pick, daily = false) => {
      const id = `r${++responses}`;
      const ticked = (pick.picks ?? []).map((i) => ({ value: String(i) }));
      const state = { values: { choices: { [PICK_ACTION_ID]: { selected_options: ticked } } } };
      const button = {
        action_id: pick.picks ? SUBMIT_ACTION_ID : 'aws:answer:0',
        value: pick.value,
      };
      const as = { user, name: user, ephemeral: !daily, ...(pick.picks ? { state } : {}) };
      const answer = await slackHandler(clickEvent(button, slackApi.responseUrl(id), as));
      return { status: answer.status, message: slackApi.posted(id)[0] };
    },
  };

  /**
   * A fixture's interaction from `user`, edited by `change`, signed with this run's key and
   * handled. An answer sent out of band (202) is read from the fake REST API: the callback's,
   * or a deferred answer's edit of @original.
   */
  const send = async (fixture: string, user: string, change: (i: Interaction) => void) => {
    const interaction: Interaction = interactionOf(loadEvent(fixture));
    interaction.member.user.id = user;
    change(interaction);
    const seen = discordApi.requests.length;
    const answer = await discordHandler(signer.signEvent(loadEvent(fixture), interaction));
    if (answer.json) return { status: answer.status, message: answer.json.data };
    const made = discordApi.requests.slice(seen);
    const callback = made.find((r) => r.path.endsWith('/callback'))?.body as Json;
    const edit = made.find((r) => r.path.endsWith('/messages/@original'))?.body;
    return { status: answer.status, message: callback?.data ?? edit };
  };
  const discord: ChatPlatform = {
    name: 'discord',
    ...DISCORD,
    user: (i) => String(1190000000000000000n + BigInt(i)),
    command: (user, text) =>
      send('command-help', user, (i) => {
        const [name = '', ...rest] = text.split(' ');
        const value = rest.join(' ');
        // The subcommand's string option, or its integer one for a number (`exam 5`).
        const type = /^\d+$/.test(value) ? 4 : 3;
        const option = findSubcommand(name)?.options?.find((o) => o.type === type);
        const given =
          option && value
            ? [{ type, name: option.name, value: type === 4 ? Number(value) : value }]
            : [];
        i.data.options = [{ type: 1, name, options: given }];
      }),
    answer: (message, i) => {
      const components: Json[] = (message?.components ?? []).flatMap((row: Json) => row.components);
      const select = components.find((c) => c.type === 3);
      if (select) {
        return {
          value: select.custom_id,
          picks: picksOf(i, select.options.length, select.min_values),
        };
      }
      const buttons = components.filter((c) => c.type === 2 && /^[pe]:/.test(c.custom_id ?? ''));
      const button = buttons[i % buttons.length];
      return button && { value: button.custom_id };
    },
    click: (user, pick, daily = false) =>
      send('component-answer', user, (i) => {
        i.data = pick.picks
          ? { component_type: 3, custom_id: pick.value, values: pick.picks.map(String) }
          : { ...i.data, custom_id: pick.value };
        i.message.flags = daily ? 0 : 64;
      }),
    autocomplete: (user, typed) =>
      send('autocomplete-search', user, (i) => {
        i.data.options[0].options[0].value = typed;
      }),
  };

  return {
    store,
    slack,
    discord,
    /** Today's question (one answer, on both platforms): its right and a wrong answer. */
    daily: {
      right: { value: answerAction(slackPost) },
      wrong: { value: answerAction(slackPost, false) },
    } satisfies Record<string, Pick>,
    /** Drops what the fakes recorded, so that they do not grow over a long run. */
    forget: () => {
      slackApi.calls.length = 0;
      discordApi.requests.length = 0;
    },
    stop: async () => {
      await slackApi.close();
      await discordApi.close();
    },
  };
}

export type Handlers = Awaited<ReturnType<typeof startHandlers>>;
