/**
 * `npm run weekly`: one weekly recap round against the local store, as the scheduled function
 * runs it. Playground channels with the daily question get the recap printed here.
 */
import { runWeekly } from '../team/run-weekly.js';
import { runLocalRound } from './local-round.js';

await runLocalRound((summary) => `Weekly recap ${summary.week}`, runWeekly);
