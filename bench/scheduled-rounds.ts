import { loadContent } from '../src/content/default-content.js';
import type { RoundSummary } from '../src/daily/channel-round.js';
import { runDaily } from '../src/daily/run-daily.js';
import { createSlackPoster } from '../src/slack/slack-poster.js';
import { runWeekly } from '../src/team/run-weekly.js';
import { createTutor } from '../src/tutor/tutor.js';
import {
  answerAction,
  dailyRunner,
  quietLog,
  recordingPoster,
  subscribeChannels,
} from '../test/helpers/daily-round.js';
import { freshStore } from '../test/helpers/dynamo.js';
import { startFakeChatApis } from '../test/helpers/fake-chat-apis.js';
import { startSlowProxy } from '../test/helpers/slow-proxy.js';
import { asker, fakeClock, testDeps } from '../test/helpers/test-deps.js';
import { metered, type Requests } from './dynamo-meter.js';
import { inPool, timed } from './stats.js';

const compiled = await loadContent();

/** DynamoDB requests of one scheduled round: what each channel adds, and what is left. */
export interface RoundCost {
  perChannel: Requests;
  /** The rest: per workspace (its shared reads) and per run (listing the subscriptions). */
  perWorkspace: Requests;
}

export interface FanOutFigures {
  channels: number;
  workspaces: number;
  slackMs: number;
  runs: { name: string; wallMs: number; posted: number; deferred: number; failed: number }[];
}

/** `a − b`, name by name, dropping what is zero. */
function minus(a: Requests, b: Requests, divide = 1): Requests {
  const out: Requests = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const n = ((a[name] ?? 0) - (b[name] ?? 0)) / divide;
    if (Math.abs(n) > 1e-9) out[name] = n;
  }
  return out;
}

/**
 * A working week in one Slack workspace of `channels` channels: a daily run each day, `people`
 * answering each question in the first channel, then the weekly recap on Friday. Gives the
 * requests of Friday's daily run (it reveals Thursday's question) and of the recap.
 */
async function playWeek(dynamoEndpoint: string, channels: number, people: number) {
  const { store } = await freshStore(dynamoEndpoint);
  const tenant = { platform: 'slack', workspaceId: 'T0WEEK01' } as const;
  const ids = Array.from({ length: channels }, (_, i) => `C0WEEK${String(i).padStart(3, '0')}`);
  const first = ids[0] as string;
  await subscribeChannels(store, tenant, ids);
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const tutor = createTutor(testDeps({ storeImpl: store, clock }));
  const daily = dailyRunner(store, clock, 'slack');
  let dailyRequests: Requests = {};
  for (let day = 23; day <= 27; day++) {
    clock.set(`2026-11-${day}T09:00:00Z`);
    dailyRequests = (await metered(() => daily.run())).requests;
    const post = daily.latest(first);
    clock.set(`2026-11-${day}T10:00:00Z`);
    await inPool(people, 8, async (i) => {
      const who = asker({ ...tenant, channelId: first, userId: `U0P${i}`, userName: `p${i}` });
      await tutor.handleAction(who, answerAction(post, (i + day) % 3 !== 0));
    });
  }
  clock.set('2026-11-27T16:00:00Z');
  const { requests: weeklyRequests } = await metered(() =>
    runWeekly({
      store,
      content: compiled,
      posters: { slack: recordingPoster().poster },
      clock,
      timeZone: 'Europe/London',
      log: quietLog,
    }),
  );
  return { daily: dailyRequests, weekly: weeklyRequests };
}

/**
 * The requests of the daily run and the weekly recap, split into per channel and per
 * workspace by playing the same week with 1 and with 10 channels.
 */
export async function measureRoundCosts(dynamoEndpoint: string, people: number) {
  const one = await playWeek(dynamoEndpoint, 1, people);
  const ten = await playWeek(dynamoEndpoint, 10, people);
  const split = (kind: 'daily' | 'weekly'): RoundCost => {
    const perChannel = minus(ten[kind], one[kind], 9);
    return { perChannel, perWorkspace: minus(one[kind], perChannel) };
  };
  return { people, daily: split('daily'), weekly: split('weekly') };
}

/**
 * The daily run, then the weekly recap, to `channels` Slack channels across 10 workspaces with
 * the real Slack poster, against the local Slack fake (one message a second per channel, 429
 * beyond) behind a proxy that makes each post take `slackMs`, as Slack's own answer does.
 */
export async function measureFanOut(
  dynamoEndpoint: string,
  options: { channels: number; slackMs: number },
): Promise<FanOutFigures> {
  const { store } = await freshStore(dynamoEndpoint);
  const workspaces = 10;
  await inPool(workspaces, 4, async (w) => {
    const ids = Array.from(
      { length: options.channels / workspaces },
      (_, i) => `C0FAN${w}${String(i).padStart(5, '0')}`,
    );
    await subscribeChannels(store, { platform: 'slack', workspaceId: `T0FAN${w}` }, ids);
  });
  const slack = await startFakeChatApis();
  const proxy = await startSlowProxy(new URL(slack.slackApiUrl).origin, options.slackMs);
  const deps = {
    store,
    content: compiled,
    posters: {
      slack: createSlackPoster({ apiUrl: `${proxy.endpoint}/api/`, botToken: 'xoxb-bench' }),
    },
    clock: () => new Date(),
    timeZone: 'Europe/London',
    log: quietLog,
  };
  try {
    const runs: FanOutFigures['runs'] = [];
    const rounds: [string, () => Promise<RoundSummary>][] = [
      ['daily run', () => runDaily(deps)],
      ['weekly recap', () => runWeekly(deps)],
    ];
    for (const [name, run] of rounds) {
      const { result, ms } = await timed(run);
      const { posted, deferred, failed } = result;
      runs.push({ name, wallMs: ms, posted, deferred, failed });
    }
    return { channels: options.channels, workspaces, slackMs: options.slackMs, runs };
  } finally {
    await proxy.close();
    await slack.close();
  }
}
