import { type ChatApiScope, SlackApiError } from '../errors.js';

// How our calls show up in Slack's logs; the same on every call.
const USER_AGENT = 'aws-tutor/0.1.0 (+https://github.com/aws-tutor/aws-tutor)';

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

/** Slack errors about one channel: it is gone, or the bot may not post there. */
const CHANNEL_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
]);

/** A Web API method's answer when `ok` (`ts`, `channel`, …). */
export type SlackAnswer = Record<string, unknown>;

/** Slack's Web API with the bot token. Each call is cut off by the caller's `signal`. */
export interface SlackClient {
  /** Calls `method` with JSON `args`; Slack's answer when `ok`, else throws `SlackApiError`. */
  call(method: string, args: Record<string, unknown>, signal: AbortSignal): Promise<SlackAnswer>;
}

/**
 * Plain `fetch`, not Bolt's Web API client: it keeps the dailyQuiz bundle small, and Bolt's
 * client pauses its whole queue on a 429. Here a 429 is thrown with `retryAfterMs` for the
 * caller to wait out or drop.
 */
export function createSlackClient(options: { apiUrl: string; botToken: string }): SlackClient {
  return {
    async call(method, args, signal) {
      const { response, body } = await send(method, `${options.apiUrl}${method}`, {
        args,
        signal,
        botToken: options.botToken,
      });
      const answer = (body ?? {}) as { ok?: boolean; error?: string };
      if (answer.ok) return answer as SlackAnswer;
      const reason = answer.error ?? `http ${response.status}`;
      throw new SlackApiError(method, { scope: scopeOf(reason), reason, cause: new Error(reason) });
    },
  };
}

/**
 * Answers a click through its `response_url`, cut off by `signal`: the rest of the request's
 * budget. The URL is its own credential, so no token goes with it, and it never shows in errors.
 */
export async function respondWithin(
  url: string,
  message: unknown,
  signal: AbortSignal,
): Promise<void> {
  const { response } = await send('response_url', url, { args: message, signal });
  if (!response.ok) {
    throw new SlackApiError('response_url', {
      reason: `http ${response.status}`,
      cause: new Error(`response_url answered ${response.status}`),
    });
  }
}

/** How far a Slack error reaches. */
function scopeOf(error: string): ChatApiScope {
  if (TOKEN_ERRORS.has(error)) return 'token';
  return CHANNEL_ERRORS.has(error) ? 'channel' : 'transient';
}

/** One JSON POST; network failures, timeouts and 429s are thrown as transient. */
async function send(
  what: string,
  url: string,
  call: { args: unknown; signal: AbortSignal; botToken?: string },
): Promise<{ response: Response; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        ...(call.botToken ? { Authorization: `Bearer ${call.botToken}` } : {}),
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': USER_AGENT,
      },
      body: JSON.stringify(call.args),
      signal: call.signal,
    });
  } catch (error) {
    throw new SlackApiError(what, { reason: `network: ${(error as Error).message}`, cause: error });
  }
  // Read it all in any case (an error page is no JSON), so the connection can be reused.
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 429) {
    // Slack's per-channel limit: about one message a second, then 429 with Retry-After (s).
    const seconds = Number(response.headers.get('retry-after') ?? 1) || 1;
    throw new SlackApiError(what, {
      reason: 'ratelimited',
      retryAfterMs: seconds * 1000,
      cause: new Error('ratelimited'),
    });
  }
  return { response, body };
}
