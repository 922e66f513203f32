import type { EditChannelMessage } from '../daily/refresh-channel.js';
import { SlackApiError } from '../errors.js';
import { renderBlocks } from './render-blocks.js';

/**
 * Edits a channel message the bot posted (the daily question's live count) with `chat.update`
 * and the bot token, at the recorded channel and `ts`. Not the click's `response_url` with
 * `replace_original`: that URL is also how the clicker's private feedback goes out, so one
 * wrong flag would show the feedback to the whole channel; `chat.update` can only ever touch
 * the message named. The message is drawn by `renderBlocks`, as the post was, and sent whole:
 * chat.update replaces the blocks, so the answer buttons go with it and stay usable.
 *
 * Plain `fetch` rather than Bolt's client, which on a 429 pauses its whole request queue for
 * the Retry-After (delaying the user's own answer); a late count is simply dropped instead.
 */
export function createSlackMessageUpdater(options: {
  apiUrl: string;
  botToken: string;
}): EditChannelMessage {
  return async ({ channelId, messageId, reply }, signal) => {
    let response: Response;
    try {
      response = await fetch(`${options.apiUrl}chat.update`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${options.botToken}`,
          'Content-Type': 'application/json; charset=utf-8',
        },
        body: JSON.stringify({ channel: channelId, ts: messageId, ...renderBlocks(reply) }),
        signal,
      });
    } catch (error) {
      throw new SlackApiError('chat.update', error);
    }
    const body = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string };
    if (!body.ok) {
      throw new SlackApiError('chat.update', new Error(body.error ?? `HTTP ${response.status}`));
    }
  };
}
