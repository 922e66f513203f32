import { type APIEmbed, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAILY_COUNT_EDIT_INTERVAL_MS } from '../../src/daily/live-count.js';
import { runDaily } from '../../src/daily/run-daily.js';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import { createDiscordRest } from '../../src/discord/discord-rest.js';
import { createDiscordMessageEditor } from '../../src/discord/edit-channel-message.js';
import { createInteractionHandler } from '../../src/discord/handle-interaction.js';
import type { DynamoStore } from '../../src/store/dynamo-store.js';
import { createTutor, type Tutor } from '../../src/tutor/tutor.js';
import { interactionOf, loadEvent } from '../helpers/discord-request.js';
import { freshStore } from '../helpers/dynamo.js';
import { type FakeDiscordApi, startFakeDiscordApi } from '../helpers/fake-discord-api.js';
import { content, fakeClock, testDeps } from '../helpers/test-deps.js';

type Interaction = Record<string, unknown> & { id: string; token: string; application_id: string };
interface Message {
  embeds: APIEmbed[];
  components: { components: { custom_id?: string }[] }[];
  allowed_mentions?: unknown;
  flags?: number;
}

const GUILD = '1180000000000000001';
const CHANNEL = '1180000000000000002';
const BOT_TOKEN = 'live-count-bot-token';

/**
 * The live count through the interaction handler: the daily run posts today's question to a
 * fake Discord with the bot token, clicks on it answer the clicker privately (type 4,
 * ephemeral) and then edit the channel message with the bot token. The tutor's clock is fake,
 * so the throttle window is moved by hand.
 */
describe('Function: createInteractionHandler (live daily count)', () => {
  let fake: FakeDiscordApi;
  let store: DynamoStore;
  let tutor: Tutor;
  let clock: ReturnType<typeof fakeClock>;
  const logged: { message: string; fields?: Record<string, unknown> }[] = [];
  const log = {
    info: () => {},
    error: (message: string, fields?: Record<string, unknown>) => logged.push({ message, fields }),
  };
  let messageId = '';
  let answer = '';
  let posted: Message;

  /** The handler; `null` for a deployment without a bot token. */
  const handler = (botToken: string | null = BOT_TOKEN) =>
    createInteractionHandler({
      tutor: () => tutor,
      rest: createDiscordRest({ apiUrl: fake.url }),
      log,
      editChannelMessage: createDiscordMessageEditor({
        apiUrl: fake.url,
        botToken: async () => botToken ?? undefined,
      }),
    });

  beforeAll(async () => {
    fake = await startFakeDiscordApi();
    ({ store } = await freshStore());
    clock = fakeClock('2026-11-23T09:00:00Z');
    tutor = createTutor(testDeps({ storeImpl: store, clock }));
    await store.subscribe({
      platform: 'discord',
      workspaceId: GUILD,
      channelId: CHANNEL,
      subscribedBy: 'admin',
      subscribedAt: '2026-11-20T09:00:00.000Z',
      status: 'active',
    });
    await runDaily({
      store,
      content,
      clock,
      timeZone: 'Europe/London',
      log,
      posters: { discord: createDiscordPoster({ apiUrl: fake.url, botToken: BOT_TOKEN }) },
    });
    const post = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    posted = post?.body as Message;
    answer = posted.components[0]?.components[0]?.custom_id as string;
    messageId = (
      await store.getDaily({ platform: 'discord', workspaceId: GUILD }, CHANNEL, '2026-11-23')
    )?.messageId as string;
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    logged.length = 0;
  });

  /** A click by `userId` on the channel's daily message (not ephemeral). */
  function click(userId: string): Interaction {
    const base = interactionOf(loadEvent('component-answer')) as Interaction & {
      member: { user: Record<string, unknown> };
      message: Record<string, unknown>;
    };
    return {
      ...base,
      id: `i-${userId}`,
      token: `token-${userId}`,
      data: { component_type: 2, custom_id: answer },
      member: { ...base.member, user: { ...base.member.user, id: userId, username: userId } },
      message: { ...base.message, id: messageId, flags: 0 },
    };
  }
  const edits = () =>
    fake.requests.filter(
      (r) => r.method === 'PATCH' && r.path === `/channels/${CHANNEL}/messages/${messageId}`,
    );
  const callbackOf = (i: Interaction) =>
    fake.requests.find((r) => r.path === `/interactions/${i.id}/${i.token}/callback`)?.body as
      | { type: number; data: Message }
      | undefined;

  it('posts with a count footer; a click answers privately, then shows "1 answered" on the post', async () => {
    expect(posted.embeds[0]?.footer?.text).toBe('No answers yet. Be the first!');
    const first = click('1190000000000000001');
    const result = await handler()(first);
    // Answered out of band first, so the edit cannot delay or change the answer.
    expect(result).toEqual({ status: 202 });
    const callback = callbackOf(first);
    expect(callback?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback?.data.flags).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(callback?.data)).toMatch(/Daily streak: 1/);

    const [edit] = edits();
    expect(edit?.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    const message = edit?.body as Message;
    expect(message.embeds[0]?.footer?.text).toBe('1 answered so far');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.flags).toBeUndefined();
    // The post as it was, buttons included, apart from the count; no private feedback.
    expect(message.components).toEqual(posted.components);
    expect({ ...message.embeds[0], footer: undefined }).toEqual({
      ...posted.embeds[0],
      footer: undefined,
    });
    expect(JSON.stringify(message)).not.toMatch(/Daily streak|Correct|Not quite/);
    // The interaction's @original is the private feedback now: never edited for the count.
    expect(fake.requests.some((r) => r.path.includes('/messages/@original'))).toBe(false);
  });

  it('a burst of clicks edits the post at most once in the window; each person scores once', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const clicks = Array.from({ length: 12 }, (_, i) =>
      click(`11900000000000001${String(i).padStart(2, '0')}`),
    );
    const results = await Promise.all(clicks.map((c) => handler()(c)));
    for (const [i, result] of results.entries()) {
      const body = result.status === 202 ? callbackOf(clicks[i] as Interaction) : result.body;
      const reply = body as { type: number; data: Message };
      expect(reply.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
      expect(JSON.stringify(reply.data)).toMatch(/Daily streak: 1/);
    }
    expect(edits().length).toBeLessThanOrEqual(1);
    const tally = await store.countDailyAnswers(
      { platform: 'discord', workspaceId: GUILD },
      CHANNEL,
      '2026-11-23',
    );
    expect(tally.answered).toBe(13);

    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    await handler()(click('1190000000000000099'));
    expect((edits().at(-1)?.body as Message | undefined)?.embeds[0]?.footer?.text).toBe(
      '14 answered so far',
    );
  });

  it('a double click is answered directly, counts once and edits nothing', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const result = await handler()(click('1190000000000000001'));
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).toMatch(/already answered/);
    expect(edits()).toHaveLength(0);
    const tally = await store.countDailyAnswers(
      { platform: 'discord', workspaceId: GUILD },
      CHANNEL,
      '2026-11-23',
    );
    expect(tally.answered).toBe(14);
  });

  it('a failing edit changes neither the feedback nor the score, and is only logged', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    fake.failNext('/channels/', 429);
    const unlucky = click('1190000000000000200');
    expect(await handler()(unlucky)).toEqual({ status: 202 });
    expect(callbackOf(unlucky)?.data.flags).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(callbackOf(unlucky)?.data)).toMatch(/Daily streak: 1/);
    const { totals } = await store.getLearner({
      platform: 'discord',
      workspaceId: GUILD,
      userId: '1190000000000000200',
    });
    expect(totals?.dailyAnswered).toBe(1);
    expect(logged.map((l) => l.message)).toEqual([
      'could not update the answer count on the channel message',
    ]);
    expect(JSON.stringify(logged)).toMatch(/429/);
    expect(JSON.stringify(logged)).not.toContain(BOT_TOKEN);
  });

  it('without a bot token the count stays as posted, and answering works as ever', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const result = await handler(null)(click('1190000000000000300'));
    expect(result.status).toBe(202);
    expect(edits()).toHaveLength(0);
    expect(logged[0]?.fields?.error).toMatchObject({
      message: expect.stringMatching(/DISCORD_BOT_TOKEN/),
    });
  });

  it('answers directly and skips the edit when the out-of-band answer fails', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    fake.failNext('/interactions/', 500);
    const result = await handler()(click('1190000000000000400'));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(edits()).toHaveLength(0);
  });
});
