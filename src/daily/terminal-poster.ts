import { randomUUID } from 'node:crypto';
import { renderText } from '../local/render-text.js';
import type { Reply } from '../tutor/reply.js';
import type { ChannelPoster } from './channel-poster.js';

/**
 * The playground's channels: a post is printed (or handed to `show`) instead of sent to a
 * chat platform, with a message id like a platform's, so the live count works the same.
 */
export function createTerminalPoster(
  show: (reply: Reply, channel: string) => void = (reply, channel) =>
    console.log(`── #${channel} ──\n${renderText(reply)}\n`),
): ChannelPoster {
  return {
    async post(channel, reply) {
      show(reply, channel.channelId);
      return { ok: true, messageId: `local-${randomUUID()}` };
    },
  };
}
