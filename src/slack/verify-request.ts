import { isValidSlackRequest } from '@slack/bolt';

/** Slack's replay window: a signature older (or newer) than this is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface SignedRequest {
  /** The body exactly as Slack sent it (base64 already decoded). */
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
}

/**
 * Whether a request carries Slack's signature over `v0:{timestamp}:{body}` with our signing
 * secret, made within five minutes of `nowMs`. Bolt's own check does the HMAC and the
 * staleness test; a timestamp from the future is refused here too, which Bolt lets through.
 * Never throws.
 */
export function isSignedBySlack(
  request: SignedRequest,
  signingSecret: string,
  nowMs: number = Date.now(),
): boolean {
  const { signature, timestamp, rawBody } = request;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const seconds = Number(timestamp);
  if (seconds * 1000 > nowMs + MAX_CLOCK_SKEW_SECONDS * 1000) return false;
  return isValidSlackRequest({
    signingSecret,
    body: rawBody,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': seconds },
    nowMilliseconds: nowMs,
  });
}
