import { randomUUID } from 'node:crypto';
import type { Content } from '../content/content.js';
import type { DailyRecord, Subscription } from '../store/records.js';
import type { DailyRunStore } from '../store/tutor-store.js';
import { dateIn } from '../time/calendar.js';
import type { Reply } from '../tutor/reply.js';
import {
  type ChannelOutcome,
  type ChannelRoundDeps,
  type RoundSummary,
  runChannelRound,
} from './channel-round.js';
import { dailyPostReply, dailyQuestionFor } from './daily-post.js';

export { type ChannelOutcome, MAX_RETRY_WAIT_MS } from './channel-round.js';

export interface DailyRunDeps extends ChannelRoundDeps {
  store: DailyRunStore;
  content: Content;
  clock: () => Date;
  timeZone: string;
  /** A claim older than this belongs to a run that crashed. */
  staleClaimMs?: number;
}

export interface DailyRunSummary extends RoundSummary {
  date: string;
}

/**
 * One round of the question of the day: every subscribed channel gets today's question once
 * (docs/ARCHITECTURE.md, The daily run). Before a post goes out, the workspace moves on to
 * today, which closes the question before it, and the post reveals how the channel did on it.
 */
export async function runDaily(
  deps: DailyRunDeps,
  onChannel?: (channel: Subscription, outcome: ChannelOutcome, reply?: Reply) => void,
): Promise<DailyRunSummary> {
  const date = dateIn(deps.clock(), deps.timeZone);
  const question = dailyQuestionFor(deps.content, date);
  const claimId = randomUUID();
  const claimed = new Map<string, DailyRecord>();
  const key = (channel: Subscription) =>
    `${channel.platform}#${channel.workspaceId}#${channel.channelId}`;

  const summary = await runChannelRound(
    {
      ...deps,
      markSubscriptionFailed: (channel, error) =>
        deps.store.markSubscriptionFailed(channel, channel.channelId, error),
    },
    {
      async claim(channel) {
        const result = await deps.store.claimDaily(channel, {
          channelId: channel.channelId,
          date,
          questionId: question.id,
          claimId,
          now: deps.clock().toISOString(),
          staleBefore: new Date(
            deps.clock().getTime() - (deps.staleClaimMs ?? 5 * 60_000),
          ).toISOString(),
        });
        if (result.outcome === 'claimed') claimed.set(key(channel), result.record);
        return result.outcome;
      },
      async prepare(channel) {
        await deps.store.advanceWorkspaceDaily(channel, date);
        const record = await withReveal(deps.store, channel, claimed.get(key(channel)));
        claimed.set(key(channel), record);
        const reply = dailyPostReply(deps.content, record, { answered: 0, correct: 0 });
        if (!reply) throw new Error(`daily question ${record.questionId} left the bank`);
        return reply;
      },
      markPosted: (channel, messageId) => {
        const reveal = claimed.get(key(channel))?.reveal;
        return deps.store.markDailyPosted(channel, {
          channelId: channel.channelId,
          date,
          claimId,
          messageId,
          at: deps.clock().toISOString(),
          ...(reveal ? { reveal } : {}),
        });
      },
      release: (channel) =>
        deps.store.releaseDaily(channel, { channelId: channel.channelId, date, claimId }),
    },
    onChannel,
  );
  const result = { date, ...summary };
  deps.log.info('daily run done', { ...result });
  return result;
}

/** The record with what its post reveals of the channel's previous question. */
async function withReveal(
  store: DailyRunStore,
  channel: Subscription,
  record: DailyRecord | undefined,
): Promise<DailyRecord> {
  if (!record) throw new Error('daily question prepared without a claim');
  if (!record.prevDate) return record;
  const [previous, tally] = await Promise.all([
    store.getDaily(channel, channel.channelId, record.prevDate),
    store.countDailyAnswers(channel, channel.channelId, record.prevDate),
  ]);
  return previous ? { ...record, reveal: { questionId: previous.questionId, ...tally } } : record;
}
