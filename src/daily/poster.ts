import type { Subscription } from '../store/records.js';
import type { Reply } from '../tutor/reply.js';

/** What happened to one post attempt. */
export type PostResult =
  | { ok: true; messageId: string }
  | {
      ok: false;
      /** The channel is gone or the bot was removed: do not try again. */
      permanent: boolean;
      /** The platform asked us to wait this long (429 Retry-After) before trying again. */
      retryAfterMs?: number;
      error: string;
    };

/** Posts a `Reply` to one channel of one platform. Never throws: failures are results. */
export interface ChannelPoster {
  post(channel: Subscription, reply: Reply): Promise<PostResult>;
}
