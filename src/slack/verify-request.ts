import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: a signature older (or newer) than this is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface SignedRequest {
  /** The body exactly as Slack sent it (base64 already decoded). */
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
}

/**
 * Whether a request carries Slack's signature (`v0=` + hex HMAC-SHA256 of
 * `v0:{timestamp}:{body}` with our signing secret), made within five minutes either side of
 * `nowMs`. Pure, and never throws.
 */
export function isSignedBySlack(
  request: SignedRequest,
  signingSecret: string,
  nowMs: number = Date.now(),
): boolean {
  const { signature, timestamp, rawBody } = request;
  if (!signingSecret || !signature?.startsWith('v0=')) return false;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const seconds = Number(timestamp);
  if (seconds < Math.floor(nowMs / 1000) - MAX_CLOCK_SKEW_SECONDS) return false;
  if (seconds * 1000 > nowMs + MAX_CLOCK_SKEW_SECONDS * 1000) return false;
  const expected = createHmac('sha256', signingSecret)
    .update(`v0:${timestamp}:${rawBody}`)
    .digest('hex');
  const given = Buffer.from(signature.slice('v0='.length));
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}
