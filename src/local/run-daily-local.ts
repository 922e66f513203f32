/**
 * `npm run daily`: one daily round against the local store, as the scheduled function runs
 * it. Playground channels (`/aws daily on` in `npm start`) get the question printed here;
 * Slack and Discord channels are posted to when their bot tokens are set.
 */
import { readDiscordPosting, readSlackPosting, readTutorConfig } from '../config.js';
import { getContent } from '../content/default-content.js';
import { createDiscordPoster } from '../daily/discord-poster.js';
import type { ChannelPoster } from '../daily/poster.js';
import { runDaily } from '../daily/run-daily.js';
import { createSlackPoster } from '../daily/slack-poster.js';
import { LocalDynamoError } from '../errors.js';
import { openLocalStore } from './local-store.js';
import { renderText } from './render-text.js';

const printer: ChannelPoster = {
  async post(channel, reply) {
    console.log(`── #${channel.channelId} (${channel.workspaceId}) ──\n${renderText(reply)}\n`);
    return { ok: true, messageId: `local-${Date.now()}` };
  },
};

async function main() {
  const local = await openLocalStore();
  try {
    const posters: Record<string, ChannelPoster> = { local: printer };
    const slack = readSlackPosting();
    if (slack) posters.slack = createSlackPoster(slack);
    const discord = readDiscordPosting();
    if (discord) posters.discord = createDiscordPoster(discord);
    const summary = await runDaily({
      store: local.store,
      content: getContent(),
      posters,
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
  } finally {
    await local.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalDynamoError ? error.message : error);
  process.exitCode = 1;
});
