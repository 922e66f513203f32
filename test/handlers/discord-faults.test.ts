import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quietLogs } from '../helpers/capture-logs.js';
import {
  customIdsOf,
  DISCORD_FIXTURE,
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
 * The real Discord handler with DynamoDB Local behind a fault proxy (throttle, stop) and a
 * slow proxy (writes that outlast their timeout, so the answer is deferred and finished with
 * an edit through the fake Discord API). Scores are read back from DynamoDB directly.
 */
describe('Handler: discord (DynamoDB faults)', () => {
  let h: DiscordHandlerHarness;
  let dynamo: StoreFaults;
  quietLogs();
  beforeAll(async () => {
    dynamo = await startStoreFaults();
    h = await startDiscordHandler({ dynamoEndpoint: dynamo.endpoint });
  });
  afterEach(async () => {
    h.fake.requests.length = 0;
    await dynamo.reset();
  });
  afterAll(async () => {
    await h.stop();
    await dynamo.close();
  });

  const totals = async (userId: string) =>
    (
      await h.store.getLearner({
        platform: 'discord',
        workspaceId: DISCORD_FIXTURE.guildId,
        userId,
      })
    ).totals;
  const quiz = async (userId: string) =>
    customIdsOf(
      (
        await h.send('command-quiz', (i) => {
          i.member.user.id = userId;
        })
      ).json.data,
    );
  const click = (customId: string, userId: string) =>
    h.send('component-answer', (i) => {
      i.data.custom_id = customId;
      i.member.user.id = userId;
    });

  it('answers a command that needs the store with a private, clear "try again" while it throttles', async () => {
    dynamo.faults.always('throttle');
    const seen = h.fake.requests.length;
    const res = await h.send('command-score');
    expectNoInternals(res.body);
    // The SDK backs off between throttled attempts; on a busy machine that can pass the 2 s
    // answer budget, and the reply is then deferred and finished by editing it. Either way the
    // person gets the same private message.
    let flags: unknown;
    let message: Parameters<typeof textOf>[0];
    if (res.status === 202) {
      const [callback, edit] = h.fake.requests.slice(seen);
      flags = (callback?.body as { data?: { flags?: number } } | undefined)?.data?.flags;
      message = edit?.body as Parameters<typeof textOf>[0];
    } else {
      expect(res.status).toBe(200);
      flags = res.json.data.flags;
      message = res.json.data;
    }
    expect(flags).toBe(MessageFlags.Ephemeral);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(message)).toMatch(STORE_DOWN);
  });

  it('does not claim an answer while DynamoDB is stopped, and counts it once when it is back', async () => {
    const user = '1180000000000000011';
    const [first = ''] = await quiz(user);
    await dynamo.faults.stop();
    const refused = await click(first, user);
    expect(refused.status).toBe(200);
    expect(textOf(refused.json.data)).toMatch(NOT_SAVED);
    expect(textOf(refused.json.data)).not.toMatch(FEEDBACK);

    await dynamo.faults.start();
    expect(await totals(user)).toBeUndefined();
    expect(textOf((await click(first, user)).json.data)).toMatch(/Correct!|Not quite/);
    expect(textOf((await click(first, user)).json.data)).toMatch(/already answered/);
    expect(await totals(user)).toMatchObject({ answered: 1 });
  });

  it('finishes a deferred answer whose write timed out without claiming it, and without pings', async () => {
    const user = '1180000000000000012';
    const [first = ''] = await quiz(user);
    // Every attempt times out; together they outlast the 2 s answer budget.
    dynamo.slowDown(1500, ['TransactWriteItems']);
    const res = await click(first, user);
    expect(res.status).toBe(202);
    const [callback, edit] = h.fake.requests;
    expect(callback?.path).toMatch(/^\/interactions\/\d+\/[^/]+\/callback$/);
    expect(callback?.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
    expect(edit?.method).toBe('PATCH');
    const edited = edit?.body as Parameters<typeof textOf>[0];
    expect(edited.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(edited)).toMatch(/can't tell whether your answer was saved/);
    expect(textOf(edited)).not.toMatch(FEEDBACK);

    dynamo.slowDown(0);
    // The held write reaches DynamoDB after all; clicking again shows it, counted once.
    expect(await eventually(() => totals(user))).toMatchObject({ answered: 1 });
    expect(textOf((await click(first, user)).json.data)).toMatch(/already answered/);
    expect(await totals(user)).toMatchObject({ answered: 1 });
  });
});
