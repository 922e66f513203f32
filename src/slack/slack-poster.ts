import type { ChannelPoster, PostFailureScope, PostResult } from '../daily/channel-poster.js';
import { renderBlocks } from './render-blocks.js';

/** Slack errors about one channel: it is gone, or the bot may not post there. */
const CHANNEL_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
]);

/** Slack errors about the token itself: no channel can be posted to until it is fixed. */
const TOKEN_ERRORS = new Set([
  'not_authed',
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
  'team_access_not_granted',
  'no_permission',
  'ekm_access_denied',
]);

/** How far a Slack error reaches. */
export function slackErrorScope(error: string): PostFailureScope {
  if (TOKEN_ERRORS.has(error)) return 'token';
  return CHANNEL_ERRORS.has(error) ? 'channel' : 'transient';
}

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
        return { ok: false, scope: 'transient', error: `network: ${(error as Error).message}` };
      }
      if (response.status === 429) {
        await response.arrayBuffer().catch(() => undefined);
        const seconds = Number(response.headers.get('retry-after') ?? 1) || 1;
        return {
          ok: false,
          scope: 'transient',
          retryAfterMs: seconds * 1000,
          error: 'ratelimited',
        };
      }
      const body = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        ts?: string;
        error?: string;
      };
      if (body.ok && body.ts) return { ok: true, messageId: body.ts };
      const error = body.error ?? `http ${response.status}`;
      return { ok: false, scope: slackErrorScope(error), error };
    },
  };
}
