import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quietLogs } from '../helpers/capture-logs.js';
import { postDaily } from '../helpers/daily-round.js';
import { eventually } from '../helpers/eventually.js';
import { expectNoInternals } from '../helpers/hostile-input.js';
import {
  buttonsOf,
  type SlackHandlerHarness,
  startSlackHandler,
  USERS,
} from '../helpers/slack-handler.js';
import { commandEvent } from '../helpers/slack-request.js';
import {
  FEEDBACK,
  NOT_SAVED,
  STORE_DOWN,
  type StoreFaults,
  startStoreFaults,
} from '../helpers/store-faults.js';

// biome-ignore lint/suspicious/noExplicitAny: replies are inspected as the JSON Slack receives
type Json = any;

const TEAM = 'T0AWSTUTOR';

/**
 * The real Slack handler with DynamoDB Local behind two proxies: one that throttles, fails or
 * stops on demand, and one that slows writes down. What is checked is what the person sees and
 * what DynamoDB holds afterwards: never a success for an answer that was not saved, never an
 * answer counted twice, and none lost once the store is back.
 */
describe('Handler: slack (DynamoDB faults)', () => {
  let h: SlackHandlerHarness;
  let dynamo: StoreFaults;
  quietLogs();
  beforeAll(async () => {
    dynamo = await startStoreFaults();
    h = await startSlackHandler({ dynamoEndpoint: dynamo.endpoint });
  });
  afterEach(() => dynamo.reset());
  afterAll(async () => {
    await h.stop();
    await dynamo.close();
  });

  let responses = 0;
  async function aws(text: string, user: string = USERS.alice) {
    const res = await h.invoke(commandEvent({ text, user_id: user }));
    expect(res.status).toBe(200);
    expectNoInternals(res.body);
    return res.json as Json;
  }
  /** Clicks and returns the text posted back to the click's response_url. */
  async function click(button: Json, as: Parameters<SlackHandlerHarness['click']>[2] = {}) {
    const id = `fault-${responses++}`;
    const res = await h.invoke(h.click(button, id, as));
    expect(res.status).toBe(200);
    const [posted] = h.fake.posted(id);
    expect(posted?.response_type).toBe('ephemeral');
    return JSON.stringify(posted?.blocks);
  }
  const totals = async (userId: string) =>
    (await h.store.getLearner({ platform: 'slack', workspaceId: TEAM, userId })).totals;

  it('answers every command that needs the store with a clear "try again" while it throttles', async () => {
    dynamo.faults.always('throttle');
    for (const text of ['quiz', 'leaderboard all']) {
      expect(JSON.stringify((await aws(text)).blocks)).toMatch(STORE_DOWN);
    }
    // Looking a concept up needs no store, and still works.
    expect((await aws('lamda')).blocks[0].text.text).toBe('AWS Lambda');
  });

  it('does not claim a throttled answer, and counts it once when it is clicked again', async () => {
    const [first] = buttonsOf(await aws('quiz serverless', USERS.bob));
    dynamo.faults.always('throttle');
    const refused = await click(first, { user: USERS.bob, name: 'bob' });
    expect(refused).toMatch(NOT_SAVED);
    expect(refused).not.toMatch(FEEDBACK);
    expect(await totals(USERS.bob)).toBeUndefined();

    dynamo.faults.always('pass');
    expect(await click(first, { user: USERS.bob, name: 'bob' })).toMatch(/Correct!|Not quite/);
    expect(await click(first, { user: USERS.bob, name: 'bob' })).toMatch(/already answered/);
    expect(await totals(USERS.bob)).toMatchObject({ answered: 1 });
  });

  // One throttle: the SDK's throttling backoff is random up to 500 ms, so two could
  // outlast the click's store budget on a loaded machine and make this test flaky.
  it('rides out a throttled request without the person noticing', async () => {
    const [first] = buttonsOf(await aws('quiz architecture', USERS.owner));
    dynamo.faults.faults.push('throttle');
    expect(await click(first, { user: USERS.owner, name: 'owner' })).toMatch(/Correct!|Not quite/);
    expect(await totals(USERS.owner)).toMatchObject({ answered: 1 });
  });

  it('says a daily answer was not saved while DynamoDB is stopped, and scores it once after', async () => {
    const channel = 'C0STOPPED1';
    const { [channel]: daily } = await postDaily(
      h.store,
      { platform: 'slack', workspaceId: TEAM },
      [channel],
    );
    const button = { action_id: 'aws:answer:0', value: daily?.buttons?.[0]?.action ?? '' };
    const as = { user: USERS.admin, name: 'admin', ephemeral: false, channel };
    await dynamo.faults.stop();
    const refused = await click(button, as);
    expect(refused).toMatch(NOT_SAVED);
    expect(refused).not.toMatch(FEEDBACK);

    await dynamo.faults.start();
    expect(await totals(USERS.admin)).toBeUndefined();
    expect(await click(button, as)).toMatch(/Daily streak/);
    expect(await click(button, as)).toMatch(/already answered/);
    expect(await totals(USERS.admin)).toMatchObject({ dailyAnswered: 1 });
  });

  it('records a slow but successful answer once and says how it went', async () => {
    const [first] = buttonsOf(await aws('quiz serverless', USERS.listed));
    dynamo.slowDown(200, ['TransactWriteItems']); // slower than usual, inside each attempt's limit
    expect(await click(first, { user: USERS.listed, name: 'listed' })).toMatch(
      /Correct!|Not quite/,
    );
    expect(await totals(USERS.listed)).toMatchObject({ answered: 1 });
  });

  it('never claims an answer whose write timed out; it counts once, whatever happened to it', async () => {
    const [first] = buttonsOf(await aws('quiz end-user', 'U0SLOWWR1'));
    // Each attempt gives up before DynamoDB answers, but the held writes still reach it.
    dynamo.slowDown(1500, ['TransactWriteItems']);
    const unsure = await click(first, { user: 'U0SLOWWR1', name: 'slow' });
    expect(unsure).toMatch(/can't tell whether your answer was saved/);
    expect(unsure).not.toMatch(FEEDBACK);

    dynamo.slowDown(0);
    // The held write does reach DynamoDB after the client gave up: "not recorded" would have
    // been untrue. Clicking again shows the result that was saved, and does not count twice.
    expect(await eventually(() => totals('U0SLOWWR1'))).toMatchObject({ answered: 1 });
    const again = await click(first, { user: 'U0SLOWWR1', name: 'slow' });
    expect(again).toMatch(/already answered/);
    expect(again).toMatch(/Correct!|Not quite/);
    expect(await totals('U0SLOWWR1')).toMatchObject({ answered: 1 });
  });
});
