import { describe, expect, it } from 'vitest';
import { freshStore } from '../helpers/dynamo.js';

const tenant = { platform: 'slack', workspaceId: 'T1' };
const MONDAY = '2026-11-23';
const T0 = Date.parse('2026-11-23T09:00:00Z');

/** A posted daily question in channel C1, as the daily run leaves it. */
async function posted(date = MONDAY, prevDate?: string) {
  const { store, requests } = await freshStore();
  const post = async (day: string) => {
    await store.claimDaily(tenant, {
      channelId: 'C1',
      date: day,
      questionId: 'q1',
      claimId: `run-${day}`,
      now: `${day}T09:00:00.000Z`,
      staleBefore: `${day}T08:55:00.000Z`,
    });
    await store.markDailyPosted(tenant, {
      channelId: 'C1',
      date: day,
      claimId: `run-${day}`,
      messageId: `ts-${day}`,
      at: `${day}T09:00:01.000Z`,
    });
  };
  if (prevDate) await post(prevDate);
  await post(date);
  return { store, requests, post };
}

const claim = (nowMs: number, date = MONDAY) => ({
  channelId: 'C1',
  date,
  nowMs,
  intervalMs: 10_000,
});

describe('Store: claimDailyCountEdit', () => {
  it('grants one edit per interval and returns the question with its message id', async () => {
    const { store } = await posted();
    const first = await store.claimDailyCountEdit(tenant, claim(T0));
    expect(first).toMatchObject({ messageId: `ts-${MONDAY}`, countShownAt: T0 });
    expect(await store.claimDailyCountEdit(tenant, claim(T0 + 9_999))).toBeUndefined();
    expect(await store.claimDailyCountEdit(tenant, claim(T0 + 10_000))).toBeDefined();
  });

  it('grants exactly one of many concurrent claims (one per message, across Lambdas)', async () => {
    const { store } = await posted();
    const grants = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.claimDailyCountEdit(tenant, claim(T0 + i))),
    );
    expect(grants.filter(Boolean)).toHaveLength(1);
  });

  it('costs one request, granted or not, and returns the link to the previous question', async () => {
    const { store, requests } = await posted(MONDAY, '2026-11-20');
    requests.length = 0;
    const grant = await store.claimDailyCountEdit(tenant, claim(T0));
    expect(requests).toEqual(['UpdateItemCommand']);
    expect(grant).toMatchObject({ date: MONDAY, prevDate: '2026-11-20', questionId: 'q1' });
    requests.length = 0;
    expect(await store.claimDailyCountEdit(tenant, claim(T0 + 1))).toBeUndefined();
    expect(requests).toEqual(['UpdateItemCommand']);
  });

  it('grants nothing for a question that was claimed but never posted', async () => {
    const { store } = await freshStore();
    await store.claimDaily(tenant, {
      channelId: 'C1',
      date: MONDAY,
      questionId: 'q1',
      claimId: 'run',
      now: `${MONDAY}T09:00:00.000Z`,
      staleBefore: `${MONDAY}T08:55:00.000Z`,
    });
    expect(await store.claimDailyCountEdit(tenant, claim(T0))).toBeUndefined();
    expect(await store.claimDailyCountEdit(tenant, claim(T0, '2026-01-01'))).toBeUndefined();
  });
});
