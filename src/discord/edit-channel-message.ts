import type { EditChannelMessage } from '../daily/refresh-channel.js';
import { type BotToken, createDiscordClient } from './discord-client.js';
import { renderEdit } from './render-message.js';

/**
 * Edits a channel message the bot posted (the daily live count) with the bot token, which is
 * read on each edit; not with the interaction token (docs/ARCHITECTURE.md, The live count).
 * A 429 is not waited out. Drawn by `renderEdit`, so the buttons stay and mentions never ping.
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
