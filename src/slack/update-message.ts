import type { EditChannelMessage } from '../daily/refresh-channel.js';
import { renderBlocks } from './render-blocks.js';
import { createSlackClient } from './slack-client.js';

/**
 * Edits a channel message the bot posted (the daily question's live count) with `chat.update`
 * and the bot token, at the recorded channel and `ts`. Not the click's `response_url` with
 * `replace_original`: that URL is also how the clicker's private feedback goes out, so one
 * wrong flag would show the feedback to the whole channel; `chat.update` can only ever touch
 * the message named. The message is drawn by `renderBlocks`, as the post was, and sent whole:
 * chat.update replaces the blocks, so the answer buttons go with it and stay usable.
 *
 * A 429 is not waited out (nor does it hold up the user's answer): a late count is dropped.
 * Failures throw `SlackApiError`.
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
