import { renderBlocks } from '../slack/render-blocks.js';
import type { ChannelPoster, PostResult } from './poster.js';

/** Slack errors that no retry fixes: the channel or the bot's access to it is gone. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'missing_scope',
  'team_access_not_granted',
]);

/**
 * Posts to Slack channels with `chat.postMessage` and the bot token. Plain `fetch`, not the
 * Web API client, keeps the dailyQuiz bundle small. Slack allows about one message a second
 * per channel and answers HTTP 429 with `Retry-After` (seconds) beyond that.
 */
export function createSlackPoster(options: { apiUrl: string; botToken: string }): ChannelPoster {
  return {
    async post(channel, reply): Promise<PostResult> {
      let response: Response;
      try {
        response = await fetch(`${options.apiUrl}chat.postMessage`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.botToken}`,
            'Content-Type': 'application/json; charset=utf-8',
          },
          body: JSON.stringify({ channel: channel.channelId, ...renderBlocks(reply) }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        return { ok: false, permanent: false, error: `network: ${(error as Error).message}` };
      }
      if (response.status === 429) {
        await response.arrayBuffer().catch(() => undefined);
        const seconds = Number(response.headers.get('retry-after') ?? 1) || 1;
        return { ok: false, permanent: false, retryAfterMs: seconds * 1000, error: 'ratelimited' };
      }
      const body = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        ts?: string;
        error?: string;
      };
      if (body.ok && body.ts) return { ok: true, messageId: body.ts };
      const error = body.error ?? `http ${response.status}`;
      return { ok: false, permanent: PERMANENT.has(error), error };
    },
  };
}
