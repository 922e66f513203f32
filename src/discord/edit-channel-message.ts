import type { EditChannelMessage } from '../daily/refresh-channel.js';
import { type BotToken, createDiscordClient } from './discord-client.js';
import { renderEdit } from './render-message.js';

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
  botToken: BotToken;
}): EditChannelMessage {
  const discord = createDiscordClient(options);
  return async ({ channelId, messageId, reply }, signal) => {
    const seg = encodeURIComponent;
    await discord.request({
      method: 'PATCH',
      route: 'PATCH /channels/:channel/messages/:message',
      path: `/channels/${seg(channelId)}/messages/${seg(messageId)}`,
      body: { ...renderEdit(reply), allowed_mentions: { parse: [] } },
      signal,
    });
  };
}
