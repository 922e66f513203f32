import type { AllowLists } from '../config.js';
import type { Subscription } from '../store/records.js';

/** Where a Slack request comes from: its workspace, its Grid org, and the person's own workspace. */
export interface SlackOrigin {
  teamId?: string;
  enterpriseId?: string;
  /** The clicking person's home workspace: another organisation's in a Slack Connect channel. */
  userTeamId?: string;
}

/** What a refused request is told: nothing about the data or who else uses the tutor. */
export const NOT_SET_UP = 'This tutor is not set up for this workspace.';
export const NOT_SET_UP_SERVER = 'This tutor is not set up for this server.';

/**
 * A Slack request is served when its workspace (or, on Enterprise Grid, its org) is listed and,
 * in a Slack Connect channel, the person's own workspace is too: someone from another
 * organisation gets the refusal and no score on this workspace's boards.
 */
export function slackAllowed(list: ReadonlySet<string>, origin: SlackOrigin): boolean {
  if (list.size === 0) return true;
  const listed = (id?: string) => id !== undefined && list.has(id);
  if (!listed(origin.teamId) && !listed(origin.enterpriseId)) return false;
  const user = origin.userTeamId;
  return !user || user === origin.teamId || listed(user) || listed(origin.enterpriseId);
}

/** A Discord interaction is served when its server is listed; with a list, DMs are not. */
export function discordAllowed(list: ReadonlySet<string>, guildId: string | undefined): boolean {
  return list.size === 0 || (guildId !== undefined && list.has(guildId));
}

/** Whether the daily run may post to a subscription under these lists. */
export function subscriptionAllowed(lists: AllowLists, subscription: Subscription): boolean {
  if (subscription.platform === 'slack') {
    return slackAllowed(lists.slack, { teamId: subscription.workspaceId });
  }
  if (subscription.platform === 'discord') {
    return discordAllowed(lists.discord, subscription.workspaceId);
  }
  return true;
}
