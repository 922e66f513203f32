import type { Context } from 'aws-lambda';
import { subscriptionAllowed } from '../app/allow-list.js';
import { platformPosters } from '../app/daily-posters.js';
import { emitCounts } from '../app/metrics.js';
import { readAllowLists, readStoreConfig, readTutorConfig, type StoreConfig } from '../config.js';
import { getContent } from '../content/default-content.js';
import { type DailyRunSummary, runDaily } from '../daily/run-daily.js';
import { createJsonLogger, setLogRequestId } from '../log.js';
import { createSecretLoader } from '../secrets/load-secrets.js';
import type { DynamoStore } from '../store/dynamo-store.js';

const log = createJsonLogger({ handler: 'dailyQuiz' });
// Either bot token may be absent: a team may use only one of the two platforms.
const secrets = createSecretLoader(['SLACK_BOT_TOKEN', 'DISCORD_BOT_TOKEN']);
let store: DynamoStore | undefined;

/**
 * The scheduled daily question (EventBridge Scheduler): today's question to every subscribed
 * channel. Throws when a channel was not posted or a bot token was refused: Scheduler invokes
 * asynchronously, so Lambda runs it again (twice, minutes apart; posted channels are skipped)
 * and then sends the event to the failed-runs queue, which alarms.
 */
export async function handler(_event?: unknown, context?: Context): Promise<DailyRunSummary> {
  setLogRequestId(context?.awsRequestId);
  const config = readStoreConfig();
  const { timeZone } = readTutorConfig();
  const allowLists = readAllowLists();
  store ??= await openStore(config);
  const summary = await runDaily({
    store,
    content: getContent(),
    posters: platformPosters(await secrets.load()),
    platforms: ['slack', 'discord'],
    allowed: (subscription) => subscriptionAllowed(allowLists, subscription),
    clock: () => new Date(),
    timeZone,
    log,
  });
  emitCounts({
    DailyPostsPosted: summary.posted,
    DailyPostsFailed: summary.failed + summary.deferred,
  });
  if (summary.halted.length > 0) {
    throw new Error(
      `the bot token was refused on ${summary.halted.join(' and ')}; nothing unsubscribed`,
    );
  }
  if (summary.deferred > 0) {
    throw new Error(`${summary.deferred} channel(s) could not be posted yet; retrying`);
  }
  return summary;
}

/**
 * The AWS SDK is imported on the first run, not with the module: bundled with code splitting it
 * is a chunk of its own, so loading the module neither parses nor runs it (BENCHMARKS.md). A
 * cold run still pays for it once, a little later; the chat handlers do the same.
 */
async function openStore(config: StoreConfig): Promise<DynamoStore> {
  const [{ createDocumentClient }, { DynamoStore }] = await Promise.all([
    import('../store/dynamo-client.js'),
    import('../store/dynamo-store.js'),
  ]);
  // The run is not answering a person: allow DynamoDB more time than the chat handlers do.
  return new DynamoStore(
    createDocumentClient(config, { requestTimeoutMs: 3000 }),
    config.tableName,
  );
}
