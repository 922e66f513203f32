import type { EditChannelMessage } from '../daily/refresh-channel.js';
import { DiscordApiError } from '../errors.js';
import { renderEdit } from './render-message.js';

// Discord asks every API client to identify itself this way.
const USER_AGENT = 'DiscordBot (https://github.com/aws-tutor/aws-tutor, 0.1.0)';
const ROUTE = 'PATCH /channels/:channel/messages/:message';

/**
 * Edits a channel message the bot posted (the daily question's live count) with
 * `PATCH /channels/{id}/messages/{id}` and the bot token. The interaction token cannot do it:
 * the click is answered with the clicker's private feedback (type 4, ephemeral), and from then
 * on the interaction's `@original` is that feedback, not the message the button is on; only a
 * type 6/7 answer would make it the channel message, and that would push the feedback into a
 * follow-up that can fail on its own. The bot wrote the post, so the bot may edit it.
 *
 * `botToken` is asked for on each edit (it may come from SSM); without one the edit fails,
 * which is logged and leaves the count as it was. A 429 is not waited out: the next click after
 * the throttle interval shows the count instead. The message is drawn by `renderEdit`, the same
 * renderer as the post, with every field set so the buttons stay, and mentions never ping.
 */
export function createDiscordMessageEditor(options: {
  apiUrl: string;
  botToken: () => Promise<string | undefined>;
}): EditChannelMessage {
  return async ({ channelId, messageId, reply }, signal) => {
    const token = await options.botToken();
    if (!token) throw new DiscordApiError(`${ROUTE} (no DISCORD_BOT_TOKEN)`, 0);
    const seg = encodeURIComponent;
    let response: Response;
    try {
      response = await fetch(
        `${options.apiUrl}/channels/${seg(channelId)}/messages/${seg(messageId)}`,
        {
          method: 'PATCH',
          headers: {
            Authorization: `Bot ${token}`,
            'Content-Type': 'application/json',
            'User-Agent': USER_AGENT,
          },
          body: JSON.stringify({ ...renderEdit(reply), allowed_mentions: { parse: [] } }),
          signal,
        },
      );
    } catch (error) {
      throw new DiscordApiError(ROUTE, 0, { cause: error });
    }
    // Drain the body so the connection can be reused; its content is not needed.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new DiscordApiError(ROUTE, response.status);
  };
}
