/**
 * `npm run daily`: one daily round against the local store, as the scheduled function runs
 * it. Playground channels (`/aws daily on` in `npm start`) get the question printed here.
 */
import { runDaily } from '../daily/run-daily.js';
import { runLocalRound } from './local-round.js';

await runLocalRound((summary) => `Daily round ${summary.date}`, runDaily);
