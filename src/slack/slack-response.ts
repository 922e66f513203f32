import type { RespondArguments } from '@slack/bolt';
import type { Reply } from '../tutor/reply.js';
import { renderBlocks, type SlackMessage } from './render-blocks.js';

/** The body of a slash command's acknowledgement: the reply itself, shown at once. */
export interface CommandResponse extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
}

/** A slash command's reply: private replies are ephemeral, channel replies are posted for all. */
export function commandResponse(reply: Reply): CommandResponse {
  return {
    response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    ...renderBlocks(reply),
  };
}

/**
 * What a click's `response_url` gets: the clicked message is replaced only when the audience stays
 * the same, so private feedback never replaces the channel's question; `replace_original` is explicit.
 */
export function actionResponse(reply: Reply, clickedEphemeral: boolean): RespondArguments {
  const message = renderBlocks(reply);
  const privateReply = reply.visibility === 'private';
  const replace = reply.replaceOriginal === true && privateReply === clickedEphemeral;
  return {
    ...message,
    response_type: privateReply ? 'ephemeral' : 'in_channel',
    replace_original: replace,
  };
}
