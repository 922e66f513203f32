import { describeError } from '../errors.js';
import type { Asker, Logger } from '../tutor/deps.js';
import type { ChannelRefresh, Reply } from '../tutor/reply.js';
import type { Tutor } from '../tutor/tutor.js';

/** A platform's edit of one channel message; `signal` cuts the request off at the deadline. */
export type EditChannelMessage = (
  message: { channelId: string; messageId: string; reply: Reply },
  signal: AbortSignal,
) => Promise<void>;

/**
 * The live-count edit as a whole (the store's claim and the platform's call) gets this long.
 * It runs beside or after the answer to a click, which must reach Slack or Discord within 3 s,
 * and a count is not worth holding a Lambda any longer for.
 */
export const CHANNEL_REFRESH_TIMEOUT_MS = 1000;

export interface RefreshChannelDeps {
  tutor: Pick<Tutor, 'refreshChannel'>;
  edit: EditChannelMessage;
  log: Logger;
  timeoutMs?: number;
}

/**
 * Shows a new daily count on the channel message after a click: the core claims the (throttled)
 * edit and redraws the post, `edit` sends it. Bounded by `timeoutMs`; never throws, since the
 * answer stands either way: a failure is only logged. True when edited.
 */
export async function refreshChannelMessage(
  deps: RefreshChannelDeps,
  asker: Asker,
  refresh: ChannelRefresh,
): Promise<boolean> {
  const signal = AbortSignal.timeout(deps.timeoutMs ?? CHANNEL_REFRESH_TIMEOUT_MS);
  try {
    const update = await beforeAbort(deps.tutor.refreshChannel(asker, refresh), signal);
    if (!update?.messageId) return false;
    const { channelId, messageId, reply } = update;
    await deps.edit({ channelId, messageId, reply }, signal);
    return true;
  } catch (error) {
    deps.log.error('could not update the answer count on the channel message', {
      platform: asker.platform,
      channel: asker.channelId,
      error: describeError(error),
    });
    return false;
  }
}

/** `work`, or the signal's reason once it aborts, whichever comes first. */
function beforeAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
