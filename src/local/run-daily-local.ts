/**
 * `npm run daily`: one daily round against the local store, as the scheduled function runs
 * it. Playground channels (`/aws daily on` in `npm start`) get the question printed here;
 * Slack and Discord channels are posted to when their bot tokens are set.
 */
import { platformPosters } from '../app/daily-posters.js';
import { readTutorConfig } from '../config.js';
import { getContent } from '../content/default-content.js';
import { runDaily } from '../daily/run-daily.js';
import { createTerminalPoster } from '../daily/terminal-poster.js';
import { LocalDynamoError } from '../errors.js';
import { openLocalStore } from './local-store.js';

async function main() {
  const local = await openLocalStore();
  try {
    const summary = await runDaily({
      store: local.store,
      content: getContent(),
      posters: { local: createTerminalPoster(), ...platformPosters() },
      clock: () => new Date(),
      timeZone: readTutorConfig().timeZone,
      log: {
        info: () => {},
        error: (message, fields) => console.error(message, JSON.stringify(fields)),
      },
    });
    console.log(
      `Daily round ${summary.date}: ${summary.posted} posted, ${summary.skipped} already done, ${summary.failed} failed, ${summary.deferred} to retry (of ${summary.channels} channels).`,
    );
    if (summary.deferred > 0 || summary.halted.length > 0) process.exitCode = 1;
  } finally {
    await local.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalDynamoError ? error.message : error);
  process.exitCode = 1;
});
