import { describe, expect, it } from 'vitest';
import type { ChannelPoster, PostResult } from '../../src/daily/poster.js';
import { type DailyRunDeps, runDaily } from '../../src/daily/run-daily.js';
import type { Subscription } from '../../src/store/records.js';
import { dailyQuestionFor } from '../../src/tutor/commands/daily.js';
import type { Reply } from '../../src/tutor/reply.js';
import { freshStore } from '../helpers/dynamo.js';
import { content, fakeClock } from '../helpers/test-deps.js';

/** A poster that records what it was asked to post and answers from a script per channel. */
function recordingPoster(script: Record<string, PostResult[]> = {}) {
  const posts: { channel: string; reply: Reply }[] = [];
  const poster: ChannelPoster = {
    async post(channel, reply) {
      posts.push({ channel: channel.channelId, reply });
      const next = script[channel.channelId]?.shift();
      return next ?? { ok: true, messageId: `m-${channel.channelId}-${posts.length}` };
    },
  };
  return { poster, posts };
}

const log = { error: () => {}, info: () => {} };

async function setup(channels: string[]) {
  const { store } = await freshStore();
  for (const channelId of channels) {
    const sub: Subscription = {
      platform: 'slack',
      workspaceId: 'T1',
      channelId,
      subscribedBy: 'admin',
      subscribedAt: '2026-11-20T09:00:00.000Z',
      status: 'active',
    };
    await store.subscribe(sub);
  }
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const waits: number[] = [];
  const deps = (poster: ChannelPoster): DailyRunDeps => ({
    store,
    content,
    posters: { slack: poster },
    clock,
    timeZone: 'Europe/London',
    log,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { store, clock, deps, waits };
}

describe('Function: runDaily', () => {
  it('posts once to every subscribed channel, and a repeated delivery posts nothing', async () => {
    const { deps } = await setup(['C1', 'C2', 'C3']);
    const { poster, posts } = recordingPoster();
    const first = await runDaily(deps(poster));
    expect(first).toMatchObject({ channels: 3, posted: 3, skipped: 0 });
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
    expect(new Set(posts.map((p) => p.channel)).size).toBe(5);
    expect(posts).toHaveLength(5);
  });

  it('takes over a claim left by a run that crashed before posting', async () => {
    const { store, deps, clock } = await setup(['C1']);
    const crashed = await store.claimDaily(
      { platform: 'slack', workspaceId: 'T1' },
      {
        channelId: 'C1',
        date: '2026-11-23',
        questionId: dailyQuestionFor(content, '2026-11-23').id,
        claimId: 'crashed-run',
        now: '2026-11-23T09:00:00.000Z',
        staleBefore: '2026-11-23T08:55:00.000Z',
      },
    );
    expect(crashed.outcome).toBe('claimed');
    const { poster, posts } = recordingPoster();
    // Straight after the crash the claim is still fresh: another run leaves it alone.
    expect(await runDaily(deps(poster))).toMatchObject({ posted: 0, skipped: 1 });
    clock.advance(10 * 60_000);
    expect(await runDaily(deps(poster))).toMatchObject({ posted: 1 });
    expect(posts).toHaveLength(1);
  });

  it('waits out a 429 for as long as Retry-After says, then posts', async () => {
    const { deps, waits } = await setup(['C1']);
    const { poster, posts } = recordingPoster({
      C1: [
        { ok: false, permanent: false, retryAfterMs: 1500, error: 'ratelimited' },
        { ok: false, permanent: false, retryAfterMs: 3000, error: 'ratelimited' },
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
      C1: [{ ok: false, permanent: false, retryAfterMs: 10 * 60_000, error: 'ratelimited' }],
    });
    const first = await runDaily(deps(poster));
    expect(first).toMatchObject({ posted: 1, deferred: 1, retries: 0 });
    expect(waits).toEqual([]);
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2']);
    // The handler throws on a deferral; Lambda's retry runs the round again.
    const again = await runDaily(deps(poster));
    expect(again).toMatchObject({ posted: 1, skipped: 1, deferred: 0 });
  });

  it('marks a deleted channel failed without stopping the others, and skips it next time', async () => {
    const { store, deps, clock } = await setup(['C1', 'GONE', 'C3']);
    const { poster } = recordingPoster({
      GONE: [{ ok: false, permanent: true, error: 'channel_not_found' }],
    });
    expect(await runDaily(deps(poster))).toMatchObject({ posted: 2, failed: 1 });
    const sub = await store.getSubscription({ platform: 'slack', workspaceId: 'T1' }, 'GONE');
    expect(sub).toMatchObject({ status: 'failed', failure: 'channel_not_found' });
    clock.set('2026-11-24T09:00:00Z');
    expect(await runDaily(deps(recordingPoster().poster))).toMatchObject({
      channels: 2,
      posted: 2,
    });
  });

  it('releases a channel that keeps failing for now, so the next run posts it', async () => {
    const { deps } = await setup(['C1']);
    const busy: PostResult = { ok: false, permanent: false, error: 'internal_error' };
    const failing = recordingPoster({ C1: [busy, busy, busy, busy] });
    expect(await runDaily(deps(failing.poster))).toMatchObject({ posted: 0, deferred: 1 });
    expect(await runDaily(deps(recordingPoster().poster))).toMatchObject({ posted: 1 });
  });

  it('reveals the previous answer and how the channel did in the next post', async () => {
    const { store, deps, clock } = await setup(['C1']);
    await runDaily(deps(recordingPoster().poster));
    const tenant = { platform: 'slack', workspaceId: 'T1' };
    const monday = await store.getDaily(tenant, 'C1', '2026-11-23');
    const question = content.question(monday?.questionId ?? '');
    for (const [i, userId] of ['U1', 'U2', 'U3', 'U4'].entries()) {
      const correct = i < 3;
      await store.recordDaily(
        { ...tenant, userId, name: userId },
        {
          channelId: 'C1',
          date: '2026-11-23',
          week: '2026-W48',
          choice: 0,
          correct,
          points: correct ? 10 : 0,
          streak: 1,
          bestStreak: 1,
          at: '2026-11-23T10:00:00.000Z',
        },
      );
    }
    clock.set('2026-11-24T09:00:00Z');
    const { poster, posts } = recordingPoster();
    await runDaily(deps(poster));
    const reveal = posts[0]?.reply.sections[0] ?? '';
    expect(reveal).toContain('Last time (2026-11-23)');
    expect(reveal).toContain(question?.choices[question.answer] ?? 'missing');
    expect(reveal).toContain('4 people answered, 75% got it right');
  });
});
