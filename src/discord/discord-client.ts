import { type ChatApiScope, DiscordApiError } from '../errors.js';

// Discord asks every API client to identify itself this way.
const USER_AGENT = 'DiscordBot (https://github.com/aws-tutor/aws-tutor, 0.1.0)';

/** One REST call. `route` names it in errors with placeholders, so no token in `path` shows. */
export interface DiscordCall {
  method: 'POST' | 'PATCH' | 'DELETE';
  route: string;
  path: string;
  body?: unknown;
  /** The caller's deadline for this call. */
  signal: AbortSignal;
}

/** Discord's REST API. */
export interface DiscordClient {
  /** Sends `call`; the JSON answer (undefined when empty), else throws `DiscordApiError`. */
  request(call: DiscordCall): Promise<unknown>;
}

/** The bot token, or how to get it when it is needed (it may come from SSM). */
export type BotToken = string | (() => Promise<string | undefined>);

/**
 * A client over global `fetch`. With `botToken` every call carries it (channel endpoints), and
 * fails unsent when it is missing; without, none does: interaction endpoints are authorised by
 * the interaction token in the path. A 429 is thrown with `retryAfterMs`, never slept here.
 */
export function createDiscordClient(options: {
  apiUrl: string;
  botToken?: BotToken;
}): DiscordClient {
  return {
    async request({ method, route, path, body, signal }) {
      const authorization = await authorize(route, options.botToken);
      let response: Response;
      try {
        response = await fetch(`${options.apiUrl}${path}`, {
          method,
          headers: {
            ...authorization,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            'User-Agent': USER_AGENT,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal,
        });
      } catch (error) {
        const reason = `network: ${(error as Error).message}`;
        throw new DiscordApiError(route, 0, { reason, cause: error });
      }
      // Read it all in any case (a 204 or an error page is no JSON), so the connection is reused.
      const answer = (await response.json().catch(() => undefined)) as
        | { retry_after?: number; message?: string }
        | undefined;
      if (response.ok) return answer;
      if (response.status === 429) {
        // `retry_after` in seconds (fractions too), or the Retry-After header.
        const seconds =
          answer?.retry_after ?? (Number(response.headers.get('retry-after') ?? 1) || 1);
        const retryAfterMs = Math.ceil(seconds * 1000);
        throw new DiscordApiError(route, 429, { reason: 'rate limited', retryAfterMs });
      }
      const detail = answer?.message ? `: ${answer.message}` : '';
      throw new DiscordApiError(route, response.status, {
        scope: scopeOf(response.status),
        reason: `discord ${response.status}${detail}`,
      });
    },
  };
}

/**
 * How far a Discord error reaches: 401 is the bot token itself; 403 (Missing Access, Missing
 * Permissions) and 404 (Unknown Channel) are one channel; the rest (5xx) may pass.
 */
function scopeOf(status: number): ChatApiScope {
  if (status === 401) return 'token';
  return status === 403 || status === 404 ? 'channel' : 'transient';
}

async function authorize(
  route: string,
  botToken: BotToken | undefined,
): Promise<Record<string, string>> {
  if (botToken === undefined) return {};
  const token = typeof botToken === 'string' ? botToken : await botToken();
  if (!token) {
    throw new DiscordApiError(`${route} (no DISCORD_BOT_TOKEN)`, 0, {
      scope: 'token',
      reason: 'no DISCORD_BOT_TOKEN',
    });
  }
  return { Authorization: `Bot ${token}` };
}
