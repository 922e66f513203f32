import type { EditChannelMessage } from '../daily/refresh-channel.js';
import { renderBlocks } from './render-blocks.js';
import { createSlackClient } from './slack-client.js';

/**
 * Edits the daily question's message with `chat.update` (never the click's `response_url`: see
 * docs/ARCHITECTURE.md, The live count). A 429 is not waited out; failures throw `SlackApiError`.
 */
export function createSlackMessageUpdater(options: {
  apiUrl: string;
  botToken: string;
}): EditChannelMessage {
  const slack = createSlackClient(options);
  return async ({ channelId, messageId, reply }, signal) => {
    await slack.call(
      'chat.update',
      { channel: channelId, ts: messageId, ...renderBlocks(reply) },
      signal,
    );
  };
}
