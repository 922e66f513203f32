import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { startConflictProxy } from '../helpers/conflict-proxy.js';
import { answerAction, postDaily } from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { type SlackHandlerHarness, startSlackHandler } from '../helpers/slack-handler.js';
import { NOT_SAVED } from '../helpers/store-faults.js';

const TEAM = 'T0AWSTUTOR';
const CHANNEL = 'C0BURST01';
const PEOPLE = 1000;
/**
 * Clicks in flight at once, as that many Lambda instances would be: enough for transactions to
 * overlap (the proxy refuses any that share an item), few enough that one DynamoDB Local on a
 * busy 2-core CI machine answers each inside the click's budget. The bench runs 16.
 */
const IN_FLIGHT = 4;

/** Runs `work` for 0…n-1 with at most `limit` at a time. */
async function inParallel(n: number, limit: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

describe('Handler: slack (a burst of answers to one daily question)', () => {
  let proxy: Awaited<ReturnType<typeof startConflictProxy>>;
  let h: SlackHandlerHarness;

  beforeAll(async () => {
    proxy = await startConflictProxy(inject('dynamoEndpoint'));
    h = await startSlackHandler({ dynamoEndpoint: proxy.endpoint });
  });
  afterAll(async () => {
    await h.stop();
    await proxy.close();
  });

  it('refuses a transaction on an item another one is writing, as DynamoDB does', async () => {
    const { tableName } = await freshStore();
    const db = createDocumentClient(
      { tableName, endpoint: proxy.endpoint, region: 'us-east-1' },
      { maxAttempts: 1 },
    );
    const bump = () =>
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: { pk: 'hot', sk: 'item' },
                UpdateExpression: 'ADD n :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    const results = await Promise.allSettled([bump(), bump()]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(JSON.stringify((refused[0] as PromiseRejectedResult).reason)).toMatch(
      /TransactionConflict/,
    );
  });

  it(`${PEOPLE} people answer at once: none lost, none doubled, nobody told to try again`, {
    timeout: 180_000,
  }, async () => {
    const { [CHANNEL]: post } = await postDaily(h.store, { platform: 'slack', workspaceId: TEAM }, [
      CHANNEL,
    ]);
    if (!post) throw new Error('no daily post');
    const button = { action_id: 'aws:answer:0', value: answerAction(post) };
    const user = (i: number) => `U0B${String(i).padStart(6, '0')}`;
    const conflictsBefore = proxy.counts().conflicts;

    await inParallel(PEOPLE, IN_FLIGHT, async (i) => {
      const as = { user: user(i), name: `p${i}`, ephemeral: false, channel: CHANNEL };
      await h.invoke(h.click(button, `burst-${i}`, as));
      // Every tenth person double-clicks.
      if (i % 10 === 0) await h.invoke(h.click(button, `again-${i}`, as));
    });

    const texts = (id: string) => h.fake.posted(id).map((m) => JSON.stringify(m.blocks));
    const first = Array.from({ length: PEOPLE }, (_, i) => texts(`burst-${i}`));
    const notSaved = first.filter((t) => t.some((x) => NOT_SAVED.test(x) || /try again/i.test(x)));
    const scored = first.filter(
      (t) => t.length === 1 && /Correct!.*Daily streak: 1/.test(t[0] ?? ''),
    );
    const again = Array.from({ length: PEOPLE / 10 }, (_, j) => texts(`again-${j * 10}`));
    expect(notSaved).toEqual([]);
    expect(scored).toHaveLength(PEOPLE);
    expect(again.filter((t) => /already answered/.test(t[0] ?? ''))).toHaveLength(PEOPLE / 10);

    const tenant = { platform: 'slack', workspaceId: TEAM };
    const date = button.value.split(':')[1] ?? '';
    expect(await h.store.countDailyAnswers(tenant, CHANNEL, date)).toEqual({
      answered: PEOPLE,
      correct: PEOPLE,
    });
    // Everyone on the board with exactly 10 points: one answer each, none lost, none doubled.
    expect(await h.store.countAhead(tenant, 'all', 9)).toBe(PEOPLE);
    expect(await h.store.countAhead(tenant, 'all', 10)).toBe(0);
    // No item is shared by the answers, so DynamoDB has nothing to cancel them over.
    expect(proxy.counts().conflicts - conflictsBefore).toBe(0);
  });
});
