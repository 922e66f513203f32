import { type ChannelPoster, failedPost, type PostResult } from '../daily/channel-poster.js';
import { createDiscordClient } from './discord-client.js';
import { renderMessage } from './render-message.js';

/** One post may take this long; a round retries what timed out. */
const POST_TIMEOUT_MS = 10_000;

/**
 * Posts to Discord channels with the bot token (`POST /channels/{id}/messages`). A 429's
 * result carries how long to wait.
 */
export function createDiscordPoster(options: { apiUrl: string; botToken: string }): ChannelPoster {
  const discord = createDiscordClient(options);
  return {
    async post(channel, reply): Promise<PostResult> {
      try {
        const answer = (await discord.request({
          method: 'POST',
          route: 'POST /channels/:channel/messages',
          path: `/channels/${encodeURIComponent(channel.channelId)}/messages`,
          body: renderMessage(reply),
          signal: AbortSignal.timeout(POST_TIMEOUT_MS),
        })) as { id?: string } | undefined;
        if (answer?.id) return { ok: true, messageId: answer.id };
        return { ok: false, scope: 'transient', error: 'discord answered no message id' };
      } catch (error) {
        return failedPost(error);
      }
    },
  };
}
