import { scheduledRound } from '../app/scheduled-round.js';
import { runWeekly } from '../team/run-weekly.js';

/** The scheduled weekly recap (`WEEKLY_CRON`): the week's recap to every channel that has it on. */
export const handler = scheduledRound(
  'weeklyRecap',
  { posted: 'RecapPostsPosted', failed: 'RecapPostsFailed' },
  runWeekly,
);
