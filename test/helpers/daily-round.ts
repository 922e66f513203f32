import type { ChannelPoster, PostResult } from '../../src/daily/channel-poster.js';
import { type DailyRunDeps, runDaily } from '../../src/daily/run-daily.js';
import type { DynamoStore } from '../../src/store/dynamo-store.js';
import type { Tenant } from '../../src/store/keys.js';
import type { Reply } from '../../src/tutor/reply.js';
import { content } from './test-deps.js';

/** A poster that records what it was asked to post and answers from a script per channel. */
export function recordingPoster(script: Record<string, PostResult[]> = {}) {
  const posts: { channel: string; reply: Reply; messageId?: string }[] = [];
  const poster: ChannelPoster = {
    async post(channel, reply) {
      const next = script[channel.channelId]?.shift();
      const result = next ?? { ok: true, messageId: `m-${channel.channelId}-${posts.length + 1}` };
      posts.push({
        channel: channel.channelId,
        reply,
        ...(result.ok ? { messageId: result.messageId } : {}),
      });
      return result;
    },
  };
  /** The newest post to `channel`; fails the test when there is none. */
  const latest = (channel: string): Reply => {
    const found = posts.filter((p) => p.channel === channel).at(-1);
    if (!found) throw new Error(`nothing was posted to ${channel}`);
    return found.reply;
  };
  return { poster, posts, latest };
}

export const quietLog = { error: () => {}, info: () => {} };

/** Subscribes channels of one workspace as `/aws daily on` does. */
export async function subscribeChannels(
  store: DynamoStore,
  tenant: Tenant,
  channelIds: string[],
  at = '2026-11-20T09:00:00.000Z',
) {
  for (const channelId of channelIds) {
    await store.subscribe({
      ...tenant,
      channelId,
      subscribedBy: 'admin',
      subscribedAt: at,
      status: 'active',
    });
  }
}

/** Runs of the daily question as the scheduled function makes them, on `platform`. */
export function dailyRunner(
  store: DynamoStore,
  clock: () => Date,
  platform: string,
  overrides: Partial<DailyRunDeps> = {},
) {
  const recorder = recordingPoster();
  const run = (more: Partial<DailyRunDeps> = {}) =>
    runDaily({
      store,
      content,
      posters: { [platform]: recorder.poster },
      clock,
      timeZone: 'Europe/London',
      log: quietLog,
      sleep: async () => {},
      ...overrides,
      ...more,
    });
  return { run, ...recorder };
}

/** The action of a daily or practice post's right (or first wrong) answer button. */
export function answerAction(post: Reply, right = true): string {
  const text = post.sections.find((s) => s.startsWith('**') && !s.startsWith('**Last time'));
  const question = content.questions.find((q) => `**${q.question}**` === text);
  if (!question) throw new Error(`no question in the post: ${text}`);
  const answers = post.buttons?.filter((b) => b.kind === 'answer') ?? [];
  const index = right
    ? question.answer
    : question.choices.findIndex((_, i) => !question.answers.includes(i));
  return answers[index]?.action as string;
}

/**
 * Today's question (or the one of `at`) in `channelIds`, posted by a daily run as production
 * posts it: the channels are subscribed, and the run's posts come back by channel.
 */
export async function postDaily(
  store: DynamoStore,
  tenant: Tenant,
  channelIds: string[],
  at: Date = new Date(),
): Promise<Record<string, Reply>> {
  await subscribeChannels(store, tenant, channelIds);
  const runner = dailyRunner(store, () => at, tenant.platform);
  await runner.run();
  return Object.fromEntries(channelIds.map((id) => [id, runner.latest(id)]));
}
