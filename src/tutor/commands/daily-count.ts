import type { DailyRecord } from '../../store/records.js';
import type { ChannelRefresh } from '../reply.js';

/**
 * At most one edit of a daily message's "N answered" count per message per 10 seconds, across
 * every Lambda. Slack's `chat.update` is Tier 3 (about 50 a minute per workspace, shared by all
 * its channels) and Slack takes about one message write a second per channel; Discord limits
 * message edits per channel route, shared with everything else the bot does there. At one edit
 * per 10 s, five busy daily channels in one workspace use 30 of Slack's ~50 a minute, and the
 * count still feels live. A constant rather than a setting: it follows from the platforms.
 *
 * The price: the last clicks of a burst fall inside the window and edit nothing, so the count
 * lags until the next click after it (or for good, if none comes; the next day's reveal is
 * exact either way). A trailing edit would close the gap: a throttled click would enqueue one
 * message per question and window (SQS with `DelaySeconds` = the interval, deduplicated on
 * question + window) for a small consumer to redraw the count. Not built: a queue and a
 * function more, for a cosmetic line.
 */
export const DAILY_COUNT_EDIT_INTERVAL_MS = 10_000;

/** The line under the daily question saying how many have answered. */
export function answeredLine(answered: number): string {
  return answered === 0 ? 'No answers yet. Be the first!' : `${answered} answered so far`;
}

/**
 * Whether a daily answer just recorded should try to update the channel message. A pre-check
 * on the question as read before answering (no extra request): within the interval of the last
 * edit the conditional write would refuse anyway, so most clicks of a burst skip it.
 */
export function channelRefreshFor(
  daily: DailyRecord,
  nowMs: number,
  intervalMs: number,
): ChannelRefresh | undefined {
  if (daily.countShownAt !== undefined && nowMs - daily.countShownAt < intervalMs) return undefined;
  return { date: daily.date, ...(daily.messageId ? { messageId: daily.messageId } : {}) };
}
