import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDaily } from '../helpers/daily-round.js';
import {
  customIdsOf,
  DISCORD_FIXTURE,
  type DiscordHandlerHarness,
  startDiscordHandler,
  textOf,
} from '../helpers/discord-handler.js';
import { interactionOf, loadEvent } from '../helpers/discord-request.js';
import { content } from '../helpers/test-deps.js';

const BOB = '1180000000000000004';
const GUILD = DISCORD_FIXTURE.guildId;

/**
 * Discord signs what it sends, and a `custom_id` is whatever our button carried, so the
 * server trusts neither who a value was issued to nor what it says is right: it looks both up.
 * Scores are read back from DynamoDB Local.
 */
describe('Handler: discord (forged and replayed interactions)', () => {
  let h: DiscordHandlerHarness;
  beforeAll(async () => {
    h = await startDiscordHandler();
  });
  afterAll(() => h.stop());

  const learner = (userId: string) =>
    h.store.getLearner({ platform: 'discord', workspaceId: GUILD, userId });
  const quiz = async (userId: string) => {
    const res = await h.send('command-quiz', (i) => {
      i.member.user.id = userId;
    });
    return customIdsOf(res.json.data);
  };
  /**
   * A click on `customId` by `userId`; the text of the message it gets back: in the HTTP
   * answer, or through the callback when it was answered out of band (a daily live count).
   */
  const click = async (customId: string, userId: string, change: (i: never) => void = () => {}) => {
    const res = await h.send('component-answer', (i) => {
      i.data.custom_id = customId;
      i.member.user.id = userId;
      change(i as never);
    });
    if (res.status === 202) {
      const callback = h.fake.requests.findLast((r) => r.path.endsWith('/callback'));
      return textOf((callback?.body as { data: never } | undefined)?.data as never);
    }
    expect(res.status).toBe(200);
    return textOf(res.json.data);
  };

  it('refuses a signature made for another body, even one of our own valid requests', async () => {
    const ping = h.signer.signEvent(loadEvent('ping'));
    const command = loadEvent('command-help');
    const forged = {
      ...command,
      headers: {
        ...command.headers,
        'x-signature-ed25519': ping.headers['x-signature-ed25519'],
        'x-signature-timestamp': ping.headers['x-signature-timestamp'],
      },
    };
    expect((await h.invoke(forged)).status).toBe(401);
    // The same command body with a signature over a single changed byte of it.
    const body = JSON.stringify(interactionOf(command));
    const signed = h.signer.sign(body.replace('"help"', '"score"'));
    const swapped = {
      ...command,
      isBase64Encoded: false,
      body,
      headers: {
        ...command.headers,
        'x-signature-ed25519': signed.signature,
        'x-signature-timestamp': signed.timestamp,
      },
    };
    expect((await h.invoke(swapped)).status).toBe(401);
  });

  it("refuses someone else's practice button, and its owner can still answer it once", async () => {
    const [first = ''] = await quiz(DISCORD_FIXTURE.aliceId);
    expect(await click(first, BOB)).toMatch(/expired or was not asked to you/);
    expect((await learner(BOB)).totals).toBeUndefined();
    expect((await learner(DISCORD_FIXTURE.aliceId)).totals).toBeUndefined();
    expect(await click(first, DISCORD_FIXTURE.aliceId)).toMatch(/Correct|Not quite/);
    expect((await learner(DISCORD_FIXTURE.aliceId)).totals?.answered).toBe(1);
  });

  it('an edited choice is not a second answer, and an edited question id records nothing', async () => {
    const carol = '1180000000000000005';
    const ids = await quiz(carol);
    const [, nonce = '', questionId = ''] = (ids[0] ?? '').split(':');
    const question = content.question(questionId);
    if (!question) throw new Error(`no question ${questionId}`);
    const other = content.questions.find((q) => q.id !== question.id);
    if (!other) throw new Error('content needs two questions');

    expect(await click(`p:${nonce}:${other.id}:${other.answer}`, carol)).not.toMatch(/Correct/);
    expect((await learner(carol)).totals).toBeUndefined();

    const wrong = (question.answer + 1) % question.choices.length;
    expect(await click(`p:${nonce}:${question.id}:${wrong}`, carol)).toContain('Not quite');
    const claim = await click(`p:${nonce}:${question.id}:${question.answer}`, carol);
    expect(claim).toMatch(/already answered/);
    expect(claim).not.toContain('Correct!');
    expect((await learner(carol)).totals).toMatchObject({ answered: 1, correct: 0 });
  });

  it('a daily answer counts once per server and day, in any channel and on replay', async () => {
    const dave = '1180000000000000006';
    const posts = await postDaily(h.store, { platform: 'discord', workspaceId: GUILD }, [
      DISCORD_FIXTURE.channelId,
      '1180000000000000077',
    ]);
    const value = posts[DISCORD_FIXTURE.channelId]?.buttons?.[0]?.action ?? '';
    const inChannel = (channelId: string) => (i: { channel_id: string; message: object }) => {
      i.channel_id = channelId;
      i.message = { ...i.message, flags: 0 };
    };
    expect(await click(value, dave, inChannel(DISCORD_FIXTURE.channelId))).toMatch(/Daily streak/);
    expect(await click(value, dave, inChannel(DISCORD_FIXTURE.channelId))).toMatch(
      /already answered/,
    );
    expect(await click(value, dave, inChannel('1180000000000000077'))).toMatch(/already answered/);
    expect((await learner(dave)).totals).toMatchObject({ dailyAnswered: 1, answered: 1 });
  });
});
