import { randomUUID } from 'node:crypto';
import type { Content } from '../content/content.js';
import {
  type ChannelOutcome,
  type ChannelRoundDeps,
  type RoundSummary,
  runChannelRound,
} from '../daily/channel-round.js';
import type { Subscription } from '../store/records.js';
import type { RecapRunStore } from '../store/tutor-store.js';
import { dateIn } from '../time/calendar.js';
import type { Reply } from '../tutor/reply.js';
import { recapFactsReader } from './recap-facts.js';
import { recapReply, recapWeek } from './weekly-recap.js';

export interface WeeklyRunDeps extends ChannelRoundDeps {
  store: RecapRunStore;
  content: Content;
  clock: () => Date;
  timeZone: string;
  /** The daily schedule, for a quiet week's "the next daily question comes …". */
  dailyCron?: string;
  /** A claim older than this belongs to a run that crashed. */
  staleClaimMs?: number;
}

export interface WeeklyRunSummary extends RoundSummary {
  week: string;
}

/**
 * One round of the weekly recap: every subscribed channel with the recap on gets the week's
 * recap once (the daily run's claim-before-post round). Read-only apart from the claims.
 */
export async function runWeekly(
  deps: WeeklyRunDeps,
  onChannel?: (channel: Subscription, outcome: ChannelOutcome, reply?: Reply) => void,
): Promise<WeeklyRunSummary> {
  const week = recapWeek(dateIn(deps.clock(), deps.timeZone));
  const claimId = randomUUID();
  const factsFor = recapFactsReader(deps.store, deps);
  const claimOf = (channel: Subscription) => ({
    channelId: channel.channelId,
    week: week.week,
    claimId,
  });

  const summary = await runChannelRound(
    {
      ...deps,
      markSubscriptionFailed: (channel, error) =>
        deps.store.markSubscriptionFailed(channel, channel.channelId, error),
    },
    {
      // The subscription index holds keys only: the recap setting is read from the item.
      skip: async (channel) =>
        (await deps.store.getSubscription(channel, channel.channelId))?.recap === false,
      claim: (channel) =>
        deps.store.claimRecap(channel, {
          ...claimOf(channel),
          now: deps.clock().toISOString(),
          staleBefore: new Date(
            deps.clock().getTime() - (deps.staleClaimMs ?? 5 * 60_000),
          ).toISOString(),
        }),
      prepare: async (channel) => recapReply(deps.content, await factsFor(channel, week)),
      markPosted: (channel, messageId) =>
        deps.store.markRecapPosted(channel, {
          ...claimOf(channel),
          messageId,
          at: deps.clock().toISOString(),
        }),
      release: (channel) => deps.store.releaseRecap(channel, claimOf(channel)),
    },
    onChannel,
  );
  const result = { week: week.week, ...summary };
  deps.log.info('weekly recap done', { ...result });
  return result;
}
