import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quietLogs } from '../helpers/capture-logs.js';
import { type ChatDriver, PLATFORMS, type SendAs } from '../helpers/chat-driver.js';
import { postDaily } from '../helpers/daily-round.js';
import {
  customIdsOf,
  type DiscordHandlerHarness,
  startDiscordHandler,
  textOf,
} from '../helpers/discord-handler.js';
import { eventually } from '../helpers/eventually.js';
import { expectNoInternals } from '../helpers/hostile-input.js';
import {
  FEEDBACK,
  NOT_SAVED,
  STORE_DOWN,
  type StoreFaults,
  startStoreFaults,
} from '../helpers/store-faults.js';

/**
 * Each platform's real handler with DynamoDB Local behind two proxies: one that throttles,
 * fails or stops on demand, and one that slows writes down. What is checked is what the person
 * sees and what DynamoDB holds afterwards: never a success for an answer that was not saved,
 * never an answer counted twice, and none lost once the store is back.
 */
describe.each(PLATFORMS)('Handler: %s (DynamoDB faults)', (_, start) => {
  let d: ChatDriver;
  let dynamo: StoreFaults;
  quietLogs();
  beforeAll(async () => {
    dynamo = await startStoreFaults();
    d = await start({ dynamoEndpoint: dynamo.endpoint });
  });
  afterEach(() => dynamo.reset());
  afterAll(async () => {
    await d.stop();
    await dynamo.close();
  });

  async function aws(text: string, user: string) {
    const seen = await d.command(text, { user });
    expectNoInternals(seen.body);
    return seen;
  }
  /** The first answer button of a practice question drawn for `user`. */
  const firstAnswer = async (topic: string, user: string) =>
    (await aws(`quiz ${topic}`, user)).buttons[0] ?? '';
  /** Clicks; the feedback is for the person who clicked alone, whatever happened. */
  async function clicked(value: string, as: SendAs) {
    const seen = await d.click(value, as);
    expect(seen.private).toBe(true);
    expectNoInternals(seen.text);
    return seen;
  }
  const click = async (value: string, as: SendAs) => (await clicked(value, as)).text;
  const totals = async (userId: string) => (await d.learner(userId)).totals;

  it('answers every command that needs the store with a private, clear "try again" while it throttles', async () => {
    const user = d.user('throttled');
    dynamo.faults.always('throttle');
    for (const text of ['quiz', 'score']) {
      const seen = await aws(text, user);
      expect(seen.text).toMatch(STORE_DOWN);
      expect(seen.private).toBe(true);
    }
    expect((await aws('leaderboard all', user)).text).toMatch(STORE_DOWN);
    // Looking a concept up needs no store, and still works.
    expect((await aws('lamda', user)).title).toBe('AWS Lambda');
  });

  it('does not claim a throttled answer, and counts it once when it is clicked again', async () => {
    const bob = d.user('bob');
    const first = await firstAnswer('serverless', bob);
    dynamo.faults.always('throttle');
    const refused = await click(first, { user: bob });
    expect(refused).toMatch(NOT_SAVED);
    expect(refused).not.toMatch(FEEDBACK);
    expect(await totals(bob)).toBeUndefined();

    dynamo.faults.always('pass');
    expect(await click(first, { user: bob })).toMatch(/Correct!|Not quite/);
    expect(await click(first, { user: bob })).toMatch(/already answered/);
    expect(await totals(bob)).toMatchObject({ answered: 1 });
  });

  // One throttle: the SDK's throttling backoff is random up to 500 ms, so two could
  // outlast the click's store budget on a loaded machine and make this test flaky.
  it('rides out a throttled request without the person noticing', async () => {
    const owner = d.user('owner');
    const first = await firstAnswer('architecture', owner);
    dynamo.faults.faults.push('throttle');
    expect(await click(first, { user: owner })).toMatch(/Correct!|Not quite/);
    expect(await totals(owner)).toMatchObject({ answered: 1 });
  });

  it('does not claim a practice answer while DynamoDB is stopped, and counts it once when it is back', async () => {
    const user = d.user('stopped');
    const first = await firstAnswer('serverless', user);
    await dynamo.faults.stop();
    // A store that refuses connections fails fast: answered at once, not deferred.
    const { status, text: refused } = await clicked(first, { user });
    expect(status).toBe(200);
    expect(refused).toMatch(NOT_SAVED);
    expect(refused).not.toMatch(FEEDBACK);

    await dynamo.faults.start();
    expect(await totals(user)).toBeUndefined();
    expect(await click(first, { user })).toMatch(/Correct!|Not quite/);
    expect(await click(first, { user })).toMatch(/already answered/);
    expect(await totals(user)).toMatchObject({ answered: 1 });
  });

  it('says a daily answer was not saved while DynamoDB is stopped, and scores it once after', async () => {
    const channel = d.channel('stopped');
    const { [channel]: daily } = await postDaily(d.store, d.tenant, [channel]);
    const value = daily?.buttons?.[0]?.action ?? '';
    const as = { user: d.user('admin'), channel };
    await dynamo.faults.stop();
    const refused = await click(value, as);
    expect(refused).toMatch(NOT_SAVED);
    expect(refused).not.toMatch(FEEDBACK);

    await dynamo.faults.start();
    expect(await totals(as.user)).toBeUndefined();
    expect(await click(value, as)).toMatch(/Daily streak/);
    expect(await click(value, as)).toMatch(/already answered/);
    expect(await totals(as.user)).toMatchObject({ dailyAnswered: 1 });
  });

  it('records a slow but successful answer once and says how it went', async () => {
    const listed = d.user('listed');
    const first = await firstAnswer('serverless', listed);
    dynamo.slowDown(200, ['TransactWriteItems']); // slower than usual, inside each attempt's limit
    expect(await click(first, { user: listed })).toMatch(/Correct!|Not quite/);
    expect(await totals(listed)).toMatchObject({ answered: 1 });
  });

  it('never claims an answer whose write timed out; it counts once, whatever happened to it', async () => {
    const slow = d.user('slow');
    const first = await firstAnswer('end-user', slow);
    // Each attempt gives up before DynamoDB answers, but the held writes still reach it.
    dynamo.slowDown(1500, ['TransactWriteItems']);
    const unsure = await click(first, { user: slow });
    expect(unsure).toMatch(/can't tell whether your answer was saved/);
    expect(unsure).not.toMatch(FEEDBACK);

    dynamo.slowDown(0);
    // The held write does reach DynamoDB after the client gave up: "not recorded" would have
    // been untrue. Clicking again shows the result that was saved, and does not count twice.
    expect(await eventually(() => totals(slow))).toMatchObject({ answered: 1 });
    const again = await click(first, { user: slow });
    expect(again).toMatch(/already answered/);
    expect(again).toMatch(/Correct!|Not quite/);
    expect(await totals(slow)).toMatchObject({ answered: 1 });
  });
});

/**
 * Discord answers an interaction within 3 s or not at all, so a click whose write outlasts the
 * budget is deferred and finished by editing the message through the REST API.
 */
describe('Handler: discord (a deferred answer under DynamoDB faults)', () => {
  let h: DiscordHandlerHarness;
  let dynamo: StoreFaults;
  quietLogs();
  beforeAll(async () => {
    dynamo = await startStoreFaults();
    h = await startDiscordHandler({ dynamoEndpoint: dynamo.endpoint });
  });
  afterAll(async () => {
    await h.stop();
    await dynamo.close();
  });

  it('finishes a deferred answer whose write timed out without claiming it, and without pings', async () => {
    const user = '1180000000000000012';
    const quiz = await h.send('command-quiz', (i) => {
      i.member.user.id = user;
    });
    const [first = ''] = customIdsOf(quiz.json.data);
    h.fake.requests.length = 0;
    // Every attempt times out; together they outlast the 2 s answer budget.
    dynamo.slowDown(1500, ['TransactWriteItems']);
    const res = await h.send('component-answer', (i) => {
      i.data.custom_id = first;
      i.member.user.id = user;
    });
    dynamo.slowDown(0);
    expect(res.status).toBe(202);
    const [callback, edit] = h.fake.requests;
    expect(callback?.path).toMatch(/^\/interactions\/\d+\/[^/]+\/callback$/);
    expect(callback?.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
    expect(edit?.method).toBe('PATCH');
    const edited = edit?.body as Parameters<typeof textOf>[0];
    expect(edited.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(edited)).toMatch(/can't tell whether your answer was saved/);
    expect(textOf(edited)).not.toMatch(FEEDBACK);
  });
});
