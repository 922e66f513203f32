import { randomUUID } from 'node:crypto';
import type { Content } from '../content/content.js';
import { describeError } from '../errors.js';
import type { DailyRecord, Subscription } from '../store/records.js';
import type { DailyRunStore } from '../store/tutor-store.js';
import { dateIn } from '../time/calendar.js';
import type { Logger } from '../tutor/deps.js';
import type { Reply } from '../tutor/reply.js';
import type { ChannelPoster, PostResult } from './channel-poster.js';
import { dailyPostReply, dailyQuestionFor } from './daily-post.js';

/**
 * Slack's and Discord's per-channel limits ask for seconds. A platform asking for minutes is in
 * trouble: waiting it out would risk the 15-minute Lambda limit for every channel still queued.
 */
export const MAX_RETRY_WAIT_MS = 60_000;

export interface DailyRunDeps {
  store: DailyRunStore;
  content: Content;
  /** Posters by platform. */
  posters: Partial<Record<string, ChannelPoster>>;
  /** The platforms this run serves (default: those with a poster); one without a poster fails. */
  platforms?: string[];
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
  /** How long to wait for another run that holds a channel's claim to finish posting it. */
  busyWaitMs?: number;
  /** Whether this deployment serves a subscription's workspace (the allow-lists). */
  allowed?: (subscription: Subscription) => boolean;
}

/** What became of one channel in a run. */
export type ChannelOutcome = 'posted' | 'skipped' | 'failed' | 'deferred';

export interface DailyRunSummary {
  date: string;
  channels: number;
  posted: number;
  /** Already posted today (by an earlier or concurrent run). */
  skipped: number;
  /** Gone for good (channel deleted, bot removed): marked, and left out of later runs. */
  failed: number;
  /** Not posted, still subscribed: the invocation fails so that Lambda's retry posts them. */
  deferred: number;
  retries: number;
  /** Subscriptions of workspaces outside the allow-lists: left alone, and logged. */
  notAllowed: number;
  /** Platforms whose bot token was refused: nothing more was posted there, nothing unsubscribed. */
  halted: string[];
}

/** Tries of marking a channel posted: the post is out, so the mark must not be lost. */
const MARK_ATTEMPTS = 5;

/**
 * One round of the question of the day: every subscribed channel of the posters' platforms
 * gets today's question once (claim → post → mark posted; docs/ARCHITECTURE.md). Only
 * channel-level errors unsubscribe a channel; a refused token halts its platform.
 */
export async function runDaily(
  deps: DailyRunDeps,
  onChannel?: (channel: Subscription, outcome: ChannelOutcome, reply?: Reply) => void,
): Promise<DailyRunSummary> {
  const date = dateIn(deps.clock(), deps.timeZone);
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
    notAllowed: 0,
    halted: [],
  };
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const maxAttempts = deps.maxAttempts ?? 4;
  const maxWaitMs = deps.maxWaitMs ?? MAX_RETRY_WAIT_MS;
  const halted = new Set<string>();

  const claim = (channel: Subscription) =>
    deps.store.claimDaily(channel, {
      channelId: channel.channelId,
      date,
      questionId: question.id,
      claimId,
      now: deps.clock().toISOString(),
      staleBefore: new Date(
        deps.clock().getTime() - (deps.staleClaimMs ?? 5 * 60_000),
      ).toISOString(),
    });

  /** Claims the channel, waiting a while for a concurrent run that holds it. */
  const claimOrWait = async (channel: Subscription) => {
    const busyWaitMs = deps.busyWaitMs ?? 20_000;
    for (let waited = 0; ; waited += 2000) {
      const claimed = await claim(channel);
      if (claimed.outcome !== 'busy' || waited >= busyWaitMs) return claimed;
      await sleep(2000);
    }
  };

  const postWithRetries = async (poster: ChannelPoster, channel: Subscription, reply: Reply) => {
    let result: PostResult = { ok: false, scope: 'transient', error: 'not attempted' };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (halted.has(channel.platform)) break;
      result = await poster.post(channel, reply);
      if (result.ok || result.scope !== 'transient' || attempt === maxAttempts) break;
      const waitMs = result.retryAfterMs ?? 1000 * 2 ** (attempt - 1);
      // A wait longer than this could outlast the Lambda: release instead, Lambda's retry posts.
      if (waitMs > maxWaitMs) break;
      summary.retries++;
      await sleep(waitMs);
    }
    return result;
  };

  const markPosted = async (channel: Subscription, record: DailyRecord, messageId: string) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deps.store.markDailyPosted(channel, {
          channelId: channel.channelId,
          date,
          claimId,
          messageId,
          at: deps.clock().toISOString(),
          ...(record.reveal ? { reveal: record.reveal } : {}),
        });
      } catch (error) {
        if (attempt >= MARK_ATTEMPTS) throw error;
        await sleep(100 * 2 ** attempt);
      }
    }
  };

  type Done = ChannelOutcome | { outcome: ChannelOutcome; reply: Reply };
  const postOne = async (channel: Subscription): Promise<Done> => {
    const poster = deps.posters[channel.platform];
    const where = { platform: channel.platform, channel: channel.channelId };
    if (!poster) {
      deps.log.error('no bot token to post with on this platform', where);
      return 'deferred';
    }
    if (halted.has(channel.platform)) return 'deferred';
    const claimed = await claimOrWait(channel);
    if (claimed.outcome === 'posted') return 'skipped';
    if (claimed.outcome === 'busy') {
      deps.log.error('daily post still claimed by another run; left for the retry', where);
      return 'deferred';
    }
    const release = () =>
      deps.store
        .releaseDaily(channel, { channelId: channel.channelId, date, claimId })
        .catch((error: unknown) =>
          deps.log.error('could not release a daily claim', {
            ...where,
            error: describeError(error),
          }),
        );
    let reply: Reply | undefined;
    try {
      // The workspace moves on before anything is shown: the reveal closes the older question.
      await deps.store.advanceWorkspaceDaily(channel, date);
      const record = await withReveal(deps.store, channel, claimed.record);
      reply = dailyPostReply(deps.content, record, { answered: 0, correct: 0 });
      if (!reply) throw new Error(`daily question ${record.questionId} left the bank`);
      const result = await postWithRetries(poster, channel, reply);
      if (result.ok) {
        // The post is out: whatever happens now, the claim is not given back (no second post).
        const marked = await markPosted(channel, record, result.messageId).then(
          () => true,
          (error: unknown) => {
            deps.log.error('daily posted but not marked; the claim is kept', {
              ...where,
              error: describeError(error),
            });
            return false;
          },
        );
        return { outcome: marked ? 'posted' : 'deferred', reply };
      }
      await release();
      if (result.scope === 'token') {
        if (!halted.has(channel.platform)) {
          deps.log.error('bot token refused; no more posts to this platform in this run', {
            platform: channel.platform,
            error: result.error,
          });
        }
        halted.add(channel.platform);
        return 'deferred';
      }
      if (result.scope === 'channel') {
        deps.log.error('daily post failed for good; channel marked', {
          ...where,
          error: result.error,
        });
        await deps.store.markSubscriptionFailed(channel, channel.channelId, result.error);
        return 'failed';
      }
      deps.log.error('daily post failed for now; released for the retry', {
        ...where,
        error: result.error,
      });
      return 'deferred';
    } catch (error) {
      deps.log.error('daily post crashed; released for the retry', {
        ...where,
        error: describeError(error),
      });
      await release();
      return 'deferred';
    }
  };

  const served = new Set(deps.platforms ?? Object.keys(deps.posters));
  for await (const page of deps.store.listSubscriptions()) {
    const mine = page.filter((channel) => {
      if (!served.has(channel.platform)) return false;
      if (deps.allowed?.(channel) === false) {
        summary.notAllowed++;
        deps.log.info('daily post skipped: workspace not on the allow-list', {
          platform: channel.platform,
          workspace: channel.workspaceId,
          channel: channel.channelId,
        });
        return false;
      }
      return true;
    });
    await forEachLimited(mine, deps.concurrency ?? 8, async (channel) => {
      summary.channels++;
      let done: Done;
      try {
        done = await postOne(channel);
      } catch (error) {
        // Before any claim (listing, claiming): nothing to release, the retry starts afresh.
        deps.log.error('daily post crashed before its claim', {
          channel: channel.channelId,
          error: describeError(error),
        });
        done = 'deferred';
      }
      const { outcome, reply } =
        typeof done === 'string' ? { outcome: done, reply: undefined } : done;
      summary[outcome]++;
      onChannel?.(channel, outcome, reply);
    });
  }
  summary.halted = [...halted];
  deps.log.info('daily run done', { ...summary });
  return summary;
}

/** The record with what its post reveals of the channel's previous question. */
async function withReveal(
  store: DailyRunStore,
  channel: Subscription,
  record: DailyRecord,
): Promise<DailyRecord> {
  if (!record.prevDate) return record;
  const [previous, tally] = await Promise.all([
    store.getDaily(channel, channel.channelId, record.prevDate),
    store.countDailyAnswers(channel, channel.channelId, record.prevDate),
  ]);
  return previous ? { ...record, reveal: { questionId: previous.questionId, ...tally } } : record;
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
