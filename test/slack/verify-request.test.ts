import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { isSignedBySlack } from '../../src/slack/verify-request.js';
import { loadSlackEvent, rawBodyOf, slackSignature } from '../helpers/slack-request.js';

// Slack's worked example ("Verifying requests from Slack"), byte for byte.
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = '1531420618';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const DOC_BODY = rawBodyOf(loadSlackEvent('slack-docs-example'));
const DOC_TIME_MS = Number(DOC_TIMESTAMP) * 1000;

const docRequest = { rawBody: DOC_BODY, signature: DOC_SIGNATURE, timestamp: DOC_TIMESTAMP };

describe('Function: isSignedBySlack', () => {
  it("computes Slack's documented example signature with the test signer", () => {
    expect(slackSignature(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)).toBe(DOC_SIGNATURE);
  });

  it("accepts Slack's documented example at its own time, and Bolt agrees", () => {
    expect(isSignedBySlack(docRequest, DOC_SECRET, DOC_TIME_MS + 60_000)).toBe(true);
    expect(() =>
      verifySlackRequest({
        signingSecret: DOC_SECRET,
        body: DOC_BODY,
        headers: {
          'x-slack-signature': DOC_SIGNATURE,
          'x-slack-request-timestamp': Number(DOC_TIMESTAMP),
        },
        nowMilliseconds: DOC_TIME_MS + 60_000,
      }),
    ).not.toThrow();
  });

  it('refuses it more than five minutes later (a replay)', () => {
    expect(isSignedBySlack(docRequest, DOC_SECRET, DOC_TIME_MS + 5 * 60_000 - 1000)).toBe(true);
    expect(isSignedBySlack(docRequest, DOC_SECRET, DOC_TIME_MS + 5 * 60_000 + 1000)).toBe(false);
  });

  it('refuses a timestamp more than five minutes in the future, which Bolt alone allows', () => {
    expect(isSignedBySlack(docRequest, DOC_SECRET, DOC_TIME_MS - 6 * 60_000)).toBe(false);
  });

  it('refuses a wrong secret, a changed body, and missing or malformed headers', () => {
    const now = DOC_TIME_MS;
    expect(isSignedBySlack(docRequest, 'another-secret', now)).toBe(false);
    expect(isSignedBySlack({ ...docRequest, rawBody: `${DOC_BODY}&x=1` }, DOC_SECRET, now)).toBe(
      false,
    );
    expect(isSignedBySlack({ ...docRequest, signature: undefined }, DOC_SECRET, now)).toBe(false);
    expect(isSignedBySlack({ ...docRequest, timestamp: undefined }, DOC_SECRET, now)).toBe(false);
    expect(isSignedBySlack({ ...docRequest, timestamp: '1531420618abc' }, DOC_SECRET, now)).toBe(
      false,
    );
    expect(
      isSignedBySlack(
        { ...docRequest, signature: DOC_SIGNATURE.replace('v0=', 'v1=') },
        DOC_SECRET,
        now,
      ),
    ).toBe(false);
    expect(isSignedBySlack({ ...docRequest, signature: 'garbage' }, DOC_SECRET, now)).toBe(false);
  });
});
