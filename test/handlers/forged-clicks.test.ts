import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyQuestionFor } from '../../src/daily/daily-post.js';
import { dateIn } from '../../src/time/calendar.js';
import { type ChatDriver, PLATFORMS } from '../helpers/chat-driver.js';
import { postDaily } from '../helpers/daily-round.js';
import { type DiscordHandlerHarness, startDiscordHandler } from '../helpers/discord-handler.js';
import { interactionOf, loadEvent } from '../helpers/discord-request.js';
import { content } from '../helpers/test-deps.js';

const ZONE = 'Europe/London';

/**
 * A button value is only a key: the server finds the question it was issued for, to whom, and
 * the right answer in its own records. Slack and Discord sign whatever the click carried, so
 * these tests edit values the way a user with a proxy could, on each platform, and read the
 * scores back from DynamoDB Local.
 */
describe.each(PLATFORMS)('Handler: %s (forged and replayed clicks)', (_, start) => {
  let d: ChatDriver;
  beforeAll(async () => {
    d = await start();
  });
  afterAll(() => d.stop());

  const totals = async (userId: string) => (await d.learner(userId)).totals;
  /** The question a practice value was issued for, and its right answer, from our content. */
  const questionOf = (value: string) => {
    const [, nonce = '', questionId = ''] = value.split(':');
    const question = content.question(questionId);
    if (!question) throw new Error(`no question ${questionId}`);
    return { nonce, question };
  };
  /** `value` with its choice replaced. */
  const choosing = (value: string, choice: number) => value.replace(/\d$/, String(choice));

  it("refuses someone else's practice button, and its owner can still answer it once", async () => {
    const [alice, bob] = [d.user('alice'), d.user('bob')];
    const [first = ''] = (await d.command('quiz serverless', { user: alice })).buttons;
    expect((await d.click(first, { user: bob })).text).toMatch(/expired or was not asked to you/);
    expect(await totals(bob)).toBeUndefined();
    expect(await totals(alice)).toBeUndefined();

    expect((await d.click(first, { user: alice })).text).toMatch(/Correct|Not quite/);
    expect((await totals(alice))?.answered).toBe(1);
  });

  it('a choice edited after answering is not a second answer and cannot turn wrong into right', async () => {
    const owner = d.user('owner');
    const buttons = (await d.command('quiz serverless', { user: owner })).buttons;
    const { question } = questionOf(buttons[0] ?? '');
    const wrong = choosing(buttons[0] ?? '', (question.answer + 1) % question.choices.length);
    expect((await d.click(wrong, { user: owner })).text).toContain('Not quite');

    const again = (await d.click(choosing(wrong, question.answer), { user: owner })).text;
    expect(again).toMatch(/already answered/);
    expect(again).not.toContain('Correct!');
    const { totals: after, cards } = await d.learner(owner);
    expect(after).toMatchObject({ answered: 1, correct: 0 });
    expect(cards.find((c) => c.questionId === question.id)?.lastCorrect).toBe(false);
  });

  it('a value edited to name another question, or a choice that does not exist, records nothing', async () => {
    const admin = d.user('admin');
    const [first = ''] = (await d.command('quiz serverless', { user: admin })).buttons;
    const { nonce, question } = questionOf(first);
    const other = content.questions.find((q) => q.id !== question.id);
    if (!other) throw new Error('content needs two questions');
    for (const value of [`p:${nonce}:${other.id}:${other.answer}`, `p:${nonce}:${question.id}:9`]) {
      expect((await d.click(value, { user: admin })).text).not.toMatch(/Correct|Not quite/);
    }
    expect(await totals(admin)).toBeUndefined();
    // Correctness comes from our content, not from anything in the click.
    expect((await d.click(choosing(first, question.answer), { user: admin })).text).toContain(
      'Correct!',
    );
    expect(await totals(admin)).toMatchObject({ answered: 1, correct: 1 });
  });

  it('a daily answer counts once per workspace and day: not again in another channel, nor on replay', async () => {
    const bob = d.user('daily-bob');
    const [inA, inB] = [d.channel('a'), d.channel('b')];
    const posts = await postDaily(d.store, d.tenant, [inA, inB]);
    const value = posts[inA]?.buttons?.[0]?.action ?? '';
    const first = await d.click(value, { user: bob, channel: inA });
    expect(first.text).toMatch(/Daily streak/);

    // The identical signed request again (a replay within the platform's five minutes).
    expect((await first.again()).text).toMatch(/already answered/);
    // The same value clicked again, in the same channel and in another of the workspace.
    expect((await d.click(value, { user: bob, channel: inA })).text).toMatch(/already answered/);
    expect((await d.click(value, { user: bob, channel: inB })).text).toMatch(/already answered/);
    // A channel that never had that question.
    const nowhere = await d.click(value, { user: bob, channel: d.channel('nowhere') });
    expect(nowhere.text).toMatch(/doesn't belong to a question I know of/);

    const [, date = ''] = value.split(':');
    const daily = await d.store.getDaily(d.tenant, inA, date);
    const points = content.question(daily?.questionId ?? '')?.answer === 0 ? 10 : 0;
    expect(await totals(bob)).toMatchObject({ dailyAnswered: 1, answered: 1, points });
  });

  it('a closed daily question cannot be answered once the next one has revealed it', async () => {
    const closed = d.channel('closed');
    const yesterday = new Date(Date.now() - 86_400_000);
    await postDaily(d.store, d.tenant, [closed], yesterday);
    await postDaily(d.store, d.tenant, [closed]);
    const question = dailyQuestionFor(content, dateIn(yesterday, ZONE));
    const late = `d:${dateIn(yesterday, ZONE)}:${question.answer}`;
    const listed = d.user('late');
    const text = (await d.click(late, { user: listed, channel: closed })).text;
    expect(text).toMatch(/This question closed .*; the answer was/);
    expect(await totals(listed)).toBeUndefined();
  });
});

describe('Handler: discord (forged signatures)', () => {
  let h: DiscordHandlerHarness;
  beforeAll(async () => {
    h = await startDiscordHandler();
  });
  afterAll(() => h.stop());

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
});
