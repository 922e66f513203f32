import type { ChannelPoster, PostFailureScope, PostResult } from '../daily/channel-poster.js';
import { renderMessage } from './render-message.js';

// Discord asks every API client to identify itself this way.
const USER_AGENT = 'DiscordBot (https://github.com/aws-tutor/aws-tutor, 0.1.0)';

/**
 * How far a Discord error reaches: 401 is the bot token itself; 403 (Missing Access, Missing
 * Permissions) and 404 (Unknown Channel) are one channel; the rest may pass.
 */
export function discordErrorScope(status: number): PostFailureScope {
  if (status === 401) return 'token';
  return status === 403 || status === 404 ? 'channel' : 'transient';
}

/**
 * Posts to Discord channels with the bot token (`POST /channels/{id}/messages`). A 429 carries
 * how long to wait (`retry_after` in seconds, or the `Retry-After` header).
 */
export function createDiscordPoster(options: { apiUrl: string; botToken: string }): ChannelPoster {
  return {
    async post(channel, reply): Promise<PostResult> {
      let response: Response;
      try {
        response = await fetch(
          `${options.apiUrl}/channels/${encodeURIComponent(channel.channelId)}/messages`,
          {
            method: 'POST',
            headers: {
              Authorization: `Bot ${options.botToken}`,
              'Content-Type': 'application/json',
              'User-Agent': USER_AGENT,
            },
            body: JSON.stringify(renderMessage(reply)),
            signal: AbortSignal.timeout(10_000),
          },
        );
      } catch (error) {
        return { ok: false, scope: 'transient', error: `network: ${(error as Error).message}` };
      }
      const body = (await response.json().catch(() => ({}))) as {
        id?: string;
        retry_after?: number;
        message?: string;
      };
      if (response.ok && body.id) return { ok: true, messageId: body.id };
      if (response.status === 429) {
        const seconds = body.retry_after ?? Number(response.headers.get('retry-after') ?? 1);
        return {
          ok: false,
          scope: 'transient',
          retryAfterMs: Math.ceil(seconds * 1000),
          error: 'rate limited',
        };
      }
      return {
        ok: false,
        scope: discordErrorScope(response.status),
        error: `discord ${response.status}${body.message ? `: ${body.message}` : ''}`,
      };
    },
  };
}
