import { getContent } from '../src/content/default-content.js';
import { dailyQuestionFor } from '../src/daily/daily-post.js';
import type { DailyRunSummary } from '../src/daily/run-daily.js';
import { runDaily } from '../src/daily/run-daily.js';
import { createDiscordPoster } from '../src/discord/discord-poster.js';
import { createSlackPoster } from '../src/slack/slack-poster.js';
import type { Subscription } from '../src/store/records.js';
import type { DailyRunStore, TutorStore } from '../src/store/tutor-store.js';
import { dateIn } from '../src/time/calendar.js';

/** The daily question's time zone, as the handlers default to it. */
export const TIME_ZONE = 'Europe/London';

/** Quiet: the bench reports outcomes itself. */
export const SILENT_LOG = { error: () => {}, info: () => {} };

/** Today's question of the day and the index of its right answer. */
export function todaysDaily() {
  const date = dateIn(new Date(), TIME_ZONE);
  const question = dailyQuestionFor(getContent(), date);
  return { date, question, correct: question.answer };
}

/**
 * Subscribes `channels` and runs one daily round, as the scheduled function would, posting
 * through the fakes at `apis`. Afterwards the channels hold today's question, posted.
 */
export async function postDaily(
  store: TutorStore & DailyRunStore,
  channels: Omit<Subscription, 'subscribedAt' | 'status' | 'subscribedBy'>[],
  apis: { slackApiUrl?: string; discordApiUrl?: string },
): Promise<DailyRunSummary> {
  for (const channel of channels) {
    await store.subscribe({
      ...channel,
      subscribedBy: 'bench-admin',
      subscribedAt: new Date().toISOString(),
      status: 'active',
    });
  }
  return runDaily({
    store,
    content: getContent(),
    posters: {
      ...(apis.slackApiUrl
        ? { slack: createSlackPoster({ apiUrl: apis.slackApiUrl, botToken: 'xoxb-bench' }) }
        : {}),
      ...(apis.discordApiUrl
        ? { discord: createDiscordPoster({ apiUrl: apis.discordApiUrl, botToken: 'bench-bot' }) }
        : {}),
    },
    clock: () => new Date(),
    timeZone: TIME_ZONE,
    log: SILENT_LOG,
  });
}
