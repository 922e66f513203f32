import type { Context } from 'aws-lambda';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, redact, redactText } from '../src/log.js';
import { captureLogs } from './helpers/capture-logs.js';
import { PROPERTY_RUNS } from './helpers/hostile-input.js';

const SLACK_BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const RESPONSE_TOKEN = 'Jx4mQvLrT2cH7nWb9sKe1dPa';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTMxMDAwMDAwMDAwMDAwMDAwNDpzZWNyZXQ';
const DISCORD_BOT = 'MTE4MDAwMDAwMDAwMDAwMDA5OQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('Function: redact', () => {
  it('masks secret-named fields at any depth, keeping everything else', () => {
    expect(
      redact({
        user: 'U1',
        botToken: SLACK_BOT,
        nested: { headers: { Authorization: 'Bearer x', 'x-slack-signature': 'v0=abc' } },
        list: [{ signingSecret: 's' }, 3],
      }),
    ).toEqual({
      user: 'U1',
      botToken: '[redacted]',
      nested: { headers: { Authorization: '[redacted]', 'x-slack-signature': '[redacted]' } },
      list: [{ signingSecret: '[redacted]' }, 3],
    });
  });

  it.each([
    [
      'a Slack response_url',
      `POST https://hooks.slack.com/commands/T0AWSTUTOR/8123456789012/${RESPONSE_TOKEN} failed`,
      RESPONSE_TOKEN,
    ],
    [
      'a Slack incoming webhook',
      'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    [
      'a Discord follow-up webhook',
      `PATCH https://discord.com/api/v10/webhooks/1180000000000000099/${INTERACTION_TOKEN}/messages/@original`,
      INTERACTION_TOKEN,
    ],
    [
      'a Discord interaction callback',
      `/api/v10/interactions/1310000000000000004/${INTERACTION_TOKEN}/callback`,
      INTERACTION_TOKEN,
    ],
    ['a Slack bot token in a message', `invalid_auth for ${SLACK_BOT}`, SLACK_BOT],
    ['an Authorization header copied into text', `Authorization: Bot ${DISCORD_BOT}`, DISCORD_BOT],
    ['a bare Discord bot token', `token=${DISCORD_BOT}`, DISCORD_BOT],
    ['a query string credential', 'https://x.example/cb?code=abc123secret&state=1', 'abc123secret'],
  ])('masks %s inside a string, keeping the rest readable', (_, text, secret) => {
    const masked = redactText(text);
    expect(masked).not.toContain(secret);
    expect(masked).toContain('[redacted]');
    expect(redact({ error: { message: text } })).toEqual({ error: { message: masked } });
  });

  it('leaves route templates and prose alone', () => {
    for (const text of [
      'Discord PATCH /webhooks/:app/:token/messages/@original failed with HTTP 404',
      'Bot permissions are missing in this channel',
      'Could not determine the type of an incoming event.',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('reduces an Error to its name, message and cause, masked', () => {
    const error = new Error(`fetch https://hooks.slack.com/actions/T1/2/${RESPONSE_TOKEN}`, {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    const out = JSON.stringify(redact({ error }));
    expect(out).not.toContain(RESPONSE_TOKEN);
    expect(out).toContain('socket hang up');
    expect(out).not.toMatch(/\n\s+at /);
  });

  // Regression: past the depth limit objects used to be returned as they were, unmasked, and
  // a circular one made JSON.stringify throw inside the logger.
  it('never writes anything past its depth limit unchecked, and survives cycles and BigInt', () => {
    let deep: Record<string, unknown> = { token: SLACK_BOT };
    for (let i = 0; i < 10; i++) deep = { next: deep };
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const out = JSON.stringify(redact({ deep, cyclic, big: 2n ** 70n }));
    expect(out).not.toContain(SLACK_BOT);
    expect(out).toContain('1180591620717411303424');
  });

  it('never lets a secret through, wherever it sits in what is logged', () => {
    const secret = fc.constantFrom(SLACK_BOT, RESPONSE_TOKEN, INTERACTION_TOKEN, DISCORD_BOT);
    const carrier = fc.constantFrom(
      (s: string) => ({ token: s }),
      (s: string) => ({ apiKey: s }),
      (s: string) => `https://hooks.slack.com/actions/T1/2/${s}`,
      (s: string) => `https://discord.com/api/v10/webhooks/1/${s}/messages/@original`,
      (s: string) => `/interactions/131/${s}/callback`,
      (s: string) => ({ headers: { authorization: `Bearer ${s}` } }),
      (s: string) => `Bot ${s}`,
    );
    fc.assert(
      fc.property(
        secret,
        carrier,
        fc.array(fc.constantFrom('a', 'b', 'fields', 'error', 'cause'), { maxLength: 10 }),
        (value, wrap, path) => {
          // Only token-shaped secrets are recognised in free text; the short response token
          // is covered by its URL shape.
          let logged: unknown = wrap(value);
          for (const key of path.reverse()) logged = { [key]: logged };
          expect(JSON.stringify(redact(logged))).not.toContain(value);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('Function: createLogger', () => {
  let logs: ReturnType<typeof captureLogs> | undefined;
  afterEach(() => {
    logs?.restore();
    vi.unstubAllEnvs();
  });

  it('writes one Powertools JSON line per entry, with secrets masked', () => {
    logs = captureLogs();
    const log = createLogger('test');
    log.info(`posting to https://hooks.slack.com/commands/T1/2/${RESPONSE_TOKEN}`);
    log.error('failed', { botToken: SLACK_BOT, error: new Error(`bad ${SLACK_BOT}`) });
    log.error(`failed with ${SLACK_BOT}`, new Error(`bad ${SLACK_BOT}`));
    const [info, error, bare] = logs.lines.map((line) => JSON.parse(line));
    expect(info).toMatchObject({ level: 'INFO', handler: 'test' });
    expect(error).toMatchObject({ level: 'ERROR', botToken: '[redacted]' });
    expect(bare.error).toMatchObject({ name: 'Error', message: 'bad xoxb-[redacted]' });
    expect(logs.text()).not.toContain(RESPONSE_TOKEN);
    expect(logs.text()).not.toContain(SLACK_BOT);
  });

  it('tags each line with the service and the invocation it belongs to', () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'aws-tutor');
    logs = captureLogs();
    const log = createLogger('test');
    for (const awsRequestId of ['req-1', 'req-2']) {
      log.addContext({ awsRequestId, functionName: 'aws-tutor-ci-slack' } as Context);
      log.info('answered');
    }
    const [first, second] = logs.lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      service: 'aws-tutor',
      function_name: 'aws-tutor-ci-slack',
      function_request_id: 'req-1',
      cold_start: false,
    });
    expect(second).toMatchObject({ function_request_id: 'req-2' });
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['timestamp', 'message']));
  });

  it('writes only errors when POWERTOOLS_LOG_LEVEL says so', () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'ERROR');
    logs = captureLogs();
    const log = createLogger('test');
    log.info('not written');
    log.error('written');
    expect(logs.lines.map((line) => JSON.parse(line).message)).toEqual(['written']);
  });
});
