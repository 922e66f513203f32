import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { subscriptionAllowed } from '../../src/app/allow-list.js';
import type { PostResult } from '../../src/daily/channel-poster.js';
import { dailyQuestionFor } from '../../src/daily/daily-post.js';
import { type DailyRunDeps, runDaily } from '../../src/daily/run-daily.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import type { Tenant } from '../../src/store/keys.js';
import { createTutor } from '../../src/tutor/tutor.js';
import {
  answerAction,
  dailyRunner,
  quietLog,
  recordingPoster,
  subscribeChannels,
} from '../helpers/daily-round.js';
import { freshStore } from '../helpers/dynamo.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { asker, content, fakeClock, testDeps } from '../helpers/test-deps.js';

const tenant: Tenant = { platform: 'slack', workspaceId: 'T1' };

async function setup(channels: string[]) {
  const fresh = await freshStore();
  await subscribeChannels(fresh.store, tenant, channels);
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const waits: number[] = [];
  const deps = (
    poster: DailyRunDeps['posters'][string],
    more: Partial<DailyRunDeps> = {},
  ): DailyRunDeps => ({
    store: fresh.store,
    content,
    posters: { slack: poster },
    clock,
    timeZone: 'Europe/London',
    log: quietLog,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...more,
  });
  return { ...fresh, clock, deps, waits };
}

describe('Function: runDaily', () => {
  it('posts once to every subscribed channel, and a repeated delivery posts nothing', async () => {
    const { deps } = await setup(['C1', 'C2', 'C3']);
    const { poster, posts } = recordingPoster();
    const first = await runDaily(deps(poster));
    expect(first).toMatchObject({ channels: 3, posted: 3, skipped: 0, halted: [] });
    const again = await runDaily(deps(poster));
    expect(again).toMatchObject({ posted: 0, skipped: 3 });
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(posts[0]?.reply.visibility).toBe('channel');
    expect(posts[0]?.reply.buttons?.filter((b) => b.kind === 'answer')).toHaveLength(4);
  });

  it('posts once per channel when two deliveries run at the same moment', async () => {
    const { deps } = await setup(['C1', 'C2', 'C3', 'C4', 'C5']);
    const { poster, posts } = recordingPoster();
    const [a, b] = await Promise.all([runDaily(deps(poster)), runDaily(deps(poster))]);
    expect((a?.posted ?? 0) + (b?.posted ?? 0)).toBe(5);
    expect((a?.deferred ?? 0) + (b?.deferred ?? 0)).toBe(0);
    expect(new Set(posts.map((p) => p.channel)).size).toBe(5);
    expect(posts).toHaveLength(5);
  });

  it('waits for a claim held by another run, defers it if still held, and takes it once stale', async () => {
    const { store, deps, clock, waits } = await setup(['C1']);
    const crashed = await store.claimDaily(tenant, {
      channelId: 'C1',
      date: '2026-11-23',
      questionId: dailyQuestionFor(content, '2026-11-23').id,
      claimId: 'crashed-run',
      now: '2026-11-23T09:00:00.000Z',
      staleBefore: '2026-11-23T08:55:00.000Z',
    });
    expect(crashed.outcome).toBe('claimed');
    const { poster, posts } = recordingPoster();
    // The claim is fresh: wait a while for its run to finish, then leave it to Lambda's retry.
    expect(await runDaily(deps(poster, { busyWaitMs: 4000 }))).toMatchObject({
      posted: 0,
      skipped: 0,
      deferred: 1,
    });
    expect(waits).toEqual([2000, 2000]);
    clock.advance(10 * 60_000);
    expect(await runDaily(deps(poster))).toMatchObject({ posted: 1 });
    expect(posts).toHaveLength(1);
  });

  it('waits out a 429 for as long as Retry-After says, then posts', async () => {
    const { deps, waits } = await setup(['C1']);
    const { poster, posts } = recordingPoster({
      C1: [
        { ok: false, scope: 'transient', retryAfterMs: 1500, error: 'ratelimited' },
        { ok: false, scope: 'transient', retryAfterMs: 3000, error: 'ratelimited' },
      ],
    });
    const summary = await runDaily(deps(poster));
    expect(summary).toMatchObject({ posted: 1, retries: 2 });
    expect(waits).toEqual([1500, 3000]);
    expect(posts).toHaveLength(3);
  });

  it('defers a channel asked to wait longer than a run can afford, and posts it on the retry', async () => {
    const { deps, waits } = await setup(['C1', 'C2']);
    const { poster, posts } = recordingPoster({
      C1: [{ ok: false, scope: 'transient', retryAfterMs: 10 * 60_000, error: 'ratelimited' }],
    });
    const first = await runDaily(deps(poster));
    expect(first).toMatchObject({ posted: 1, deferred: 1, retries: 0 });
    expect(waits).toEqual([]);
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2']);
    const again = await runDaily(deps(poster));
    expect(again).toMatchObject({ posted: 1, skipped: 1, deferred: 0 });
  });

  it('marks a deleted channel failed without stopping the others, and skips it next time', async () => {
    const { store, deps, clock } = await setup(['C1', 'GONE', 'C3']);
    const { poster } = recordingPoster({
      GONE: [{ ok: false, scope: 'channel', error: 'channel_not_found' }],
    });
    expect(await runDaily(deps(poster))).toMatchObject({ posted: 2, failed: 1 });
    const sub = await store.getSubscription(tenant, 'GONE');
    expect(sub).toMatchObject({ status: 'failed', failure: 'channel_not_found' });
    clock.set('2026-11-24T09:00:00Z');
    expect(await runDaily(deps(recordingPoster().poster))).toMatchObject({
      channels: 2,
      posted: 2,
    });
  });

  it('stops posting to a platform whose token is refused, and unsubscribes nothing', async () => {
    const { store, deps } = await setup(['C1', 'C2', 'C3']);
    const refused: PostResult = { ok: false, scope: 'token', error: 'invalid_auth' };
    const { poster, posts } = recordingPoster({ C1: [refused], C2: [refused], C3: [refused] });
    const summary = await runDaily(deps(poster, { concurrency: 1 }));
    expect(summary).toMatchObject({ posted: 0, failed: 0, deferred: 3, halted: ['slack'] });
    // The first refusal halts the platform: the other channels are not even tried.
    expect(posts).toHaveLength(1);
    for (const channel of ['C1', 'C2', 'C3']) {
      expect((await store.getSubscription(tenant, channel))?.status).toBe('active');
    }
    // Once the token is fixed, the retry posts every channel.
    expect(await runDaily(deps(recordingPoster().poster))).toMatchObject({ posted: 3 });
  });

  it('releases a channel that keeps failing for now, so the next run posts it', async () => {
    const { deps } = await setup(['C1']);
    const busy: PostResult = { ok: false, scope: 'transient', error: 'internal_error' };
    const failing = recordingPoster({ C1: [busy, busy, busy, busy] });
    expect(await runDaily(deps(failing.poster))).toMatchObject({ posted: 0, deferred: 1 });
    expect(await runDaily(deps(recordingPoster().poster))).toMatchObject({ posted: 1 });
  });

  it('defers a channel with no poster for its platform, loudly', async () => {
    const { deps } = await setup(['C1']);
    const errors: string[] = [];
    const summary = await runDaily(
      deps(recordingPoster().poster, {
        posters: {},
        platforms: ['slack'],
        log: { info: () => {}, error: (m) => errors.push(m) },
      }),
    );
    expect(summary).toMatchObject({ channels: 1, deferred: 1 });
    expect(errors).toEqual(['no bot token to post with on this platform']);
  });

  it('leaves alone, and logs, a subscription of a workspace outside the allow-list', async () => {
    const { store, deps } = await setup(['C1']);
    await subscribeChannels(store, { platform: 'slack', workspaceId: 'T0STRANGER' }, ['X1']);
    const infos: Record<string, unknown>[] = [];
    const { poster, posts } = recordingPoster();
    const lists = { slack: new Set(['T1']), discord: new Set<string>() };

    const summary = await runDaily(
      deps(poster, {
        allowed: (sub) => subscriptionAllowed(lists, sub),
        log: { error: () => {}, info: (_m, fields) => infos.push(fields ?? {}) },
      }),
    );

    expect(summary).toMatchObject({ posted: 1, notAllowed: 1, deferred: 0 });
    expect(posts.map((p) => p.channel)).toEqual(['C1']);
    expect(infos).toContainEqual(
      expect.objectContaining({ workspace: 'T0STRANGER', channel: 'X1' }),
    );
    expect(
      (await store.getSubscription({ platform: 'slack', workspaceId: 'T0STRANGER' }, 'X1'))?.status,
    ).toBe('active');
  });

  it('reveals the previous answer and how the channel did in the next post', async () => {
    const { store, deps, clock } = await setup(['C1']);
    const monday = recordingPoster();
    await runDaily(deps(monday.poster));
    const tutor = createTutor(testDeps({ storeImpl: store, clock }));
    const post = monday.latest('C1');
    for (const [i, userId] of ['U1', 'U2', 'U3', 'U4'].entries()) {
      const who = asker({ ...tenant, platform: 'slack', channelId: 'C1', userId });
      await tutor.handleAction(who, answerAction(post, i < 3));
    }
    clock.set('2026-11-24T09:00:00Z');
    const tuesday = recordingPoster();
    await runDaily(deps(tuesday.poster));
    const reveal = tuesday.latest('C1').sections[0] ?? '';
    const question = dailyQuestionFor(content, '2026-11-23');
    expect(reveal).toContain('Last time (2026-11-23)');
    expect(reveal).toContain(question.choices[question.answer] ?? 'missing');
    expect(reveal).toContain('4 people answered, 75% got it right');
  });
});

describe('Function: runDaily (store failures)', () => {
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;

  beforeAll(async () => {
    proxy = await startFaultProxy(inject('dynamoEndpoint'));
  });
  afterAll(() => proxy.close());

  /** A fresh table, and a second store on it whose requests pass the fault proxy. */
  async function faultyStore() {
    const fresh = await freshStore();
    const db = createDocumentClient(
      { tableName: fresh.tableName, endpoint: proxy.endpoint, region: 'us-east-1' },
      { maxAttempts: 1, requestTimeoutMs: 5000 },
    );
    return { fresh, faulty: new DynamoStore(db, fresh.tableName) };
  }

  it('releases the claim of a run that fails after claiming, and the retry posts the channel', async () => {
    const workspace = { platform: 'slack', workspaceId: 'CRASH' };
    const { fresh, faulty } = await faultyStore();
    await subscribeChannels(fresh.store, workspace, ['C1']);
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const { run, posts } = dailyRunner(faulty, clock, 'slack');
    // The first write after the claim (the workspace's newest date) fails.
    proxy.rules.push({ operation: 'UpdateItem', skip: 0, times: 1, fault: 'server-error' });

    const crashed = await run();
    const retried = await run(); // Lambda's retry, a minute later: no stale wait

    expect(crashed).toMatchObject({ posted: 0, deferred: 1 });
    expect(retried).toMatchObject({ posted: 1, skipped: 0, deferred: 0 });
    expect(posts.map((p) => p.channel)).toEqual(['C1']);
    expect((await fresh.store.getSubscription(workspace, 'C1'))?.status).toBe('active');
  });

  it('retries marking a channel posted, so a later run never posts it twice', async () => {
    const workspace = { platform: 'slack', workspaceId: 'MARK' };
    const { fresh, faulty } = await faultyStore();
    await subscribeChannels(fresh.store, workspace, ['C1']);
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const { run, posts } = dailyRunner(faulty, clock, 'slack');
    // Skip the workspace-date write; then marking the post fails three times in a row.
    proxy.rules.push({ operation: 'UpdateItem', skip: 1, times: 3, fault: 'server-error' });

    const first = await run();
    clock.advance(10 * 60_000); // long after any claim would have gone stale
    const later = await run();

    expect(first).toMatchObject({ posted: 1, deferred: 0 });
    expect(later).toMatchObject({ posted: 0, skipped: 1 });
    expect(posts).toHaveLength(1);
    const record = await fresh.store.getDaily(workspace, 'C1', '2026-11-23');
    expect(record?.messageId).toBe(posts[0]?.messageId);
  });
});
