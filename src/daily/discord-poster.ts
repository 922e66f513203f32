import { renderMessage } from '../discord/render-message.js';
import type { ChannelPoster, PostResult } from './poster.js';

// Discord asks every API client to identify itself this way.
const USER_AGENT = 'DiscordBot (https://github.com/aws-tutor/aws-tutor, 0.1.0)';

/**
 * Posts to Discord channels with the bot token (`POST /channels/{id}/messages`). A 429 carries
 * how long to wait (`retry_after` in seconds, or the `Retry-After` header); 403 and 404 mean
 * the bot lost access or the channel is gone, which no retry will fix.
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
        return { ok: false, permanent: false, error: `network: ${(error as Error).message}` };
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
          permanent: false,
          retryAfterMs: Math.ceil(seconds * 1000),
          error: 'rate limited',
        };
      }
      const permanent = response.status === 403 || response.status === 404;
      return {
        ok: false,
        permanent,
        error: `discord ${response.status}${body.message ? `: ${body.message}` : ''}`,
      };
    },
  };
}
