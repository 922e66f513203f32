import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAILY_COUNT_EDIT_INTERVAL_MS } from '../../src/daily/live-count.js';
import { runDaily } from '../../src/daily/run-daily.js';
import { createSlackHandler, type SlackLambdaHandler } from '../../src/slack/slack-app.js';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import type { DynamoStore } from '../../src/store/dynamo-store.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { freshStore } from '../helpers/dynamo.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack-api.js';
import { actionEvent, TEST_SIGNING_SECRET } from '../helpers/slack-request.js';
import { content, fakeClock, testDeps } from '../helpers/test-deps.js';

// biome-ignore lint/suspicious/noExplicitAny: messages are inspected as the JSON Slack receives
type Json = any;

const TEAM = 'T0AWSTUTOR';
const CHANNEL = 'C0DAILY01';
const BOT_TOKEN = 'xoxb-live-count-token';

/**
 * The live count through the real Bolt app: the daily run posts today's question to a fake
 * Slack (chat.postMessage), clicks on it are signed block_actions, and the count shows up as a
 * chat.update of that very message. The tutor's clock is fake, so the throttle window is
 * moved by hand rather than waited out.
 */
describe('Function: createSlackHandler (live daily count)', () => {
  let fake: FakeSlack;
  let store: DynamoStore;
  let handle: SlackLambdaHandler;
  let clock: ReturnType<typeof fakeClock>;
  const logged: { message: string; fields?: Record<string, unknown> }[] = [];
  let postTs = '';
  let answerValue = '';

  beforeAll(async () => {
    fake = await startFakeSlack({});
    ({ store } = await freshStore());
    clock = fakeClock('2026-11-23T09:00:00Z');
    const log = {
      info: () => {},
      error: (message: string, fields?: Record<string, unknown>) =>
        logged.push({ message, fields }),
    };
    const tutor = createTutor(testDeps({ storeImpl: store, clock }));
    handle = createSlackHandler({
      config: {
        signingSecret: TEST_SIGNING_SECRET,
        botToken: BOT_TOKEN,
        apiUrl: fake.apiUrl,
        adminUserIds: [],
      },
      tutor,
      log,
    });
    await store.subscribe({
      platform: 'slack',
      workspaceId: TEAM,
      channelId: CHANNEL,
      subscribedBy: 'U0ADMIN01',
      subscribedAt: '2026-11-20T09:00:00.000Z',
      status: 'active',
    });
    const summary = await runDaily({
      store,
      content,
      clock,
      timeZone: 'Europe/London',
      log,
      posters: { slack: createSlackPoster({ apiUrl: fake.apiUrl, botToken: BOT_TOKEN }) },
    });
    expect(summary.posted).toBe(1);
    postTs = (await store.getDaily({ platform: 'slack', workspaceId: TEAM }, CHANNEL, '2026-11-23'))
      ?.messageId as string;
    const [post] = fake.apiCalls('chat.postMessage');
    answerValue = actionsOf(post?.body)[0].value;
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    logged.length = 0;
  });

  const actionsOf = (message: Json): Json[] =>
    message.blocks.filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);
  const countOf = (message: Json): string | undefined =>
    message.blocks.at(-1)?.type === 'context' ? message.blocks.at(-1).elements[0].text : undefined;
  const updates = () => fake.apiCalls('chat.update').map((c) => c.body);

  /** A signed click by `user` on the channel's daily message, answered at response URL `id`. */
  async function click(user: string, id: string) {
    const event = actionEvent((p) => {
      p.actions[0].action_id = 'aws:answer:0';
      p.actions[0].value = answerValue;
      p.response_url = fake.responseUrl(id);
      p.container = {
        type: 'message',
        message_ts: postTs,
        channel_id: CHANNEL,
        is_ephemeral: false,
      };
      p.channel = { id: CHANNEL, name: 'aws-study' };
      p.team = { id: TEAM, domain: 'aws-study' };
      p.user = { id: user, username: user, name: user, team_id: TEAM };
    });
    const result = await handle(event);
    expect(result.statusCode).toBe(200);
    const [feedback] = fake.posted(id);
    return feedback as Json;
  }

  it('posts the question with a count line, and a click shows "1 answered" on that message', async () => {
    const [post] = fake.apiCalls('chat.postMessage');
    expect(countOf(post?.body)).toBe('No answers yet. Be the first!');

    const feedback = await click('U0FIRST01', 'first');
    // The clicker's feedback is private and separate from the channel message.
    expect(feedback).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(feedback.blocks)).toMatch(/Daily streak/);
    expect(JSON.stringify(feedback.blocks)).not.toMatch(/answered so far/);

    const update: Json = updates()[0];
    expect(fake.apiCalls('chat.update')[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(update).toMatchObject({ channel: CHANNEL, ts: postTs });
    expect(countOf(update)).toBe('1 answered so far');
    // Everything else as posted, buttons included, so others can still answer; no feedback.
    expect(actionsOf(update)).toEqual(actionsOf(post?.body));
    expect(update.blocks.slice(0, -1)).toEqual(post?.body.blocks.slice(0, -1));
    expect(JSON.stringify(update)).not.toMatch(/Daily streak|Correct|Not quite/);
  });

  it('a burst of clicks edits the message at most once in the window, and scores each person once', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const before = updates().length;
    const users = Array.from({ length: 12 }, (_, i) => `U0BURST${String(i).padStart(2, '0')}`);
    const feedback = await Promise.all(users.map((u) => click(u, `burst-${u}`)));
    for (const f of feedback) {
      expect(f.response_type).toBe('ephemeral');
      expect(JSON.stringify(f.blocks)).toMatch(/Daily streak: 1/);
    }
    expect(updates().length - before).toBeLessThanOrEqual(1);
    const tally = await store.countDailyAnswers(
      { platform: 'slack', workspaceId: TEAM },
      CHANNEL,
      '2026-11-23',
    );
    expect(tally.answered).toBe(13);
    const { totals } = await store.getLearner({
      platform: 'slack',
      workspaceId: TEAM,
      userId: users[0] as string,
    });
    expect(totals?.dailyAnswered).toBe(1);

    // The window over, the next click shows everything so far (the burst's last clicks
    // may have been throttled until now).
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    await click('U0AFTER01', 'after');
    expect(countOf(updates().at(-1))).toBe('14 answered so far');
  });

  it('a double click neither counts twice nor edits the message', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    const before = updates().length;
    const again = await click('U0FIRST01', 'double');
    expect(JSON.stringify(again.blocks)).toMatch(/already answered/);
    expect(updates()).toHaveLength(before);
    const tally = await store.countDailyAnswers(
      { platform: 'slack', workspaceId: TEAM },
      CHANNEL,
      '2026-11-23',
    );
    expect(tally.answered).toBe(14);
  });

  it('a failing chat.update changes neither the feedback nor the score, and is logged without the token', async () => {
    clock.advance(DAILY_COUNT_EDIT_INTERVAL_MS);
    fake.failNext('chat.update', 'ratelimited');
    const feedback = await click('U0UNLUCKY', 'unlucky');
    expect(feedback).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(feedback.blocks)).toMatch(/Daily streak: 1/);
    const { totals } = await store.getLearner({
      platform: 'slack',
      workspaceId: TEAM,
      userId: 'U0UNLUCKY',
    });
    expect(totals?.dailyAnswered).toBe(1);
    expect(logged.map((l) => l.message)).toEqual([
      'could not update the answer count on the channel message',
    ]);
    expect(JSON.stringify(logged)).toMatch(/ratelimited/);
    expect(JSON.stringify(logged)).not.toContain(BOT_TOKEN);
  });
});
