import type { webApi } from '@slack/bolt';
import { SlackApiError } from '../errors.js';

/**
 * Whether `userId` may change subscriptions: listed in SLACK_ADMIN_USER_IDS, or an admin or owner
 * per `users.info`. A failed lookup throws rather than wrongly answering "no".
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
