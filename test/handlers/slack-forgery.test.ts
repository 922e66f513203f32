import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyQuestionFor } from '../../src/daily/daily-post.js';
import { dateIn } from '../../src/time/calendar.js';
import { postDaily } from '../helpers/daily-round.js';
import {
  buttonsOf,
  type SlackHandlerHarness,
  startSlackHandler,
  USERS,
} from '../helpers/slack-handler.js';
import { commandEvent } from '../helpers/slack-request.js';
import { content } from '../helpers/test-deps.js';

// biome-ignore lint/suspicious/noExplicitAny: replies are inspected as the JSON Slack receives
type Json = any;

const TEAM = 'T0AWSTUTOR';
const ZONE = 'Europe/London';

/**
 * A button value is only a key: the server finds the question it was issued for, to whom, and
 * the right answer in its own records. These tests edit values the way a user with a proxy
 * could (the request is still signed, since Slack signs whatever the click carried) and read
 * the scores back from DynamoDB Local.
 */
describe('Handler: slack (forged and replayed clicks)', () => {
  let h: SlackHandlerHarness;
  beforeAll(async () => {
    h = await startSlackHandler();
  });
  afterAll(() => h.stop());

  let responses = 0;
  /** Sends a click and returns the one message posted back to its response_url, as text. */
  async function clickText(...args: Parameters<SlackHandlerHarness['click']>) {
    const id = `${args[1]}-${responses++}`;
    const res = await h.invoke(h.click(args[0], id, args[2]));
    expect(res.status).toBe(200);
    const posted = h.fake.posted(id);
    expect(posted).toHaveLength(1);
    return JSON.stringify(posted[0]?.blocks);
  }
  const quiz = async (user: string, name: string) => {
    const res = await h.invoke(
      commandEvent({ text: 'quiz serverless', user_id: user, user_name: name }),
    );
    return buttonsOf(res.json as Json);
  };
  const learner = (userId: string) =>
    h.store.getLearner({ platform: 'slack', workspaceId: TEAM, userId });
  /** The question a practice value was issued for, and its right answer, from our content. */
  const questionOf = (value: string) => {
    const [, nonce = '', questionId = ''] = value.split(':');
    const question = content.question(questionId);
    if (!question) throw new Error(`no question ${questionId}`);
    return { nonce, question };
  };

  it("refuses someone else's practice button, and its owner can still answer it once", async () => {
    const [first] = await quiz(USERS.alice, 'alice');
    const stolen = await clickText(first, 'stolen', { user: USERS.bob, name: 'bob' });
    expect(stolen).toMatch(/expired or was not asked to you/);
    expect((await learner(USERS.bob)).totals).toBeUndefined();
    expect((await learner(USERS.alice)).totals).toBeUndefined();

    expect(await clickText(first, 'own')).toMatch(/Correct|Not quite/);
    expect((await learner(USERS.alice)).totals?.answered).toBe(1);
  });

  it('a choice edited after answering is not a second answer and cannot turn wrong into right', async () => {
    const buttons = await quiz(USERS.owner, 'owner');
    const { question } = questionOf(buttons[0].value);
    const wrong = buttons[(question.answer + 1) % question.choices.length];
    expect(await clickText(wrong, 'wrong', { user: USERS.owner })).toContain('Not quite');

    const right = { ...wrong, value: wrong.value.replace(/\d$/, String(question.answer)) };
    const again = await clickText(right, 'claim', { user: USERS.owner });
    expect(again).toMatch(/already answered/);
    expect(again).not.toContain('Correct!');
    const { totals, cards } = await learner(USERS.owner);
    expect(totals).toMatchObject({ answered: 1, correct: 0 });
    expect(cards.find((c) => c.questionId === question.id)?.lastCorrect).toBe(false);
  });

  it('a value edited to name another question, or a choice that does not exist, records nothing', async () => {
    const [first] = await quiz(USERS.admin, 'admin');
    const { nonce, question } = questionOf(first.value);
    const other = content.questions.find((q) => q.id !== question.id);
    if (!other) throw new Error('content needs two questions');
    const forged = [`p:${nonce}:${other.id}:${other.answer}`, `p:${nonce}:${question.id}:9`];
    for (const value of forged) {
      const text = await clickText({ ...first, value }, 'forged', { user: USERS.admin });
      expect(text).not.toMatch(/Correct|Not quite/);
    }
    expect((await learner(USERS.admin)).totals).toBeUndefined();
    // Correctness comes from our content, not from anything in the click.
    const right = { ...first, value: first.value.replace(/\d$/, String(question.answer)) };
    expect(await clickText(right, 'right', { user: USERS.admin })).toContain('Correct!');
    expect((await learner(USERS.admin)).totals).toMatchObject({ answered: 1, correct: 1 });
  });

  it('a daily answer counts once per workspace and day: not again in another channel, nor on replay', async () => {
    const posts = await postDaily(h.store, { platform: 'slack', workspaceId: TEAM }, [
      'C0CHANNELA',
      'C0CHANNELB',
    ]);
    const inA = posts.C0CHANNELA?.buttons?.[0]?.action ?? '';
    const button = { action_id: 'aws:answer:0', value: inA };
    const as = { user: USERS.bob, name: 'bob', ephemeral: false, channel: 'C0CHANNELA' };
    const event = h.click(button, 'daily-a', as);
    await h.invoke(event);
    expect(JSON.stringify(h.fake.posted('daily-a')[0]?.blocks)).toMatch(/Daily streak/);

    // The identical signed request again (a replay within Slack's five minutes).
    await h.invoke(event);
    expect(JSON.stringify(h.fake.posted('daily-a')[1]?.blocks)).toMatch(/already answered/);
    // The same value clicked in another channel of the workspace.
    const elsewhere = await clickText(button, 'daily-b', { ...as, channel: 'C0CHANNELB' });
    expect(elsewhere).toMatch(/already answered/);
    // A channel that never had that question.
    const nowhere = await clickText(button, 'daily-c', { ...as, channel: 'C0NOWHERE1' });
    expect(nowhere).toMatch(/doesn't belong to a question I know of/);

    const [, date = ''] = inA.split(':');
    const daily = await h.store.getDaily(
      { platform: 'slack', workspaceId: TEAM },
      'C0CHANNELA',
      date,
    );
    const points = content.question(daily?.questionId ?? '')?.answer === 0 ? 10 : 0;
    expect((await learner(USERS.bob)).totals).toMatchObject({
      dailyAnswered: 1,
      answered: 1,
      points,
    });
  });

  it('a closed daily question cannot be answered once the next one has revealed it', async () => {
    const tenant = { platform: 'slack', workspaceId: TEAM };
    const yesterday = new Date(Date.now() - 86_400_000);
    await postDaily(h.store, tenant, ['C0CLOSED1'], yesterday);
    await postDaily(h.store, tenant, ['C0CLOSED1']);
    const question = dailyQuestionFor(content, dateIn(yesterday, ZONE));
    const late = {
      action_id: 'aws:answer:0',
      value: `d:${dateIn(yesterday, ZONE)}:${question.answer}`,
    };
    const text = await clickText(late, 'late', {
      user: USERS.listed,
      name: 'listed',
      ephemeral: false,
      channel: 'C0CLOSED1',
    });
    expect(text).toMatch(/This question closed .*; the answer was/);
    expect((await learner(USERS.listed)).totals).toBeUndefined();
  });
});
