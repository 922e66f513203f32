import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SlackHandlerHarness, startSlackHandler } from '../helpers/slack-handler.js';
import {
  commandEvent,
  loadSlackEvent,
  nowSeconds,
  rawBodyOf,
  signEvent,
  slackSignature,
  TEST_SIGNING_SECRET,
  withBody,
} from '../helpers/slack-request.js';

// The handler is fed literal API Gateway HTTP API (payload v2) events from test/fixtures/slack.
describe('Handler: slack (signatures and protocol)', () => {
  let h: SlackHandlerHarness;
  beforeAll(async () => {
    h = await startSlackHandler();
  });
  afterAll(() => h.stop());
  afterEach(() => {
    vi.useRealTimers();
  });

  const docsExample = () => loadSlackEvent('slack-docs-example');
  const DOCS_TIME_MS = 1531420618 * 1000;

  it("accepts Slack's documented example request at the time it was signed", async () => {
    // Bolt checks with Date.now(), so the clock is set to the example's time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(DOCS_TIME_MS + 30_000);
    const res = await h.invoke(docsExample());
    expect(res.status).toBe(200);
    // Its empty command text asks for help.
    expect(res.json.blocks[0].text.text).toBe('AWS tutor');
  });

  it('refuses the same request six minutes later, and today, with 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(DOCS_TIME_MS + 6 * 60_000);
    expect((await h.invoke(docsExample())).status).toBe(401);
    vi.useRealTimers();
    expect((await h.invoke(docsExample())).status).toBe(401);
  });

  it('refuses a stale timestamp, a wrong secret, a tampered body and no signature with 401', async () => {
    const help = commandEvent({ text: 'help' });
    const stale = String(Number(nowSeconds()) - 10 * 60);
    const tampered = withBody(help, rawBodyOf(help).replace('text=help', 'text=score'));
    const { 'x-slack-signature': _s, 'x-slack-request-timestamp': _t, ...unsigned } = help.headers;
    for (const event of [
      signEvent(help, { timestamp: stale }),
      signEvent(help, { secret: 'not-our-signing-secret-0123456789' }),
      tampered,
      { ...help, headers: unsigned },
      { ...help, headers: { ...help.headers, 'x-slack-signature': 'v0=' } },
    ]) {
      const res = await h.invoke(event);
      expect(res.status).toBe(401);
      expect(res.body).not.toMatch(/at |Error/);
    }
  });

  it('refuses an unsigned body that is not even JSON with 401, not a 5xx', async () => {
    const junk = withBody(loadSlackEvent('url-verification'), '{"type": "url_verif');
    const { 'x-slack-signature': _s, ...unsigned } = junk.headers;
    expect((await h.invoke({ ...junk, headers: unsigned })).status).toBe(401);
    expect((await h.invoke(junk)).status).toBe(401);
  });

  it('echoes the challenge of a signed url_verification, and refuses an unsigned one', async () => {
    const event = loadSlackEvent('url-verification');
    const res = await h.invoke(signEvent(event));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
    expect((await h.invoke(event)).status).toBe(401); // the fixture's own signature is not ours
  });

  it('answers the ssl_check of a slash command with an empty 200', async () => {
    const res = await h.invoke(loadSlackEvent('ssl-check'));
    expect(res).toMatchObject({ status: 200, body: '' });
  });

  it('verifies a base64 body with UTF-8 text, which Bolt alone would decode as ASCII', async () => {
    const event = signEvent(loadSlackEvent('event-callback-base64'));
    const utf8 = rawBodyOf(event);
    const ascii = Buffer.from(event.body ?? '', 'base64').toString('ascii');
    // Pins the bug: the ASCII reading changes the bytes, so its signature would not match.
    expect(slackSignature(TEST_SIGNING_SECRET, nowSeconds(), ascii)).not.toBe(
      slackSignature(TEST_SIGNING_SECRET, nowSeconds(), utf8),
    );
    const res = await h.invoke(event);
    // Events are acknowledged with an empty 200 (not the polite fallback for a failure).
    expect(res).toMatchObject({ status: 200, body: '' });
  });

  it('accepts a form body sent with a charset parameter and without base64', async () => {
    const event = loadSlackEvent('command');
    const plain = {
      ...event,
      body: rawBodyOf(event),
      isBase64Encoded: false,
      headers: {
        ...event.headers,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      },
    };
    const res = await h.invoke(signEvent(plain));
    expect(res.status).toBe(200);
    expect(res.json.blocks[0].text.text).toBe('AWS tutor');
  });

  it('answers a signed but malformed payload with 400 and no stack trace', async () => {
    for (const body of ['payload=%7B%22type%22%3A', '[1,2,3]', 'payload=null']) {
      const event = signEvent(withBody(loadSlackEvent('malformed-payload'), body));
      const res = await h.invoke(
        body.startsWith('[')
          ? signEvent({
              ...event,
              headers: { ...event.headers, 'content-type': 'application/json' },
            })
          : event,
      );
      expect(res.status).toBe(400);
      expect(res.body).toBe('malformed payload');
    }
  });

  it('answers signed payloads of the wrong shape with a 4xx or a polite message, never a 5xx', async () => {
    const shapes = [
      'payload=%7B%22type%22%3A%22block_actions%22%7D', // no actions, no user
      'payload=%7B%22hello%22%3A%22world%22%7D', // not a Slack payload at all
      'command=%2Faws&text=help', // a command without team, channel or user
      // Shapes that make Bolt itself throw ("not iterable", "'in' on a string"): its receiver
      // would answer those with a 500.
      'payload=%7B%22actions%22%3A5%7D',
      'payload=%7B%22event%22%3A%22x%22%7D',
    ];
    for (const body of shapes) {
      const res = await h.invoke(signEvent(withBody(loadSlackEvent('malformed-payload'), body)));
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toMatch(/\n\s+at /);
      if (res.status === 200 && res.body) expect(res.body).toMatch(/sorry|couldn't tell/i);
    }
  });

  it('never calls auth.test: a cold start makes no round trip to Slack', () => {
    expect(h.fake.apiCalls('auth.test')).toHaveLength(0);
  });
});
