/**
 * The deadline of the chat request being served, shared by every DynamoDB call it makes. A Lambda
 * instance serves one request at a time, so module state is enough (as for the log's request id).
 *
 * Why: each call has its own timeout and retries, but a command makes up to three calls in a
 * row, and a hung DynamoDB could add them up past Slack's 3 seconds, after which Slack shows the
 * person an error of its own and our answer is lost. With one deadline for all of them, the
 * tutor answers in time with "try again" instead.
 */
let current: AbortSignal | undefined;

/**
 * Starts a deadline `ms` from now for the store calls of this request, or clears it (a function
 * whose work may run longer, such as a deferred Discord reply or the daily run).
 */
export function startRequestDeadline(ms: number | undefined): void {
  current = ms === undefined ? undefined : AbortSignal.timeout(ms);
}

/** The current request's deadline, if one was started. */
export function requestDeadline(): AbortSignal | undefined {
  return current;
}
