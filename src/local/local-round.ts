import { platformPosters } from '../app/daily-posters.js';
import { readTutorConfig } from '../config.js';
import type { Content } from '../content/content.js';
import { loadContent } from '../content/default-content.js';
import type { ChannelRoundDeps, RoundSummary } from '../daily/channel-round.js';
import { createTerminalPoster } from '../daily/terminal-poster.js';
import { LocalDynamoError } from '../errors.js';
import type { DynamoStore } from '../store/dynamo-store.js';
import { openLocalStore } from './local-store.js';

/** What a local round gets: the playground's channels print here, Slack and Discord post. */
export interface LocalRoundDeps extends ChannelRoundDeps {
  store: DynamoStore;
  content: Content;
  clock: () => Date;
  timeZone: string;
  dailyCron: string;
}

/**
 * `npm run daily` / `npm run weekly`: one scheduled round against the local store, as the
 * Lambda runs it. Slack and Discord channels are posted to when their bot tokens are set.
 */
export async function runLocalRound<S extends RoundSummary>(
  describe: (summary: S) => string,
  run: (deps: LocalRoundDeps) => Promise<S>,
): Promise<void> {
  try {
    const local = await openLocalStore();
    try {
      const { timeZone, dailyCron } = readTutorConfig();
      const summary = await run({
        store: local.store,
        content: await loadContent(),
        posters: { local: createTerminalPoster(), ...platformPosters() },
        clock: () => new Date(),
        timeZone,
        dailyCron,
        log: {
          info: () => {},
          error: (message, fields) => console.error(message, JSON.stringify(fields)),
        },
      });
      console.log(
        `${describe(summary)}: ${summary.posted} posted, ${summary.skipped} already done or off, ${summary.failed} failed, ${summary.deferred} to retry (of ${summary.channels} channels).`,
      );
      if (summary.deferred > 0 || summary.halted.length > 0) process.exitCode = 1;
    } finally {
      await local.stop();
    }
  } catch (error) {
    console.error(error instanceof LocalDynamoError ? error.message : error);
    process.exitCode = 1;
  }
}
