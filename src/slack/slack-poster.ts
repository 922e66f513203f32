import { type ChannelPoster, failedPost, type PostResult } from '../daily/channel-poster.js';
import { renderBlocks } from './render-blocks.js';
import { createSlackClient } from './slack-client.js';

/** One post may take this long; a round retries what timed out. */
const POST_TIMEOUT_MS = 10_000;

/**
 * Posts to Slack channels with `chat.postMessage` and the bot token. Slack allows about one
 * message a second per channel; beyond that the result carries its Retry-After.
 */
export function createSlackPoster(options: { apiUrl: string; botToken: string }): ChannelPoster {
  const slack = createSlackClient(options);
  return {
    async post(channel, reply): Promise<PostResult> {
      try {
        const message = { channel: channel.channelId, ...renderBlocks(reply) };
        const { ts } = await slack.call(
          'chat.postMessage',
          message,
          AbortSignal.timeout(POST_TIMEOUT_MS),
        );
        if (typeof ts === 'string' && ts) return { ok: true, messageId: ts };
        return { ok: false, scope: 'transient', error: 'chat.postMessage answered no ts' };
      } catch (error) {
        return failedPost(error);
      }
    },
  };
}
