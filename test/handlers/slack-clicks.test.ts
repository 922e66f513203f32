import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChooseTwoExam } from '../helpers/choose-two-exam.js';
import { postDaily } from '../helpers/daily-round.js';
import { expectWithinSlackLimits, textsOf } from '../helpers/slack-blocks.js';
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

/**
 * Button clicks through the real handler: the click is acknowledged with an empty 200 and
 * answered through its response_url, which points at the fake Slack server.
 */
describe('Handler: slack (button clicks)', () => {
  let h: SlackHandlerHarness;
  beforeAll(async () => {
    h = await startSlackHandler();
  });
  afterAll(() => h.stop());

  async function aws(text: string, user: string = USERS.alice, name = 'alice') {
    const res = await h.invoke(commandEvent({ text, user_id: user, user_name: name }));
    expect(res.status).toBe(200);
    return res.json as Json;
  }
  const textOf = (message: Json) => JSON.stringify(message.blocks);
  /** What the app posted to response URL `id`, in order. */
  const posted = (id: string): Json[] => h.fake.posted(id);
  const click: SlackHandlerHarness['click'] = (...args) => h.click(...args);

  async function send(event: ReturnType<typeof click>) {
    const res = await h.invoke(event);
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // block_actions are acknowledged empty; the answer goes to response_url
    return res;
  }

  const answered = async (user: string, name: string) => {
    const score = await aws('score', user, name);
    const field = score.blocks
      .flatMap((b: Json) => b.fields ?? [])
      .find((f: Json) => f.text.startsWith('*Answered*'));
    return field?.text as string | undefined;
  };

  it('answering a practice question replaces it privately, and a Slack retry does not score again', async () => {
    const quiz = await aws('quiz serverless');
    const [first] = buttonsOf(quiz);
    const event = click(first, 'practice-1');
    await send(event);
    const [feedback] = posted('practice-1');
    expect(feedback).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expectWithinSlackLimits(feedback);
    expect(feedback.blocks[0].text.text).toMatch(/Correct|Not quite/);

    // Slack retries a request it thinks timed out: same body, same signature, retry headers.
    await send({
      ...event,
      headers: {
        ...event.headers,
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      },
    });
    // The retry shows the recorded result again in place of the question, privately.
    const retried = posted('practice-1')[1];
    expect(retried).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(textOf(retried)).toMatch(/You already answered/);
    expect(await answered(USERS.alice, 'alice')).toMatch(/^\*Answered\*\n1 \(/);
  });

  it('two clicks racing each other on one question score once', async () => {
    const quiz = await aws('quiz architecture', USERS.bob, 'bob');
    const [a, b] = buttonsOf(quiz);
    await Promise.all([
      send(click(a, 'race-a', { user: USERS.bob, name: 'bob' })),
      send(click(b, 'race-b', { user: USERS.bob, name: 'bob' })),
    ]);
    const texts = [...posted('race-a'), ...posted('race-b')].map(textOf);
    expect(texts.filter((t) => t.includes('You already answered'))).toHaveLength(1);
    expect(await answered(USERS.bob, 'bob')).toMatch(/^\*Answered\*\n1 \(/);
  });

  it("answering the channel's daily question never shows the feedback to the channel", async () => {
    const channel = 'C0DAILYQ1';
    const { [channel]: daily } = await postDaily(
      h.store,
      { platform: 'slack', workspaceId: 'T0AWSTUTOR' },
      [channel],
    );
    const value = daily?.buttons?.[0]?.action ?? '';
    expect(value).toMatch(/^d:/);
    const options = { user: USERS.admin, name: 'admin', ephemeral: false, channel };
    await send(click({ action_id: 'aws:answer:0', value }, 'daily-1', options));
    const [feedback] = posted('daily-1');
    expect(feedback).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(feedback.blocks[0].text.text).toMatch(/Correct|Not quite/);

    await send(
      click({ action_id: 'aws:answer:1', value: value.replace(/\d$/, '1') }, 'daily-2', options),
    );
    expect(textOf(posted('daily-2')[0])).toMatch(/You already answered/);
  });

  it('team: what the practice and daily answers so far add up to, naming nobody, within limits', async () => {
    // The owner misses one on purpose, so a concept is missed for certain.
    const quiz = await aws('quiz architecture', USERS.owner, 'owner');
    const escaped = (t: string) =>
      t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // Found in the rendered texts, not in their JSON, where a quoted word is escaped again.
    const shown = textsOf(quiz).join('\n');
    const question = content.questions.find((q) => shown.includes(escaped(q.question)));
    const wrong = question?.choices.findIndex((_, i) => !question.answers.includes(i)) ?? -1;
    await send(click(buttonsOf(quiz)[wrong], 'team-miss', { user: USERS.owner, name: 'owner' }));
    const reply = await aws('team', USERS.owner, 'owner');
    expect(reply.response_type).toBe('ephemeral');
    expectWithinSlackLimits(reply);
    const text = textOf(reply);
    expect(reply.blocks[0].text.text).toBe('Team: the last 4 weeks');
    // alice and bob practised above, admin answered the daily question, and the owner: four.
    expect(text).toMatch(/this week ▓{10} 4 people/);
    expect(text).toContain('Share right by topic');
    for (const name of ['alice', 'bob', 'admin', 'owner']) expect(text).not.toContain(name);
    // The three most missed concepts are listed. The owner's miss is one of them, unless the
    // other one-off misses above (random choices) tie with it and fill the list.
    const missed = textsOf(reply).find((t) => t.startsWith('*Missed most often*')) ?? '';
    const listed = [...missed.matchAll(/^\d\. (.+): \d+ wrong of \d+$/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    if (listed.length < 3) expect(listed).toContain(content.note(question?.concept ?? '')?.title);
    // A concept missed offers Read and Practise; Practise asks about that concept, privately.
    const practise = buttonsOf(reply).find((b: Json) => b.text.text.startsWith('Practise:'));
    await send(click(practise, 'team-practise', { user: USERS.owner, name: 'owner' }));
    expect(textOf(posted('team-practise')[0])).toContain('Practice question');
  });

  it('exam: checkboxes and Submit for "choose two", a ticked box only acknowledged, then the report', async () => {
    const { multi, single } = await startChooseTwoExam(
      h.store,
      { platform: 'slack', workspaceId: 'T0AWSTUTOR', userId: USERS.bob },
      'slack12345',
    );
    const bob = { user: USERS.bob, name: 'bob' };
    const first = await aws('exam', USERS.bob, 'bob');
    expectWithinSlackLimits(first);
    expect(first.blocks[0].text.text).toBe('Exam: question 1 of 2');
    const [boxes, submit] = buttonsOf(first);
    expect(boxes.type).toBe('checkboxes');
    expect(submit.action_id).toBe('aws:submit');
    // Ticking a box is acknowledged and answered with nothing.
    await send(click({ action_id: boxes.action_id, value: '' }, 'exam-tick', bob));
    expect(posted('exam-tick')).toEqual([]);
    const ticked = {
      values: {
        choices: {
          [boxes.action_id]: {
            type: 'checkboxes',
            selected_options: multi.answers.map((i) => ({ value: String(i) })),
          },
        },
      },
    };
    await send(click(submit, 'exam-submit', { ...bob, state: ticked }));
    const [second] = posted('exam-submit');
    expect(second).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(second.blocks[0].text.text).toBe('Exam: question 2 of 2');
    const right = buttonsOf(second)[single.answer];
    await send(click(right, 'exam-last', bob));
    const [report] = posted('exam-last');
    expectWithinSlackLimits(report);
    expect(report.blocks[0].text.text).toBe('Exam report: 2 of 2 right (100%)');
    // A retried last click shows the report again, and counts nothing twice.
    await send(click(right, 'exam-retry', bob));
    expect(textOf(posted('exam-retry')[0])).toContain('here is its report again');
    expect(await answered(USERS.bob, 'bob')).toMatch(/^\*Answered\*\n3 \(/);
  });

  it('Share in channel posts the card for everyone, leaving the private card alone', async () => {
    const card = await aws('lamda');
    const share = buttonsOf(card).find((b) => b.text.text === 'Share in channel');
    await send(click(share, 'share-1'));
    const [shared] = posted('share-1');
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shared.blocks[0].text.text).toBe('AWS Lambda');
    expect(textOf(shared)).toContain('Shared by alice');
    expectWithinSlackLimits(shared);
  });

  it('a button value we never issued gets a polite private answer', async () => {
    await send(click({ action_id: 'aws:answer:0', value: 'p:<!channel>:x:9' }, 'forged-1'));
    const [reply] = posted('forged-1');
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain("doesn't belong to a question I know of");
  });

  it('an expired response_url is logged, and Slack still gets its 200', async () => {
    const quiz = await aws('quiz end-user', USERS.owner, 'owner');
    await send(click(buttonsOf(quiz)[0], 'expired-1', { user: USERS.owner, name: 'owner' }));
    expect(posted('expired-1')).toHaveLength(1);
  });

  // The fake never answers a "stalled" response_url: if the handler waited for it without a
  // timeout of its own, this test would hang until vitest's timeout and fail.
  it('a response_url that never answers is given up on, so Slack still gets its 200', async () => {
    const quiz = await aws('quiz end-user', USERS.owner, 'owner');
    await send(click(buttonsOf(quiz)[0], 'stalled-1', { user: USERS.owner, name: 'owner' }));
  });

  it('buttons that are not ours are not answered (404)', async () => {
    const res = await h.invoke(click({ action_id: 'other-app', value: 'c:sqs' }, 'not-ours'));
    expect(res.status).toBe(404);
    expect(posted('not-ours')).toHaveLength(0);
  });
});
