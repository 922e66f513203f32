import { describe, expect, it } from 'vitest';
import { ConcurrentUpdateError, StoreUnavailableError } from '../../src/errors.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import type { DailyAnswer, PracticeAnswer } from '../../src/store/tutor-store.js';
import { reviewCard } from '../../src/tutor/review-schedule.js';
import { freshStore } from '../helpers/dynamo.js';

const alice = { platform: 'slack', workspaceId: 'T1', userId: 'U1', name: 'alice' };
const at = '2026-11-23T09:00:00.000Z';

function practice(nonce: string, correct = true): PracticeAnswer {
  return {
    nonce,
    questionId: 'sqs-pull',
    topic: 'messaging',
    choices: [0],
    correct,
    card: {
      questionId: 'sqs-pull',
      topic: 'messaging',
      fsrs: reviewCard(undefined, correct, new Date(at)),
      lastCorrect: correct,
      lastAnsweredAt: at,
    },
    at,
  };
}

function daily(overrides: Partial<DailyAnswer> = {}): DailyAnswer {
  return {
    channelId: 'C1',
    date: '2026-11-23',
    week: '2026-W48',
    choice: 1,
    correct: true,
    points: 10,
    streak: 1,
    bestStreak: 1,
    lastDailyDate: overrides.date ?? '2026-11-23',
    at,
    ...overrides,
  };
}

describe('Class: DynamoStore', () => {
  it('records a practice answer once and reports the second click as a duplicate', async () => {
    const { store } = await freshStore();
    await store.savePending(alice, { nonce: 'n1', questionId: 'sqs-pull', issuedAt: at }, 3600);
    expect((await store.recordPractice(alice, practice('n1'))).status).toBe('recorded');
    expect((await store.recordPractice(alice, practice('n1'))).status).toBe('duplicate');
    const state = await store.getLearner(alice);
    expect(state.totals).toMatchObject({ answered: 1, correct: 1, points: 0, ranked: false });
    expect(state.topics).toEqual([{ topic: 'messaging', answered: 1, correct: 1 }]);
    expect(state.cards).toHaveLength(1);
  });

  it('refuses a practice answer for a question that was never handed out', async () => {
    const { store } = await freshStore();
    expect((await store.recordPractice(alice, practice('never'))).status).toBe('duplicate');
    expect((await store.getLearner(alice)).totals).toBeUndefined();
  });

  it('counts exactly one of many simultaneous clicks on the same practice question', async () => {
    const { store } = await freshStore();
    await store.savePending(alice, { nonce: 'n1', questionId: 'sqs-pull', issuedAt: at }, 3600);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => store.recordPractice(alice, practice('n1'))),
    );
    expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(1);
    expect((await store.getLearner(alice)).totals?.answered).toBe(1);
  });

  it('scores a daily answer once per person per day, even across channels', async () => {
    const { store } = await freshStore();
    expect((await store.recordDaily(alice, daily())).status).toBe('recorded');
    expect((await store.recordDaily(alice, daily({ channelId: 'C2' }))).status).toBe('duplicate');
    const ctx = await store.getDailyContext(alice, 'C1', '2026-11-23');
    expect(ctx.previous).toEqual({ choice: 1, correct: true, channelId: 'C1' });
    expect(ctx.totals).toMatchObject({ points: 10, dailyAnswered: 1, streak: 1, ranked: true });
    expect(await store.countDailyAnswers(alice, 'C1', '2026-11-23')).toEqual({
      answered: 1,
      correct: 1,
    });
    expect(await store.countDailyAnswers(alice, 'C2', '2026-11-23')).toEqual({
      answered: 0,
      correct: 0,
    });
  });

  it('loses nothing and doubles nothing when many users answer at once with double clicks', async () => {
    const { store } = await freshStore();
    const users = Array.from({ length: 30 }, (_, i) => ({
      ...alice,
      userId: `U${i}`,
      name: `user${i}`,
    }));
    const clicks = users.flatMap((u, i) => [
      store.recordDaily(u, daily({ correct: i % 2 === 0, points: i % 2 === 0 ? 10 : 0 })),
      store.recordDaily(u, daily({ correct: i % 2 === 0, points: i % 2 === 0 ? 10 : 0 })),
    ]);
    const outcomes = await Promise.all(clicks);
    expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(30);
    expect(await store.countDailyAnswers(alice, 'C1', '2026-11-23')).toEqual({
      answered: 30,
      correct: 15,
    });
    const board = await store.leaderboard(alice, 'all', 100);
    expect(board).toHaveLength(30);
    expect(board.reduce((sum, e) => sum + e.points, 0)).toBe(150);
  });

  it('keeps workspaces apart: another team never sees these scores', async () => {
    const { store } = await freshStore();
    const bob = { ...alice, workspaceId: 'T2', userId: 'U1', name: 'bob' };
    await store.recordDaily(alice, daily());
    expect(await store.leaderboard(bob, 'all', 10)).toEqual([]);
    expect((await store.getLearner(bob)).totals).toBeUndefined();
    expect((await store.recordDaily(bob, daily())).status).toBe('recorded');
    expect((await store.leaderboard(alice, 'all', 10)).map((e) => e.name)).toEqual(['alice']);
  });

  it('sorts the board by points and counts who is ahead', async () => {
    const { store } = await freshStore();
    for (const [i, points] of [10, 30, 20, 30].entries()) {
      await store.recordDaily({ ...alice, userId: `U${i}`, name: `u${i}` }, daily({ points }));
    }
    expect((await store.leaderboard(alice, 'all', 10)).map((e) => e.points)).toEqual([
      30, 30, 20, 10,
    ]);
    expect(await store.countAhead(alice, 'all', 20)).toBe(2);
    expect(await store.countAhead(alice, 'all', 30)).toBe(0);
  });

  it('starts a new weekly board by week key, with no clean-up', async () => {
    const { store } = await freshStore();
    await store.recordDaily(alice, daily());
    await store.recordDaily(
      alice,
      daily({
        date: '2026-11-30',
        week: '2026-W49',
        streak: 1,
        expectedLastDailyDate: '2026-11-23',
      }),
    );
    expect((await store.leaderboard(alice, '2026-W48', 10))[0]?.points).toBe(10);
    expect((await store.leaderboard(alice, '2026-W49', 10))[0]?.points).toBe(10);
    expect((await store.leaderboard(alice, 'all', 10))[0]?.points).toBe(20);
  });

  it('links each daily question to the channel’s previous one, and keeps a claimed question', async () => {
    const { store } = await freshStore();
    const claim = (date: string, questionId: string, claimId: string) =>
      store.claimDaily(alice, {
        channelId: 'C1',
        date,
        questionId,
        claimId,
        now: `${date}T09:00:00.000Z`,
        staleBefore: `${date}T08:55:00.000Z`,
      });
    await claim('2026-11-20', 'sqs-pull', 'friday');
    await store.markDailyPosted(alice, {
      channelId: 'C1',
      date: '2026-11-20',
      claimId: 'friday',
      messageId: 'm1',
      at,
    });
    expect((await claim('2026-11-23', 'sqs-pull', 'monday')).outcome).toBe('claimed');
    expect((await store.getDaily(alice, 'C1', '2026-11-23'))?.prevDate).toBe('2026-11-20');
    // A second run the same day finds the claim, and the question it holds stands.
    const again = await claim('2026-11-23', 'other', 'second');
    expect(again).toMatchObject({ outcome: 'busy', record: { questionId: 'sqs-pull' } });
  });

  it('moves the workspace date forward only, keeping the one before it', async () => {
    const { store } = await freshStore();
    await store.advanceWorkspaceDaily(alice, '2026-11-20');
    await store.advanceWorkspaceDaily(alice, '2026-11-23');
    await store.advanceWorkspaceDaily(alice, '2026-11-23');
    await store.advanceWorkspaceDaily(alice, '2026-11-19');
    expect(await store.getWorkspaceDaily(alice)).toEqual({
      date: '2026-11-23',
      prevDate: '2026-11-20',
    });
  });

  it('keeps two answers to one practice question at once from overwriting each other', async () => {
    const { store } = await freshStore();
    await store.savePending(alice, { nonce: 'n1', questionId: 'sqs-pull', issuedAt: at }, 3600);
    await store.savePending(alice, { nonce: 'n2', questionId: 'sqs-pull', issuedAt: at }, 3600);
    // Both computed their schedule from the same (missing) card: only one may write it.
    const results = await Promise.allSettled([
      store.recordPractice(alice, practice('n1')),
      store.recordPractice(alice, practice('n2')),
    ]);
    const recorded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(recorded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrentUpdateError);
    const { cards, totals } = await store.getLearner(alice);
    expect(cards[0]?.version).toBe(1);
    expect(totals?.answered).toBe(1);
  });

  it('uses the planned number of requests per operation', async () => {
    const { store, requests } = await freshStore();
    await store.savePending(alice, { nonce: 'n1', questionId: 'sqs-pull', issuedAt: at }, 3600);
    requests.length = 0;
    await store.getPracticeContext(alice, 'n1', 'sqs-pull');
    await store.recordPractice(alice, practice('n1'));
    expect(requests).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    requests.length = 0;
    await store.getDailyContext(alice, 'C1', '2026-11-23');
    await store.recordDaily(alice, daily());
    expect(requests).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    requests.length = 0;
    await store.leaderboard(alice, 'all', 10);
    expect(requests).toEqual(['QueryCommand']);
  });

  it('throws StoreUnavailableError, saving nothing, when DynamoDB cannot be reached', async () => {
    const db = createDocumentClient(
      { tableName: 'x', endpoint: 'http://127.0.0.1:9', region: 'us-east-1' },
      { maxAttempts: 1, requestTimeoutMs: 500 },
    );
    const store = new DynamoStore(db, 'x');
    await expect(store.recordPractice(alice, practice('n1'))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(store.getLearner(alice)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
