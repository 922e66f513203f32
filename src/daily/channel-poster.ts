import type { Subscription } from '../store/records.js';
import type { Reply } from '../tutor/reply.js';

/**
 * What went wrong with a post, and how far it reaches: `channel` (the channel is gone or the
 * bot lost access to it), `token` (the bot token itself is refused: every channel of the
 * platform), or `transient` (rate limits, outages: try again).
 */
export type PostFailureScope = 'channel' | 'token' | 'transient';

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
