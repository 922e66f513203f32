import type { Context } from 'aws-lambda';
import { readAllowLists, readStoreConfig, readTutorConfig, type StoreConfig } from '../config.js';
import type { Content } from '../content/content.js';
import { loadContent } from '../content/default-content.js';
import type { ChannelRoundDeps, RoundSummary } from '../daily/channel-round.js';
import { createLogger } from '../log.js';
import { createSecretLoader } from '../secrets/load-secrets.js';
import type { DynamoStore } from '../store/dynamo-store.js';
import { subscriptionAllowed } from './allow-list.js';
import { platformPosters } from './daily-posters.js';
import { createMetrics, MetricUnit } from './metrics.js';

/** What a scheduled round gets in Lambda: the same for the daily question and the recap. */
export interface ScheduledDeps extends ChannelRoundDeps {
  store: DynamoStore;
  content: Content;
  clock: () => Date;
  timeZone: string;
  dailyCron: string;
}

/**
 * A Lambda handler for a scheduled round (EventBridge Scheduler). It throws when a channel was
 * not posted or a bot token was refused: Scheduler invokes asynchronously, so Lambda runs it
 * again (posted channels are skipped), then sends the event to the failed-runs queue (alarmed).
 */
export function scheduledRound<S extends RoundSummary>(
  name: string,
  counts: { posted: string; failed: string },
  run: (deps: ScheduledDeps) => Promise<S>,
): (event?: unknown, context?: Context) => Promise<S> {
  const log = createLogger(name);
  const metrics = createMetrics();
  // Either bot token may be absent: a team may use only one of the two platforms.
  const secrets = createSecretLoader(['SLACK_BOT_TOKEN', 'DISCORD_BOT_TOKEN']);
  let store: DynamoStore | undefined;
  const runOnce = async () => {
    const config = readStoreConfig();
    const { timeZone, dailyCron } = readTutorConfig();
    const allowLists = readAllowLists();
    store ??= await openRunStore(config);
    const summary = await run({
      store,
      content: await loadContent(),
      posters: platformPosters(await secrets.load()),
      platforms: ['slack', 'discord'],
      allowed: (subscription) => subscriptionAllowed(allowLists, subscription),
      clock: () => new Date(),
      timeZone,
      dailyCron,
      log,
    });
    metrics.addMetric(counts.posted, MetricUnit.Count, summary.posted);
    metrics.addMetric(counts.failed, MetricUnit.Count, summary.failed + summary.deferred);
    if (summary.halted.length > 0) {
      throw new Error(
        `the bot token was refused on ${summary.halted.join(' and ')}; nothing unsubscribed`,
      );
    }
    if (summary.deferred > 0) {
      throw new Error(`${summary.deferred} channel(s) could not be posted yet; retrying`);
    }
    return summary;
  };
  return async (_event, context) => {
    // Request id, function name and cold start on every line of this invocation (Powertools).
    if (context) log.addContext(context);
    try {
      return await runOnce();
    } finally {
      // Written even when the run throws to be retried: those counts are what the alarms watch.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

/**
 * The AWS SDK is imported on the first run, not with the module: bundled with code splitting it
 * is a chunk of its own, so loading the module neither parses nor runs it (BENCHMARKS.md). A
 * run is not answering a person: DynamoDB gets more time than in the chat handlers.
 */
async function openRunStore(config: StoreConfig): Promise<DynamoStore> {
  const [{ createDocumentClient }, { DynamoStore }] = await Promise.all([
    import('../store/dynamo-client.js'),
    import('../store/dynamo-store.js'),
  ]);
  return new DynamoStore(
    createDocumentClient(config, { requestTimeoutMs: 3000 }),
    config.tableName,
  );
}
