/**
 * Every error the tutor raises on purpose. Adapters turn a `TutorError` into its `userMessage`;
 * anything else is logged with its cause and answered with a polite generic message.
 */

/** Base class: an error whose `userMessage` is safe and useful to show the person who asked. */
export class TutorError extends Error {
  constructor(
    message: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TutorError';
  }
}

/** A setting is missing or malformed. Raised once, at start-up, naming the setting. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Setting ${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** One problem in the content files, with the file and field it is in. */
export interface ContentIssue {
  file: string;
  field: string;
  message: string;
}

/** The content files broke one or more rules; `issues` lists every one of them. */
export class ContentError extends Error {
  /** `summary`: figures about the content as a whole, printed after the problems. */
  constructor(
    readonly issues: ContentIssue[],
    readonly summary: string[] = [],
  ) {
    super(
      `${issues.length} content problem${issues.length === 1 ? '' : 's'}:\n${issues
        .map((i) => `  ${i.file}: ${i.field}: ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

/** DynamoDB could not be reached or kept failing after the SDK's retries. Nothing was saved. */
export class StoreUnavailableError extends TutorError {
  constructor(cause?: unknown) {
    super(
      'The store is unavailable',
      "I couldn't reach the score store just now, so nothing was saved. Please try again in a moment.",
      { cause },
    );
    this.name = 'StoreUnavailableError';
  }
}

/** A button or action value we did not issue, or that no longer refers to anything. */
export class UnknownActionError extends TutorError {
  constructor(detail: string) {
    super(
      `Unknown action: ${detail}`,
      "That button doesn't belong to a question I know of. Try `/aws quiz` for a fresh one.",
    );
    this.name = 'UnknownActionError';
  }
}

/** Someone without the right permissions tried an admin command. */
export class PermissionError extends TutorError {
  /** `who` says who may, in the platform's own terms ("workspace admins and owners"). */
  constructor(what: string, who = 'admins') {
    super(`Permission denied: ${what}`, `Only ${who} can ${what}.`);
    this.name = 'PermissionError';
  }
}

/** The local DynamoDB could not start (most often: no Java). */
export class LocalDynamoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalDynamoError';
  }
}

/**
 * An error as log fields: its name and message, and its causes', never its stack (which can
 * carry request data) or its other properties (which can carry tokens).
 */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  return {
    name: error.name,
    message: error.message,
    ...(error.cause && depth < 5 ? { cause: describeError(error.cause, depth + 1) } : {}),
  };
}

/** The message to show for an error we did not expect: never a stack trace. */
export const GENERIC_ERROR_MESSAGE =
  'Sorry, something went wrong on my side. Please try again in a moment.';

/** The safe text to show a user for any error. */
export function userMessageFor(error: unknown): string {
  return error instanceof TutorError ? error.userMessage : GENERIC_ERROR_MESSAGE;
}

/**
 * An answer was not saved, or it is unknown whether it was (a timeout or 5xx may still have
 * applied): never "correct!" for an unsaved answer. Clicking again is safe: an answer is
 * recorded at most once, and a second click shows the recorded result.
 */
export class AnswerNotRecordedError extends TutorError {
  constructor(cause?: unknown) {
    super(
      'Answer not recorded',
      outcomeUnknown(cause)
        ? "The score store didn't answer in time, so I can't tell whether your answer was saved. Click it again in a moment: you'll see your result, and an answer never counts twice."
        : 'Your answer was not recorded because the score store is unavailable. Please try again in a moment.',
      { cause },
    );
    this.name = 'AnswerNotRecordedError';
  }
}

/**
 * Whether a failed write may still have been applied: it timed out or lost its connection
 * after being sent, or DynamoDB answered 5xx. Throttling and refused connections mean it was
 * not. Looks through the chain of causes.
 */
function outcomeUnknown(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    cause?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  // AbortError: the request's deadline passed while the write was in flight.
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (e.code === 'ETIMEDOUT' || e.code === 'ECONNRESET') return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return outcomeUnknown(e.cause, depth + 1);
}

/** An item changed between reading and writing it (another answer landed first): re-read. */
export class ConcurrentUpdateError extends Error {
  constructor(what: string) {
    super(`${what} changed concurrently`);
    this.name = 'ConcurrentUpdateError';
  }
}

/**
 * How far a failed chat API call reaches: `token` (the bot token itself is refused: every channel
 * of the platform), `channel` (the channel is gone or the bot lost access to it), or `transient`
 * (rate limits, outages, timeouts: try again). The platform clients decide which.
 */
export type ChatApiScope = 'token' | 'channel' | 'transient';

/** What a chat API failure tells its caller besides its message. */
export interface ChatApiFailure {
  scope?: ChatApiScope;
  /** Short and token-free, for logs and a failed subscription (`channel_not_found`). */
  reason?: string;
  /** The platform asked us to wait this long (429 `Retry-After`) before trying again. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A call to Slack's or Discord's API failed; `scope` says how far that reaches. */
export class ChatApiError extends Error {
  readonly scope: ChatApiScope;
  readonly reason: string;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, failure: ChatApiFailure = {}) {
    super(message, failure.cause === undefined ? undefined : { cause: failure.cause });
    this.name = 'ChatApiError';
    this.scope = failure.scope ?? 'transient';
    this.reason = failure.reason ?? message;
    this.retryAfterMs = failure.retryAfterMs;
  }
}

/** A call to Discord's REST API failed; `status` is the HTTP status (0 when nothing came back). */
export class DiscordApiError extends ChatApiError {
  constructor(
    readonly route: string,
    readonly status: number,
    failure: ChatApiFailure = {},
  ) {
    super(`Discord ${route} failed${status ? ` with HTTP ${status}` : ''}`, failure);
    this.name = 'DiscordApiError';
  }
}

/** A call to Slack's Web API failed (network, HTTP status or `ok: false`); the cause says which. */
export class SlackApiError extends ChatApiError {
  constructor(
    readonly method: string,
    failure: ChatApiFailure = {},
  ) {
    super(`Slack ${method} failed`, failure);
    this.name = 'SlackApiError';
  }
}

/** A data deletion stopped before every item was gone; running it again finishes the job. */
export class DataDeletionError extends Error {
  constructor(
    readonly remaining: number,
    options?: { cause?: unknown },
  ) {
    super(
      `${remaining} item${remaining === 1 ? '' : 's'} could not be deleted (DynamoDB kept refusing or failing); run the same command again to finish`,
      options,
    );
    this.name = 'DataDeletionError';
  }
}
