import { getContent } from '../src/content/default-content.js';
import { type DailyRunSummary, runDaily } from '../src/daily/run-daily.js';
import { createSlackPoster } from '../src/slack/slack-poster.js';
import { startFakeChatApis } from '../test/helpers/fake-chat-apis.js';
import { startSlowProxy } from '../test/helpers/slow-proxy.js';
import type { DynamoMeter } from './dynamo-meter.js';
import { inPool } from './http-post.js';
import { benchStore, freshTable } from './local-dynamo.js';
import { SILENT_LOG, TIME_ZONE } from './post-daily.js';

export interface FanOutFigures {
  channels: number;
  /** Slack's answer time added by a delaying proxy in front of the fake API. */
  apiLatencyMs: number;
  /** Channels that had just had a message, so Slack's per-channel limit answers 429 first. */
  busyChannels: number;
  /** Two runs at once, as when Scheduler delivers the event twice. */
  duplicateDelivery: boolean;
  wallMs: number;
  perSecond: number;
  summaries: DailyRunSummary[];
  slack429: number;
  /** Channels with exactly one question of the day posted, and any with more or none. */
  postedOnce: number;
  postedTwice: number;
  missing: number;
  dynamoPerChannel: { reads: number; writes: number };
}

const WORKSPACES = 10;

/**
 * One daily round to `channels` subscribed Slack channels (across 10 workspaces) with the real
 * run (src/daily/run-daily.ts), its Slack poster and the DynamoDB store, against a local server
 * that speaks Slack's chat.postMessage and enforces its one-message-a-second per channel.
 */
export async function runFanOut(
  dynamoEndpoint: string,
  meter: DynamoMeter,
  options: { channels: number; apiLatencyMs: number; busyChannels: number; duplicate: boolean },
): Promise<FanOutFigures> {
  const tableName = await freshTable(dynamoEndpoint, 'fanout');
  const store = benchStore(dynamoEndpoint, tableName);
  const fake = await startFakeChatApis();
  const origin = new URL(fake.slackApiUrl).origin;
  const proxy = options.apiLatencyMs
    ? await startSlowProxy(origin, options.apiLatencyMs)
    : undefined;
  try {
    const channels = Array.from({ length: options.channels }, (_, i) => ({
      platform: 'slack',
      workspaceId: `T0FAN${String(i % WORKSPACES).padStart(4, '0')}`,
      channelId: `C0FAN${String(i).padStart(6, '0')}`,
    }));
    await inPool(channels, 8, async (channel) => {
      await store.subscribe({
        ...channel,
        subscribedBy: 'bench-admin',
        subscribedAt: new Date().toISOString(),
        status: 'active',
      });
    });
    const busy = channels.slice(0, options.busyChannels).map((c) => c.channelId);
    for (const channel of busy) {
      await fetch(`${origin}/api/chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, text: 'bench: someone else just posted here' }),
      });
    }
    const run = () =>
      runDaily({
        store,
        content: getContent(),
        posters: {
          slack: createSlackPoster({
            apiUrl: `${proxy?.endpoint ?? origin}/api/`,
            botToken: 'xoxb-bench',
          }),
        },
        clock: () => new Date(),
        timeZone: TIME_ZONE,
        log: SILENT_LOG,
      });
    meter.reset();
    const started = performance.now();
    const summaries = await Promise.all(options.duplicate ? [run(), run()] : [run()]);
    const wallMs = performance.now() - started;
    const dynamo = meter.read();

    const perChannel = new Map<string, number>();
    for (const m of fake.messages) {
      if (String(m.body.text ?? '').startsWith('bench:')) continue;
      perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
    }
    const counts = channels.map((c) => perChannel.get(c.channelId) ?? 0);
    return {
      channels: options.channels,
      apiLatencyMs: options.apiLatencyMs,
      busyChannels: options.busyChannels,
      duplicateDelivery: options.duplicate,
      wallMs,
      perSecond: options.channels / (wallMs / 1000),
      summaries,
      slack429: fake.counts().slack429,
      postedOnce: counts.filter((n) => n === 1).length,
      postedTwice: counts.filter((n) => n > 1).length,
      missing: counts.filter((n) => n === 0).length,
      dynamoPerChannel: {
        reads: dynamo.reads / options.channels,
        writes: dynamo.writes / options.channels,
      },
    };
  } finally {
    await proxy?.close();
    await fake.close();
  }
}
