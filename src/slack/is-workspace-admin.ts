import type { webApi } from '@slack/bolt';
import { SlackApiError } from '../errors.js';

/**
 * Whether `userId` may change this workspace's daily subscriptions: listed in
 * SLACK_ADMIN_USER_IDS (no API call), or an admin or owner according to `users.info`. A failed
 * lookup throws rather than answering "no": telling a real admin they are not one would be
 * wrong, and the core turns the error into a polite "try again".
 */
export async function isWorkspaceAdmin(
  client: webApi.WebClient,
  userId: string,
  adminUserIds: readonly string[],
): Promise<boolean> {
  if (adminUserIds.includes(userId)) return true;
  try {
    const { user } = await client.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (error) {
    throw new SlackApiError('users.info', { cause: error });
  }
}
