import type { Content } from '../content/content.js';
import type { Tenant } from '../store/keys.js';
import type { DailyRecord } from '../store/records.js';
import type { TutorStore } from '../store/tutor-store.js';
import type { Asker, TutorDeps } from '../tutor/deps.js';
import type { ChannelRefresh, ChannelUpdate, Reply } from '../tutor/reply.js';
import { closureOf } from './closing.js';
import { dailyPostReply } from './daily-post.js';

/**
 * At most one edit of a daily message's "N answered" count per message per 10 seconds, across
 * every Lambda: within Slack's `chat.update` and Discord's edit limits (docs/ARCHITECTURE.md, The
 * live count).
 */
export const DAILY_COUNT_EDIT_INTERVAL_MS = 10_000;

export function countInterval(deps: Pick<TutorDeps, 'dailyCountIntervalMs'>): number {
  return deps.dailyCountIntervalMs ?? DAILY_COUNT_EDIT_INTERVAL_MS;
}

/**
 * Whether a daily answer just recorded should try to update the channel message: within the
 * interval of the last edit (as read before answering) the claim would refuse anyway.
 */
export function channelRefreshFor(
  daily: DailyRecord,
  nowMs: number,
  intervalMs: number,
): ChannelRefresh | undefined {
  if (daily.countShownAt !== undefined && nowMs - daily.countShownAt < intervalMs) return undefined;
  return { date: daily.date, ...(daily.messageId ? { messageId: daily.messageId } : {}) };
}

/**
 * After a daily answer: the channel message with its new count, when the throttle grants an
 * edit now and the question is still open; else undefined. Counted from the answers.
 */
export async function refreshDailyCount(
  deps: TutorDeps,
  asker: Asker,
  refresh: ChannelRefresh,
): Promise<ChannelUpdate | undefined> {
  const store = await deps.store();
  const now = deps.clock();
  const daily = await store.claimDailyCountEdit(asker, {
    channelId: asker.channelId,
    date: refresh.date,
    nowMs: now.getTime(),
    intervalMs: countInterval(deps),
  });
  if (!daily) return undefined;
  const [workspace, tally] = await Promise.all([
    store.getWorkspaceDaily(asker),
    store.countDailyAnswers(asker, asker.channelId, refresh.date),
  ]);
  // Closed: the next post revealed the result, and the message keeps its last count.
  if (closureOf(refresh.date, deps, workspace, now)) return undefined;
  const reply = dailyPostReply(deps.content, daily, tally);
  if (!reply) return undefined;
  return {
    channelId: asker.channelId,
    ...(daily.messageId ? { messageId: daily.messageId } : {}),
    reply,
  };
}

/** A channel's posted question of `date` as it looks now, with its count; undefined if none. */
export async function currentDailyPost(
  deps: { content: Content },
  store: Pick<TutorStore, 'getDaily' | 'countDailyAnswers'>,
  channel: Tenant & { channelId: string },
  date: string,
): Promise<Reply | undefined> {
  const [daily, tally] = await Promise.all([
    store.getDaily(channel, channel.channelId, date),
    store.countDailyAnswers(channel, channel.channelId, date),
  ]);
  return daily ? dailyPostReply(deps.content, daily, tally) : undefined;
}
