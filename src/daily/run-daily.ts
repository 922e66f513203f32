import { randomUUID } from 'node:crypto';
import type { Content } from '../content/content.js';
import type { Subscription } from '../store/records.js';
import type { DailyRunStore } from '../store/tutor-store.js';
import { dateIn } from '../tutor/calendar.js';
import { dailyPostReply, dailyQuestionFor } from '../tutor/commands/daily.js';
import type { Logger } from '../tutor/deps.js';
import type { ChannelPoster, PostResult } from './poster.js';

/**
 * Slack's and Discord's per-channel limits ask for seconds. A platform asking for minutes is in
 * trouble: waiting it out would risk the 15-minute Lambda limit for every channel still queued.
 */
export const MAX_RETRY_WAIT_MS = 60_000;

export interface DailyRunDeps {
  store: DailyRunStore;
  content: Content;
  posters: Partial<Record<string, ChannelPoster>>;
  clock: () => Date;
  timeZone: string;
  log: Logger & { info(message: string, fields?: Record<string, unknown>): void };
  /** Channels posted to at once. Slack and Discord limit per channel, not per run. */
  concurrency?: number;
  /** Attempts per channel, first included, when the platform says "later" (429, 5xx). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The longest `Retry-After` waited out in the run; a channel asked to wait longer is deferred. */
  maxWaitMs?: number;
  /** A claim older than this belongs to a run that crashed. */
  staleClaimMs?: number;
}

export interface DailyRunSummary {
  date: string;
  channels: number;
  posted: number;
  skipped: number;
  /** Gone for good: marked, and left out of later runs. */
  failed: number;
  /** Still failing after the retries: released for the next run. */
  deferred: number;
  retries: number;
}

/**
 * One round of the question of the day: every subscribed channel gets today's question once.
 * Each channel is claimed with a conditional write before posting, so duplicate or concurrent
 * deliveries of the schedule post once; a claim left by a crashed run goes stale and is taken
 * over. Rate limits are waited out, a channel that is gone is marked and skipped, and no
 * channel's failure stops the others.
 */
export async function runDaily(deps: DailyRunDeps): Promise<DailyRunSummary> {
  const now = deps.clock();
  const date = dateIn(now, deps.timeZone);
  const question = dailyQuestionFor(deps.content, date);
  const claimId = randomUUID();
  const summary: DailyRunSummary = {
    date,
    channels: 0,
    posted: 0,
    skipped: 0,
    failed: 0,
    deferred: 0,
    retries: 0,
  };
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const maxAttempts = deps.maxAttempts ?? 4;
  const maxWaitMs = deps.maxWaitMs ?? MAX_RETRY_WAIT_MS;

  const postOne = async (channel: Subscription) => {
    summary.channels++;
    const poster = deps.posters[channel.platform];
    const where = {
      platform: channel.platform,
      workspace: channel.workspaceId,
      channel: channel.channelId,
    };
    if (!poster) {
      deps.log.error('no poster for platform', where);
      summary.deferred++;
      return;
    }
    const claim = await deps.store.claimDaily(channel, {
      channelId: channel.channelId,
      date,
      questionId: question.id,
      claimId,
      now: deps.clock().toISOString(),
      staleBefore: new Date(
        deps.clock().getTime() - (deps.staleClaimMs ?? 5 * 60_000),
      ).toISOString(),
    });
    if (claim.outcome !== 'claimed') {
      summary.skipped++;
      return;
    }
    const previous = claim.record.prevDate
      ? await deps.store.getDaily(channel, channel.channelId, claim.record.prevDate)
      : undefined;
    const reply = dailyPostReply(deps, claim.record, previous);
    if (!reply) {
      deps.log.error('daily question missing from the bank', {
        ...where,
        question: claim.record.questionId,
      });
      await deps.store.releaseDaily(channel, { channelId: channel.channelId, date, claimId });
      summary.deferred++;
      return;
    }
    let result: PostResult = { ok: false, permanent: false, error: 'not attempted' };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      result = await poster.post(channel, reply);
      if (result.ok || result.permanent || attempt === maxAttempts) break;
      const waitMs = result.retryAfterMs ?? 1000 * 2 ** (attempt - 1);
      // A wait longer than this could outlast the Lambda; the channel is released instead and
      // the retried run (minutes later) posts it.
      if (waitMs > maxWaitMs) break;
      summary.retries++;
      await sleep(waitMs);
    }
    if (result.ok) {
      await deps.store.markDailyPosted(channel, {
        channelId: channel.channelId,
        date,
        claimId,
        messageId: result.messageId,
        at: deps.clock().toISOString(),
      });
      summary.posted++;
    } else if (result.permanent) {
      deps.log.error('daily post failed for good; channel marked', {
        ...where,
        error: result.error,
      });
      await deps.store.markSubscriptionFailed(channel, channel.channelId, result.error);
      await deps.store.releaseDaily(channel, { channelId: channel.channelId, date, claimId });
      summary.failed++;
    } else {
      deps.log.error('daily post failed for now; released for the next run', {
        ...where,
        error: result.error,
      });
      await deps.store.releaseDaily(channel, { channelId: channel.channelId, date, claimId });
      summary.deferred++;
    }
  };

  for await (const page of deps.store.listSubscriptions()) {
    await forEachLimited(page, deps.concurrency ?? 8, async (channel) => {
      try {
        await postOne(channel);
      } catch (error) {
        // A store hiccup for one channel must not stop the others; its claim goes stale.
        deps.log.error('daily post crashed', {
          channel: channel.channelId,
          error: (error as Error).message,
        });
        summary.deferred++;
      }
    });
  }
  deps.log.info('daily run done', { ...summary });
  return summary;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
