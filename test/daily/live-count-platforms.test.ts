import { type APIEmbed, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAILY_COUNT_EDIT_INTERVAL_MS } from '../../src/daily/live-count.js';
import { runDaily } from '../../src/daily/run-daily.js';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import { createDiscordRest } from '../../src/discord/discord-rest.js';
import { createDiscordMessageEditor } from '../../src/discord/edit-channel-message.js';
import { createInteractionHandler } from '../../src/discord/handle-interaction.js';
import { createSlackHandler } from '../../src/slack/slack-app.js';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import type { Tenant } from '../../src/store/keys.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { subscribeChannels } from '../helpers/daily-round.js';
import { interactionOf, loadEvent } from '../helpers/discord-request.js';
import { freshStore } from '../helpers/dynamo.js';
import { startFakeDiscordApi } from '../helpers/fake-discord-api.js';
import { startFakeSlack } from '../helpers/fake-slack-api.js';
import { actionEvent, TEST_SIGNING_SECRET } from '../helpers/slack-request.js';
import { content, fakeClock, testDeps } from '../helpers/test-deps.js';

// biome-ignore lint/suspicious/noExplicitAny: messages are inspected as the JSON the platforms receive
type Json = any;

const DAY = '2026-11-23';
const SLACK_TOKEN = 'xoxb-live-count-token';
const DISCORD_TOKEN = 'live-count-bot-token';

/** What the clicker is shown. */
interface Feedback {
  /** Only the clicker sees it, as a message of its own: the channel message stays as it was. */
  privateAndSeparate: boolean;
  /**
   * Sent apart from the HTTP answer (Slack's response_url, Discord's callback after a 202), so
   * editing the count cannot delay or change it.
   */
  outOfBand: boolean;
  text: string;
}

/** An edit of the channel message that carries the count. */
interface Edit {
  count: string | undefined;
  authorization: string | undefined;
  text: string;
  /** Fails unless the edit is the message as posted (buttons included) apart from the count. */
  expectAsPostedButCount(): void;
}

/** Today's question posted to one channel of one platform, and clicks on it. */
interface LiveCountWorld {
  tenant: Tenant;
  channel: string;
  botToken: string;
  /** The Authorization header of an edit: the bot token, as the platform wants it. */
  editAuthorization: string;
  /** The count line on the message as the daily run posted it. */
  postedCount: string | undefined;
  /** A user id of the platform's shape, for the `n`th person. */
  user(n: number): string;
  click(userId: string): Promise<Feedback>;
  edits(): Edit[];
  /** The platform refuses the next edit of the channel message. */
  failNextEdit(): void;
  /** How the refusal shows in the log. */
  editFailure: RegExp;
  logged: { message: string; fields?: Record<string, unknown> }[];
  store: Awaited<ReturnType<typeof freshStore>>['store'];
  clock: ReturnType<typeof fakeClock>;
  close(): Promise<void>;
}

/** A log that keeps the errors, as the handlers write them. */
function keptLog() {
  const logged: LiveCountWorld['logged'] = [];
  return {
    logged,
    log: {
      info: () => {},
      error: (message: string, fields?: Record<string, unknown>) =>
        logged.push({ message, fields }),
    },
  };
}

/** The daily run's post to `channel`, with a fake clock, a fresh table and the tutor. */
async function postToday(
  tenant: Tenant,
  channel: string,
  posters: Parameters<typeof runDaily>[0]['posters'],
) {
  const { logged, log } = keptLog();
  const { store } = await freshStore();
  const clock = fakeClock(`${DAY}T09:00:00Z`);
  await subscribeChannels(store, tenant, [channel]);
  const summary = await runDaily({
    store,
    content,
    clock,
    timeZone: 'Europe/London',
    log,
    posters,
  });
  expect(summary.posted).toBe(1);
  const messageId = (await store.getDaily(tenant, channel, DAY))?.messageId as string;
  const tutor = createTutor(testDeps({ storeImpl: store, clock }));
  logged.length = 0; // only what the clicks log
  return { store, clock, messageId, tutor, logged, log };
}

/** Slack: the real Bolt app, signed block_actions, and chat.update of the posted message. */
async function startSlackWorld(): Promise<LiveCountWorld> {
  const tenant = { platform: 'slack', workspaceId: 'T0AWSTUTOR' };
  const channel = 'C0DAILY01';
  const fake = await startFakeSlack({});
  const poster = createSlackPoster({ apiUrl: fake.apiUrl, botToken: SLACK_TOKEN });
  const { store, clock, messageId, tutor, logged, log } = await postToday(tenant, channel, {
    slack: poster,
  });
  const handle = createSlackHandler({
    config: {
      signingSecret: TEST_SIGNING_SECRET,
      botToken: SLACK_TOKEN,
      apiUrl: fake.apiUrl,
      adminUserIds: [],
    },
    tutor,
    log,
  });
  const post: Json = fake.apiCalls('chat.postMessage')[0]?.body;
  const actionsOf = (message: Json): Json[] =>
    message.blocks.filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);
  const countOf = (message: Json): string | undefined =>
    message.blocks.at(-1)?.type === 'context' ? message.blocks.at(-1).elements[0].text : undefined;
  const answer = actionsOf(post)[0].value;
  let responses = 0;
  return {
    tenant,
    channel,
    botToken: SLACK_TOKEN,
    editAuthorization: `Bearer ${SLACK_TOKEN}`,
    postedCount: countOf(post),
    user: (n) => `U0LIVE${String(n).padStart(3, '0')}`,
    async click(userId) {
      const id = `live-${responses++}`;
      const event = actionEvent((p) => {
        p.actions[0].action_id = 'aws:answer:0';
        p.actions[0].value = answer;
        p.response_url = fake.responseUrl(id);
        p.container = {
          type: 'message',
          message_ts: messageId,
          channel_id: channel,
          is_ephemeral: false,
        };
        p.channel = { id: channel, name: 'aws-study' };
        p.team = { id: tenant.workspaceId, domain: 'aws-study' };
        p.user = { id: userId, username: userId, name: userId, team_id: tenant.workspaceId };
      });
      expect((await handle(event)).statusCode).toBe(200);
      const [feedback] = fake.posted(id) as Json[];
      return {
        privateAndSeparate:
          feedback.response_type === 'ephemeral' && feedback.replace_original === false,
        outOfBand: true,
        text: JSON.stringify(feedback.blocks),
      };
    },
    edits: () =>
      fake.apiCalls('chat.update').map(({ body, authorization }) => ({
        count: countOf(body),
        authorization,
        text: JSON.stringify(body),
        expectAsPostedButCount: () => {
          expect(body).toMatchObject({ channel, ts: messageId });
          expect(actionsOf(body)).toEqual(actionsOf(post));
          expect(body.blocks.slice(0, -1)).toEqual(post.blocks.slice(0, -1));
        },
      })),
    failNextEdit: () => fake.failNext('chat.update', 'ratelimited'),
    editFailure: /ratelimited/,
    logged,
    store,
    clock,
    close: () => fake.close(),
  };
}

interface DiscordMessage {
  embeds: APIEmbed[];
  components: { components: { custom_id?: string }[] }[];
  allowed_mentions?: unknown;
  flags?: number;
}

/**
 * Discord: the interaction handler; a click is answered privately (type 4, ephemeral), then the
 * channel message is edited with the bot token.
 */
async function startDiscordWorld(botToken: string | null = DISCORD_TOKEN) {
  const tenant = { platform: 'discord', workspaceId: '1180000000000000001' };
  const channel = '1180000000000000002';
  const fake = await startFakeDiscordApi();
  const poster = createDiscordPoster({ apiUrl: fake.url, botToken: DISCORD_TOKEN });
  const { store, clock, messageId, tutor, logged, log } = await postToday(tenant, channel, {
    discord: poster,
  });
  const handle = createInteractionHandler({
    tutor: () => tutor,
    rest: createDiscordRest({ apiUrl: fake.url }),
    log,
    editChannelMessage: createDiscordMessageEditor({
      apiUrl: fake.url,
      botToken: async () => botToken ?? undefined,
    }),
  });
  const post = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))
    ?.body as DiscordMessage;
  const answer = post.components[0]?.components[0]?.custom_id as string;
  /** A click by `userId` on the channel's daily message (not ephemeral). */
  const interaction = (userId: string) => {
    const base = interactionOf(loadEvent('component-answer')) as Json;
    return {
      ...base,
      id: `i-${userId}`,
      token: `token-${userId}`,
      data: { component_type: 2, custom_id: answer },
      member: { ...base.member, user: { ...base.member.user, id: userId, username: userId } },
      message: { ...base.message, id: messageId, flags: 0 },
    };
  };
  const callbackOf = (i: { id: string; token: string }) =>
    fake.requests.find((r) => r.path === `/interactions/${i.id}/${i.token}/callback`)?.body as
      | { type: number; data: DiscordMessage }
      | undefined;
  const world: LiveCountWorld = {
    tenant,
    channel,
    botToken: DISCORD_TOKEN,
    editAuthorization: `Bot ${DISCORD_TOKEN}`,
    postedCount: post.embeds[0]?.footer?.text,
    user: (n) => String(1190000000000000000n + BigInt(n)),
    async click(userId) {
      const i = interaction(userId);
      const result = await handle(i);
      // Answered out of band (202) when the count is edited after it, or directly.
      const reply = (result.status === 202 ? callbackOf(i) : result.body) as {
        type: number;
        data: DiscordMessage;
      };
      return {
        privateAndSeparate:
          reply.type === InteractionResponseType.ChannelMessageWithSource &&
          reply.data.flags === MessageFlags.Ephemeral,
        outOfBand: result.status === 202,
        text: JSON.stringify(reply.data),
      };
    },
    edits: () =>
      fake.requests
        .filter(
          (r) => r.method === 'PATCH' && r.path === `/channels/${channel}/messages/${messageId}`,
        )
        .map((r) => {
          const body = r.body as DiscordMessage;
          return {
            count: body.embeds[0]?.footer?.text,
            authorization: r.headers.authorization,
            text: JSON.stringify(body),
            expectAsPostedButCount: () => {
              expect(body.allowed_mentions).toEqual({ parse: [] });
              expect(body.flags).toBeUndefined();
              expect(body.components).toEqual(post.components);
              expect({ ...body.embeds[0], footer: undefined }).toEqual({
                ...post.embeds[0],
                footer: undefined,
              });
            },
          };
        }),
    failNextEdit: () => fake.failNext('/channels/', 429),
    editFailure: /429/,
    logged,
    store,
    clock,
    close: () => fake.close(),
  };
  return { world, handle, interaction, callbackOf, fake };
}

const WORLDS = [
  ['slack', startSlackWorld],
  ['discord', async () => (await startDiscordWorld()).world],
] as const;

/**
 * The live count on the daily question, through each platform's real app: the daily run posts
 * today's question to a fake platform API, clicks on it answer the clicker privately, and the
 * count shows up as an edit of that very message, with the bot token. The tutor's clock is
 * fake, so the throttle window is moved by hand rather than waited out.
 */
describe.each(WORLDS)('Live daily count (%s)', (_, start) => {
  let w: LiveCountWorld;
  beforeAll(async () => {
    w = await start();
  });
  afterAll(() => w.close());
  beforeEach(() => {
    w.logged.length = 0;
  });

  const tally = async () => (await w.store.countDailyAnswers(w.tenant, w.channel, DAY)).answered;
  const totals = async (userId: string) =>
    (await w.store.getLearner({ ...w.tenant, userId })).totals;

  it('posts the question with a count, and a click shows "1 answered" on that message', async () => {
    expect(w.postedCount).toBe('No answers yet. Be the first!');

    const feedback = await w.click(w.user(1));
    expect(feedback.outOfBand).toBe(true);
    expect(feedback.privateAndSeparate).toBe(true);
    expect(feedback.text).toMatch(/Daily streak: 1/);
    expect(feedback.text).not.toMatch(/answered so far/);

    const [edit] = w.edits();
    expect(edit?.authorization).toBe(w.editAuthorization);
    expect(edit?.count).toBe('1 answered so far');
    // Everything else as posted, buttons included, so others can still answer; no feedback.
    edit?.expectAsPostedButCount();
    expect(edit?.text).not.toMatch(/Daily streak|Correct|Not quite/);
  });

  it('a burst of clicks edits the message at most once in the window, and scores each person once', async () => {
    w.clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const before = w.edits().length;
    const users = Array.from({ length: 12 }, (_, i) => w.user(100 + i));
    const feedback = await Promise.all(users.map((u) => w.click(u)));
    for (const f of feedback) {
      expect(f.privateAndSeparate).toBe(true);
      expect(f.text).toMatch(/Daily streak: 1/);
    }
    expect(w.edits().length - before).toBeLessThanOrEqual(1);
    expect(await tally()).toBe(13);
    expect((await totals(users[0] as string))?.dailyAnswered).toBe(1);

    // The window over, the next click shows everything so far (the burst's last clicks
    // may have been throttled until now).
    w.clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    await w.click(w.user(200));
    expect(w.edits().at(-1)?.count).toBe('14 answered so far');
  });

  it('a double click neither counts twice nor edits the message', async () => {
    w.clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const before = w.edits().length;
    expect((await w.click(w.user(1))).text).toMatch(/already answered/);
    expect(w.edits()).toHaveLength(before);
    expect(await tally()).toBe(14);
  });

  it('a failing edit changes neither the feedback nor the score, and is logged without the token', async () => {
    w.clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    w.failNextEdit();
    const unlucky = w.user(300);
    const feedback = await w.click(unlucky);
    expect(feedback.outOfBand).toBe(true);
    expect(feedback.privateAndSeparate).toBe(true);
    expect(feedback.text).toMatch(/Daily streak: 1/);
    expect((await totals(unlucky))?.dailyAnswered).toBe(1);
    expect(w.logged.map((l) => l.message)).toEqual([
      'could not update the answer count on the channel message',
    ]);
    expect(JSON.stringify(w.logged)).toMatch(w.editFailure);
    expect(JSON.stringify(w.logged)).not.toContain(w.botToken);
  });
});

/** What only Discord does: the answer goes out of band first, and needs no bot token. */
describe('Live daily count (discord: answering out of band)', () => {
  let d: Awaited<ReturnType<typeof startDiscordWorld>>;
  let noToken: Awaited<ReturnType<typeof startDiscordWorld>>;
  beforeAll(async () => {
    d = await startDiscordWorld();
    noToken = await startDiscordWorld(null);
  });
  afterAll(async () => {
    await d.world.close();
    await noToken.world.close();
  });

  it('answers a click out of band (202) before the edit, a double click directly, and never edits @original', async () => {
    const first = d.interaction(d.world.user(1));
    expect(await d.handle(first)).toEqual({ status: 202 });
    expect(d.callbackOf(first)?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(d.world.edits()).toHaveLength(1);
    // The interaction's @original is the private feedback now: never edited for the count.
    expect(d.fake.requests.some((r) => r.path.includes('/messages/@original'))).toBe(false);

    // A double click has nothing to count: it is answered directly.
    d.world.clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const again = await d.handle(d.interaction(d.world.user(1)));
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).toMatch(/already answered/);
    expect(d.world.edits()).toHaveLength(1);
  });

  it('without a bot token the count stays as posted, and answering works as ever', async () => {
    const result = await noToken.handle(noToken.interaction(noToken.world.user(2)));
    expect(result.status).toBe(202);
    expect(noToken.world.edits()).toHaveLength(0);
    expect(noToken.world.logged[0]?.fields?.error).toMatchObject({
      message: expect.stringMatching(/DISCORD_BOT_TOKEN/),
    });
  });

  it('answers directly and skips the edit when the out-of-band answer fails', async () => {
    d.world.clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const before = d.world.edits().length;
    d.fake.failNext('/interactions/', 500);
    const result = await d.handle(d.interaction(d.world.user(3)));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(d.world.edits()).toHaveLength(before);
  });
});
