import {
  readDiscordPosting,
  readSlackPosting,
  readStoreConfig,
  readTutorConfig,
} from '../config.js';
import { getContent } from '../content/default-content.js';
import { createDiscordPoster } from '../daily/discord-poster.js';
import type { ChannelPoster } from '../daily/poster.js';
import { type DailyRunSummary, runDaily } from '../daily/run-daily.js';
import { createSlackPoster } from '../daily/slack-poster.js';
import { createJsonLogger } from '../log.js';
import { createDocumentClient } from '../store/dynamo-client.js';
import { DynamoStore } from '../store/dynamo-store.js';

const log = createJsonLogger({ handler: 'dailyQuiz' });
let store: DynamoStore | undefined;

/**
 * The scheduled daily question (EventBridge Scheduler). Posts today's question to every
 * subscribed channel. Throws when some channels could not be posted yet, so Scheduler's retry
 * policy runs it again (posted channels are skipped) and, when retries run out, the event lands
 * in the dead-letter queue.
 */
export async function handler(): Promise<DailyRunSummary> {
  const config = readStoreConfig();
  const { timeZone } = readTutorConfig();
  // The run is not answering a person: allow DynamoDB more time than the chat handlers do.
  store ??= new DynamoStore(
    createDocumentClient(config, { requestTimeoutMs: 3000 }),
    config.tableName,
  );
  const posters: Record<string, ChannelPoster> = {};
  const slack = readSlackPosting();
  if (slack) posters.slack = createSlackPoster(slack);
  const discord = readDiscordPosting();
  if (discord) posters.discord = createDiscordPoster(discord);
  const summary = await runDaily({
    store,
    content: getContent(),
    posters,
    clock: () => new Date(),
    timeZone,
    log,
  });
  emitMetrics(summary);
  if (summary.deferred > 0) {
    throw new Error(`${summary.deferred} channel(s) could not be posted yet; retrying`);
  }
  return summary;
}

/**
 * CloudWatch Embedded Metric Format: one log line becomes the DailyPostsFailed and
 * DailyPostsPosted metrics, which the alarms in serverless.yml watch. No PutMetricData call.
 */
function emitMetrics(summary: DailyRunSummary) {
  console.log(
    JSON.stringify({
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: 'AwsTutor',
            Dimensions: [[]],
            Metrics: [
              { Name: 'DailyPostsPosted', Unit: 'Count' },
              { Name: 'DailyPostsFailed', Unit: 'Count' },
            ],
          },
        ],
      },
      DailyPostsPosted: summary.posted,
      DailyPostsFailed: summary.failed + summary.deferred,
    }),
  );
}
