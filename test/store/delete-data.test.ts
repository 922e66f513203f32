import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDeletionError } from '../../src/errors.js';
import {
  type DeletionProgress,
  executeDeletion,
  planDeletion,
} from '../../src/store/delete-data.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import type { DynamoStore } from '../../src/store/dynamo-store.js';
import type { Tenant } from '../../src/store/keys.js';
import { reviewCard } from '../../src/tutor/review-schedule.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { postDaily as postDailyRound } from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { asker, fakeClock, testDeps } from '../helpers/test-deps.js';

const T1: Tenant = { platform: 'slack', workspaceId: 'T1' };
const T2: Tenant = { platform: 'slack', workspaceId: 'T2' };
const G1: Tenant = { platform: 'discord', workspaceId: 'G1' };
const DATE = '2026-11-23';
const AT = '2026-11-23T09:00:00.000Z';

/** Everything the tutor keeps about one person in one workspace, written through the store. */
async function seedPerson(store: DynamoStore, tenant: Tenant, userId: string, practice = 2) {
  const user = { ...tenant, userId, name: `${userId}-name` };
  for (let i = 0; i < practice; i++) {
    const nonce = `n${userId.toLowerCase()}${i}xx`;
    const questionId = `q-${i}`;
    await store.savePending(user, { nonce, questionId, issuedAt: AT }, 3600);
    await store.recordPractice(user, {
      nonce,
      questionId,
      topic: i % 2 ? 'compute' : 'storage',
      choices: [0],
      correct: true,
      card: {
        questionId,
        topic: 'compute',
        fsrs: reviewCard(undefined, true, new Date(AT)),
        lastCorrect: true,
        lastAnsweredAt: AT,
      },
      at: AT,
    });
  }
  // A question handed out and never answered.
  await store.savePending(
    user,
    { nonce: `open${userId.toLowerCase()}`, questionId: 'q-9', issuedAt: AT },
    3600,
  );
  const outcome = await store.recordDaily(user, {
    channelId: 'C1',
    date: DATE,
    week: '2026-W48',
    choice: 0,
    correct: true,
    points: 10,
    streak: 1,
    bestStreak: 1,
    lastDailyDate: DATE,
    at: AT,
  });
  expect(outcome.status).toBe('recorded');
}

/** A channel with a question of the day, posted by the daily run, to answer. */
function postDaily(store: DynamoStore, tenant: Tenant) {
  return postDailyRound(store, tenant, ['C1'], new Date(AT));
}

async function seedWorkspace(store: DynamoStore, tenant: Tenant, users: string[]) {
  // The first person turns the question of the day on, as `/aws daily on` does.
  const tutor = createTutor(testDeps({ storeImpl: store, clock: fakeClock(AT) }));
  const first = users[0] ?? '';
  const admin = asker({
    ...tenant,
    platform: 'local',
    channelId: 'C1',
    userId: first,
    userName: `${first}-name`,
  });
  await tutor.handleCommand({ ...admin, platform: tenant.platform as 'slack' }, 'daily on', {
    isAdmin: async () => true,
  });
  await postDaily(store, tenant);
  for (const userId of users) await seedPerson(store, tenant, userId);
}

describe('Function: planDeletion / executeDeletion', () => {
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  const everything = async () =>
    ((await fresh.db.send(new ScanCommand({ TableName: fresh.tableName }))).Items ?? []) as {
      pk: string;
      sk: string;
      subscribedBy?: string;
      subscribedById?: string;
    }[];
  const learner = (tenant: Tenant, userId: string) => fresh.store.getLearner({ ...tenant, userId });

  beforeAll(async () => {
    fresh = await freshStore();
    await seedWorkspace(fresh.store, T1, ['U1', 'U2']);
    await seedWorkspace(fresh.store, T2, ['U1']);
    await seedWorkspace(fresh.store, G1, ['U1']);
  });

  // Deletion can only find what the tenant index holds: every way the store writes an item
  // must give it the index keys. A new kind of item that forgets them fails here.
  it('writes every item with the tenant index keys of its workspace and owner', async () => {
    await fresh.store.claimDaily(T1, {
      channelId: 'C2',
      date: DATE,
      questionId: 'q-1',
      claimId: 'run-1',
      now: AT,
      staleBefore: '2026-11-23T08:55:00.000Z',
    });
    const items = (await everything()) as { pk: string; sk: string; [k: string]: unknown }[];
    expect(items.length).toBeGreaterThan(30);
    for (const item of items) {
      const tenant = /^[UCDW]#(\w+#\w+)(#|$)/.exec(item.pk)?.[1];
      expect(item.gsi2pk, `${item.pk} ${item.sk}`).toBe(`T#${tenant}`);
      const owner = item.pk.startsWith('D#') ? `U#${tenant}#${item.sk.slice(2)}` : item.pk;
      expect(item.gsi2sk, `${item.pk} ${item.sk}`).toBe(owner);
    }
  });

  it('deletes exactly one person: scores, cards, mastery, pending, weekly points, daily answers', async () => {
    const before = await everything();
    const turnedOn = before.find((i) => i.pk === 'C#slack#T1#C1' && i.sk === 'SUB');
    expect(turnedOn).toMatchObject({ subscribedBy: 'U1-name', subscribedById: 'U1' });
    const plan = await planDeletion(fresh.db, fresh.tableName, { ...T1, userId: 'U1' });
    expect(plan.counts).toEqual({
      'score totals': 1,
      'topic mastery': 2,
      'review cards': 2,
      'pending questions': 3,
      'weekly points': 1,
      'daily answers': 1,
    });
    const progress: DeletionProgress[] = [];
    const done = await executeDeletion(fresh.db, fresh.tableName, plan, {
      onProgress: (p) => progress.push(p),
    });
    expect(done).toEqual({ deleted: 10, subscriptionsCleared: 1 });
    expect(progress.at(-1)).toEqual({ deleted: 10, total: 10 });

    // Exactly those ten items are gone; the rest is as it was, but for the subscription,
    // which stays and no longer says who turned it on.
    const after = await everything();
    expect(after).toHaveLength(before.length - 10);
    const subscription = after.find((i) => i.pk === 'C#slack#T1#C1' && i.sk === 'SUB');
    expect(subscription?.subscribedBy).toBe('');
    expect(subscription?.subscribedById).toBeUndefined();
    expect(JSON.stringify(after.filter((i) => i.pk.includes('#T1#')))).not.toContain('U1-name');
    expect(JSON.stringify(after.filter((i) => i.pk.startsWith('U#slack#T1#')))).not.toContain(
      'U#slack#T1#U1',
    );

    const alice = await learner(T1, 'U1');
    expect(alice).toEqual({ topics: [], cards: [], weeks: [], months: [], pending: [] });
    const context = await fresh.store.getDailyContext({ ...T1, userId: 'U1' }, 'C1', DATE);
    expect(context.previous).toBeUndefined();
    // The channel's tally is counted from the answers: only the other person's is left.
    expect(await fresh.store.countDailyAnswers(T1, 'C1', DATE)).toMatchObject({ answered: 1 });
    expect((await fresh.store.leaderboard(T1, 'all', 10)).map((e) => e.userId)).toEqual(['U2']);
    expect((await fresh.store.leaderboard(T1, '2026-W48', 10)).map((e) => e.userId)).toEqual([
      'U2',
    ]);

    // Someone else in the workspace, and the same id in another workspace, are untouched.
    expect((await learner(T1, 'U2')).totals?.answered).toBe(3);
    expect((await learner(T2, 'U1')).totals?.answered).toBe(3);
    expect((await learner(G1, 'U1')).totals?.answered).toBe(3);
    expect((await fresh.store.leaderboard(T2, 'all', 10)).map((e) => e.userId)).toEqual(['U1']);
  });

  it('deletes a whole workspace and nothing of any other', async () => {
    const before = await everything();
    const plan = await planDeletion(fresh.db, fresh.tableName, T2);
    expect(plan.counts).toMatchObject({
      subscriptions: 1,
      'daily questions': 1,
      'channel state': 1,
      'daily answers': 1,
      'score totals': 1,
    });
    await executeDeletion(fresh.db, fresh.tableName, plan);
    const after = await everything();
    // Nothing of T2 is left anywhere in the table (checked with a Scan, in the test only).
    expect(after.filter((i) => `${i.pk}`.includes('#slack#T2#'))).toEqual([]);
    expect(after).toHaveLength(before.length - plan.items.length);
    expect(await fresh.store.getSubscription(T2, 'C1')).toBeUndefined();
    expect(await fresh.store.leaderboard(T2, 'all', 10)).toEqual([]);
    expect((await learner(T1, 'U2')).totals?.answered).toBe(3);
    expect((await learner(G1, 'U1')).totals?.answered).toBe(3);
    expect(await fresh.store.getSubscription(G1, 'C1')).toBeDefined();
    // Asking again finds nothing more to delete.
    expect((await planDeletion(fresh.db, fresh.tableName, T2)).items).toEqual([]);
  });
});

describe('Function: executeDeletion (throttled batches)', () => {
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let db: ReturnType<typeof createDocumentClient>;
  const noWait = async () => {};
  beforeAll(async () => {
    fresh = await freshStore();
    proxy = await startFaultProxy(fresh.endpoint);
    db = createDocumentClient(
      { tableName: fresh.tableName, endpoint: proxy.endpoint, region: 'us-east-1' },
      { requestTimeoutMs: 10_000 },
    );
    await postDaily(fresh.store, T1);
  });
  afterAll(() => proxy.close());

  it('deletes in batches of 25 and retries what DynamoDB hands back unprocessed', async () => {
    // 30 practice answers: 30 cards, 31 pending, 2 topics, totals, week, daily answer = 66.
    await seedPerson(fresh.store, T1, 'U7', 30);
    const plan = await planDeletion(db, fresh.tableName, { ...T1, userId: 'U7' });
    expect(plan.items).toHaveLength(66);
    proxy.faults.push('unprocessed', 'unprocessed');
    const progress: DeletionProgress[] = [];
    const done = await executeDeletion(db, fresh.tableName, plan, {
      onProgress: (p) => progress.push(p),
      sleep: noWait,
    });
    expect(done.deleted).toBe(66);
    expect(progress.map((p) => p.deleted)).toEqual([25, 50, 66]);
    expect(proxy.counts().faulted).toBe(2);
    expect(await fresh.store.getLearner({ ...T1, userId: 'U7' })).toEqual({
      topics: [],
      cards: [],
      weeks: [],
      months: [],
      pending: [],
    });
  });

  it('stops with DataDeletionError naming what is left when DynamoDB keeps refusing', async () => {
    await seedPerson(fresh.store, T1, 'U8', 1);
    const plan = await planDeletion(db, fresh.tableName, { ...T1, userId: 'U8' });
    proxy.always('unprocessed');
    const error = await executeDeletion(db, fresh.tableName, plan, {
      maxAttempts: 3,
      sleep: noWait,
    }).catch((e: unknown) => e);
    proxy.always('pass');
    expect(error).toBeInstanceOf(DataDeletionError);
    expect((error as DataDeletionError).remaining).toBe(plan.items.length);
    expect((error as Error).message).toMatch(/run the same command again/);
    // Running it again finishes the job.
    await executeDeletion(db, fresh.tableName, plan, { sleep: noWait });
    expect((await fresh.store.getLearner({ ...T1, userId: 'U8' })).totals).toBeUndefined();
  });
});
