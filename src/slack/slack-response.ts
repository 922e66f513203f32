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
 * What to send to a button's `response_url`. The clicked message is replaced only when the
 * core asks for it and the audience stays the same: replacing a channel message (the daily
 * question) with someone's private feedback would show that feedback to everyone, so it
 * becomes an ephemeral message of its own. `replace_original` is always explicit, because its
 * default differs between message kinds.
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
