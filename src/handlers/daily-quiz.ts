import { scheduledRound } from '../app/scheduled-round.js';
import { runDaily } from '../daily/run-daily.js';

/** The scheduled daily question (`DAILY_CRON`): today's question to every subscribed channel. */
export const handler = scheduledRound(
  'dailyQuiz',
  { posted: 'DailyPostsPosted', failed: 'DailyPostsFailed' },
  runDaily,
);
