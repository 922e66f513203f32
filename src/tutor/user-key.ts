import type { UserKey } from '../store/keys.js';
import type { Asker } from './deps.js';

/** The store key of the person asking. */
export function userKey(asker: Asker): UserKey {
  return { platform: asker.platform, workspaceId: asker.workspaceId, userId: asker.userId };
}
