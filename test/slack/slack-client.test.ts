import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackApiError } from '../../src/errors.js';
import { createSlackClient, respondWithin } from '../../src/slack/slack-client.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack-api.js';
import { rejectionOf } from '../helpers/rejection.js';

const failure = (call: Promise<unknown>) => rejectionOf(call, SlackApiError);

const soon = () => AbortSignal.timeout(5000);

describe('Function: createSlackClient', () => {
  let fake: FakeSlack;
  let apis: Awaited<ReturnType<typeof startFakeChatApis>>;
  beforeAll(async () => {
    fake = await startFakeSlack({});
    apis = await startFakeChatApis();
  });
  afterAll(async () => {
    await Promise.all([fake.close(), apis.close()]);
  });

  const slack = () => createSlackClient({ apiUrl: fake.apiUrl, botToken: 'xoxb-client' });

  it('sends the bot token and its User-Agent, and returns what Slack answered', async () => {
    const answer = await slack().call('chat.postMessage', { channel: 'C1', text: 'hi' }, soon());
    expect(answer).toMatchObject({ ok: true, channel: 'C1', ts: expect.any(String) });
    const call = fake.apiCalls('chat.postMessage').at(-1);
    expect(call?.authorization).toBe('Bearer xoxb-client');
    expect(call?.userAgent).toMatch(/^aws-tutor\/\d/);
    expect(call?.body).toEqual({ channel: 'C1', text: 'hi' });
  });

  it('throws a 429 as transient, with its Retry-After in milliseconds', async () => {
    const client = createSlackClient({ apiUrl: apis.slackApiUrl, botToken: 'xoxb-client' });
    apis.broken.set('C429', 429);
    const error = await failure(client.call('chat.postMessage', { channel: 'C429' }, soon()));
    expect(error).toMatchObject({ scope: 'transient', retryAfterMs: 2000, reason: 'ratelimited' });
  });

  it.each([
    ['invalid_auth', 'token'],
    ['token_revoked', 'token'],
    ['account_inactive', 'token'],
    ['team_access_not_granted', 'token'],
    ['missing_scope', 'token'],
    ['channel_not_found', 'channel'],
    ['not_in_channel', 'channel'],
    ['is_archived', 'channel'],
    ['restricted_action', 'channel'],
    ['internal_error', 'transient'],
  ])('classifies Slack error %s as a %s failure', async (code, scope) => {
    fake.failNext('chat.update', code);
    const error = await failure(slack().call('chat.update', { channel: 'C1', ts: '1' }, soon()));
    expect(error).toMatchObject({ scope, reason: code });
    expect(String(error.cause)).toContain(code);
  });

  it('throws a 5xx error page and an unreachable API as transient', async () => {
    const client = createSlackClient({ apiUrl: apis.slackApiUrl, botToken: 'xoxb-client' });
    apis.broken.set('C500', 500);
    const page = await failure(client.call('chat.postMessage', { channel: 'C500' }, soon()));
    expect(page).toMatchObject({ scope: 'transient', reason: 'http 500' });
    const away = createSlackClient({ apiUrl: 'http://127.0.0.1:9/api/', botToken: 'xoxb-client' });
    const network = await failure(away.call('chat.postMessage', { channel: 'C1' }, soon()));
    expect(network.scope).toBe('transient');
    expect(network.reason).toMatch(/^network: /);
  });

  it('gives up on a call that never answers at the deadline its caller gave', async () => {
    fake.stallNext('chat.update');
    const started = Date.now();
    const call = slack().call('chat.update', { channel: 'C1', ts: '1' }, AbortSignal.timeout(200));
    const error = await failure(call);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.scope).toBe('transient');
    expect((error.cause as Error).name).toBe('TimeoutError');
  });

  it('never puts the token into what it throws', async () => {
    fake.failNext('chat.update', 'invalid_auth');
    const error = await failure(slack().call('chat.update', { channel: 'C1', ts: '1' }, soon()));
    expect(JSON.stringify(error)).not.toContain('xoxb');
    expect(`${error.message} ${error.reason} ${error.cause}`).not.toContain('xoxb');
  });
});

describe('Function: respondWithin', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack({});
  });
  afterAll(() => fake.close());

  it('posts the message to the response_url with the User-Agent and no token', async () => {
    await respondWithin(fake.responseUrl('r-1'), { text: 'done' }, soon());
    const [call] = fake.calls.filter((c) => c.path === '/response/r-1');
    expect(call?.body).toEqual({ text: 'done' });
    expect(call?.authorization).toBeUndefined();
    expect(call?.userAgent).toMatch(/^aws-tutor\//);
  });

  it('throws on an expired URL without naming it', async () => {
    const error = await failure(respondWithin(fake.responseUrl('expired-s3cret'), {}, soon()));
    expect(error.reason).toBe('http 404');
    expect(`${error.message} ${error.reason} ${error.cause}`).not.toContain('s3cret');
  });

  it('gives up on a response_url that never answers at the deadline', async () => {
    const started = Date.now();
    const url = fake.responseUrl('stalled-client');
    const error = await failure(respondWithin(url, {}, AbortSignal.timeout(200)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect((error.cause as Error).name).toBe('TimeoutError');
  });
});
