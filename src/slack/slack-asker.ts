import type { BlockAction, SlashCommand } from '@slack/bolt';
import type { Asker } from '../tutor/deps.js';

/**
 * Who ran a slash command, and where. `undefined` when the payload lacks the ids every real
 * command carries (only a hand-made request does that).
 */
export function askerFromCommand(body: Partial<SlashCommand>): Asker | undefined {
  return asker(body.team_id, body.channel_id, body.user_id, body.user_name);
}

/**
 * Who clicked a button, and where. In an org-wide install `team` can be missing; the user's
 * own workspace is the one the scores belong to then.
 */
export function askerFromAction(body: Partial<BlockAction>): Asker | undefined {
  const user = body.user;
  return asker(
    body.team?.id ?? user?.team_id,
    body.channel?.id ?? body.container?.channel_id,
    user?.id,
    user?.username ?? user?.name,
  );
}

function asker(
  workspaceId: unknown,
  channelId: unknown,
  userId: unknown,
  userName: unknown,
): Asker | undefined {
  if (!isId(workspaceId) || !isId(channelId) || !isId(userId)) return undefined;
  const name = typeof userName === 'string' && userName.trim() ? userName.trim() : userId;
  return { platform: 'slack', workspaceId, channelId, userId, userName: name.slice(0, 80) };
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(value);
}
