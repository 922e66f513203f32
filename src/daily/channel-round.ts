import { describeError } from '../errors.js';
import type { Subscription } from '../store/records.js';
import type { Logger } from '../tutor/deps.js';
import type { Reply } from '../tutor/reply.js';
import type { ChannelPoster, PostResult } from './channel-poster.js';

/**
 * Slack's and Discord's per-channel limits ask for seconds. A platform asking for minutes is in
 * trouble: waiting it out would risk the 15-minute Lambda limit for every channel still queued.
 */
export const MAX_RETRY_WAIT_MS = 60_000;
/** Tries of marking a channel posted: the post is out, so the mark must not be lost. */
const MARK_ATTEMPTS = 5;

/** How a scheduled round reaches channels: who to post to, with what, and how patiently. */
export interface ChannelRoundDeps {
  store: { listSubscriptions(): AsyncGenerator<Subscription[]> };
  /** Posters by platform. */
  posters: Partial<Record<string, ChannelPoster>>;
  /** The platforms this run serves (default: those with a poster); one without a poster fails. */
  platforms?: string[];
  log: Logger & { info(message: string, fields?: Record<string, unknown>): void };
  /** Channels posted to at once. Slack and Discord limit per channel, not per run. */
  concurrency?: number;
  /** Attempts per channel, first included, when the platform says "later" (429, 5xx). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The longest `Retry-After` waited out in the run; a channel asked to wait longer is deferred. */
  maxWaitMs?: number;
  /** How long to wait for another run that holds a channel's claim to finish posting it. */
  busyWaitMs?: number;
  /** Whether this deployment serves a subscription's workspace (the allow-lists). */
  allowed?: (subscription: Subscription) => boolean;
}

/** What a round does for one channel, besides posting: claim it, and record the outcome. */
export interface RoundSteps {
  /** Whether this round leaves the channel out altogether (its recap turned off). */
  skip?(channel: Subscription): Promise<boolean>;
  /** A conditional write: only one run posts to a channel per round. */
  claim(channel: Subscription): Promise<'claimed' | 'posted' | 'busy'>;
  /** What to post, once claimed; done before anything is shown (the reveal closes a question). */
  prepare(channel: Subscription): Promise<Reply>;
  markPosted(channel: Subscription, messageId: string): Promise<void>;
  release(channel: Subscription): Promise<void>;
}

/** What became of one channel in a round. */
export type ChannelOutcome = 'posted' | 'skipped' | 'failed' | 'deferred';

export interface RoundSummary {
  channels: number;
  posted: number;
  /** Already posted this round (by an earlier or concurrent run), or left out. */
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

/**
 * One scheduled post to every subscribed channel (claim → prepare → post → mark posted), the
 * same for the daily question and the weekly recap. Only channel-level errors unsubscribe a
 * channel; a refused token halts its platform; any failure after a claim releases it.
 */
export async function runChannelRound(
  deps: ChannelRoundDeps & {
    markSubscriptionFailed(channel: Subscription, error: string): Promise<void>;
  },
  steps: RoundSteps,
  onChannel?: (channel: Subscription, outcome: ChannelOutcome, reply?: Reply) => void,
): Promise<RoundSummary> {
  const summary: RoundSummary = {
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

  /** Claims the channel, waiting a while for a concurrent run that holds it. */
  const claimOrWait = async (channel: Subscription) => {
    const busyWaitMs = deps.busyWaitMs ?? 20_000;
    for (let waited = 0; ; waited += 2000) {
      const claimed = await steps.claim(channel);
      if (claimed !== 'busy' || waited >= busyWaitMs) return claimed;
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

  const markPosted = async (channel: Subscription, messageId: string) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await steps.markPosted(channel, messageId);
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
    if (claimed === 'posted') return 'skipped';
    if (claimed === 'busy') {
      deps.log.error('post still claimed by another run; left for the retry', where);
      return 'deferred';
    }
    const release = () =>
      steps
        .release(channel)
        .catch((error: unknown) =>
          deps.log.error('could not release a claim', { ...where, error: describeError(error) }),
        );
    try {
      const reply = await steps.prepare(channel);
      const result = await postWithRetries(poster, channel, reply);
      if (result.ok) {
        // The post is out: whatever happens now, the claim is not given back (no second post).
        const marked = await markPosted(channel, result.messageId).then(
          () => true,
          (error: unknown) => {
            deps.log.error('posted but not marked; the claim is kept', {
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
        deps.log.error('post failed for good; channel marked', { ...where, error: result.error });
        await deps.markSubscriptionFailed(channel, result.error);
        return 'failed';
      }
      deps.log.error('post failed for now; released for the retry', {
        ...where,
        error: result.error,
      });
      return 'deferred';
    } catch (error) {
      deps.log.error('post crashed; released for the retry', {
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
        deps.log.info('post skipped: workspace not on the allow-list', {
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
        done = (await steps.skip?.(channel)) ? 'skipped' : await postOne(channel);
      } catch (error) {
        // Before any claim (listing, claiming): nothing to release, the retry starts afresh.
        deps.log.error('post crashed before its claim', {
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
