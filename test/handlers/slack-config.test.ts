import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../helpers/capture-logs.js';
import { startFakeSsm } from '../helpers/fake-ssm.js';
import { loadSlackEvent, signEvent, TEST_SIGNING_SECRET } from '../helpers/slack-request.js';

describe('Handler: slack (settings)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('answers 500 and logs each missing setting by name, then works once they are set', async () => {
    vi.stubEnv('SLACK_SIGNING_SECRET', '');
    vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-test-token');
    vi.stubEnv('TABLE_NAME', '');
    // Powertools writes to stdout and stderr itself, not through the global console.
    const logged = captureLogs().lines;
    const { handler } = await import('../../src/handlers/slack.js');
    const event = signEvent(loadSlackEvent('url-verification'));

    const noSecret = await handler(event, { awsRequestId: 'req-0001' } as Context);
    expect(noSecret.statusCode).toBe(500);
    expect(noSecret.body).not.toContain('SLACK_SIGNING_SECRET');
    expect(logged.at(-1)).toContain('"setting":"SLACK_SIGNING_SECRET"');
    // Every line carries the Lambda request id, to find one request's lines in CloudWatch.
    expect(JSON.parse(logged.at(-1) as string)).toMatchObject({
      function_request_id: 'req-0001',
    });

    // The table is checked at cold start too, not first on someone's quiz.
    vi.stubEnv('SLACK_SIGNING_SECRET', TEST_SIGNING_SECRET);
    expect((await handler(event)).statusCode).toBe(500);
    expect(logged.at(-1)).toContain('"setting":"TABLE_NAME"');

    vi.stubEnv('TABLE_NAME', 'aws-tutor-test');
    const ok = await handler(event);
    expect(ok.statusCode).toBe(200);
  });

  it('reads its secrets from SSM Parameter Store when deployed, in one call per cold start', async () => {
    const ssm = await startFakeSsm({
      '/aws-tutor/prod/SLACK_SIGNING_SECRET': TEST_SIGNING_SECRET,
      '/aws-tutor/prod/SLACK_BOT_TOKEN': 'xoxb-from-ssm',
    });
    try {
      deployedWithSsm(ssm.endpoint);
      const { handler } = await import('../../src/handlers/slack.js');

      expect((await handler(signEvent(loadSlackEvent('url-verification')))).statusCode).toBe(200);
      const forged = signEvent(loadSlackEvent('url-verification'), { secret: 'not-the-secret' });
      expect((await handler(forged)).statusCode).toBe(401);
      expect(ssm.calls).toHaveLength(1);

      // Rotation: Slack signs with a new secret at once. A minute after the last read, a
      // request that does not verify makes the handler read SSM again and retry.
      ssm.parameters['/aws-tutor/prod/SLACK_SIGNING_SECRET'] = 'rotated-signing-secret';
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 61_000);
      const rotated = signEvent(loadSlackEvent('url-verification'), {
        secret: 'rotated-signing-secret',
      });
      expect((await handler(rotated)).statusCode).toBe(200);
      expect(ssm.calls).toHaveLength(2);
      // Forgeries do not make it hammer SSM: one read per minute at most.
      expect((await handler(forged)).statusCode).toBe(401);
      expect(ssm.calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
      await ssm.close();
    }
  });

  it('answers, instead of hanging, when SSM does not answer at a cold start', async () => {
    const ssm = await startFakeSsm({});
    ssm.hang(true);
    try {
      deployedWithSsm(ssm.endpoint);
      const logged = captureLogs().lines;
      const { handler } = await import('../../src/handlers/slack.js');

      const answer = await handler(signEvent(loadSlackEvent('url-verification')));

      // The read was cut off (the request's own deadline), not left to hang the function.
      expect(ssm.calls.length).toBeGreaterThan(0);
      expect(answer.statusCode).toBe(500);
      expect(logged.join('\n')).toMatch(
        /could not be read from SSM Parameter Store.*(Timeout|Abort)/,
      );
    } finally {
      await ssm.close();
    }
  });
});

/** Settings as deployed: secrets only in SSM Parameter Store (at `endpoint`), read afresh. */
function deployedWithSsm(endpoint: string) {
  vi.resetModules();
  vi.stubEnv('SECRETS_SSM_PATH', '/aws-tutor/prod');
  vi.stubEnv('SLACK_SIGNING_SECRET', '');
  vi.stubEnv('SLACK_BOT_TOKEN', '');
  vi.stubEnv('TABLE_NAME', 'aws-tutor-test');
  vi.stubEnv('AWS_REGION', 'eu-west-2');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_ENDPOINT_URL_SSM', endpoint);
}
