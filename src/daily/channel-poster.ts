import { ChatApiError, type ChatApiScope } from '../errors.js';
import type { Subscription } from '../store/records.js';
import type { Reply } from '../tutor/reply.js';

/** What went wrong with a post, and how far it reaches: see `ChatApiScope`. */
export type PostFailureScope = ChatApiScope;

/** What happened to one post attempt. */
export type PostResult =
  | { ok: true; messageId: string }
  | {
      ok: false;
      scope: PostFailureScope;
      /** The platform asked us to wait this long (429 Retry-After) before trying again. */
      retryAfterMs?: number;
      error: string;
    };

/** Posts a `Reply` to one channel of one platform. Never throws: failures are results. */
export interface ChannelPoster {
  post(channel: Subscription, reply: Reply): Promise<PostResult>;
}

/** A failed post as a result: a platform client's error keeps its scope and wait. */
export function failedPost(error: unknown): PostResult {
  if (!(error instanceof ChatApiError)) {
    return { ok: false, scope: 'transient', error: String(error) };
  }
  const wait = error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs };
  return { ok: false, scope: error.scope, ...wait, error: error.reason };
}
