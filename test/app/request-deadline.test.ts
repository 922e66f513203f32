import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { requestDeadline, startRequestDeadline } from '../../src/app/request-deadline.js';
import { AnswerNotRecordedError } from '../../src/errors.js';
import { ensureTable } from '../../src/local/dynamodb-local.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { loadEvent } from '../helpers/discord-request.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { loadSlackEvent, signEvent, TEST_SIGNING_SECRET } from '../helpers/slack-request.js';

describe('Module: request deadline', () => {
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  const tableName = `deadline-${randomUUID()}`;

  beforeAll(async () => {
    await ensureTable(inject('dynamoEndpoint'), tableName);
    proxy = await startFaultProxy(inject('dynamoEndpoint'));
  });
  afterAll(() => proxy.close());
  afterEach(() => {
    startRequestDeadline(undefined);
    vi.unstubAllEnvs();
  });

  const client = (deadline: () => AbortSignal | undefined) =>
    createDocumentClient(
      { tableName, endpoint: proxy.endpoint, region: 'us-east-1' },
      { deadline },
    );
  const get = (db: ReturnType<typeof client>) =>
    db.send(new GetCommand({ TableName: tableName, Key: { pk: 'x', sk: 'y' } }));

  it('stops every store call of a request once its deadline has passed, without retrying', async () => {
    const before = proxy.counts().forwarded;
    const error = await get(client(() => AbortSignal.abort())).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(proxy.counts().forwarded).toBe(before);
    // An aborted write may or may not have landed: the person is told to click again.
    expect(new AnswerNotRecordedError(error).userMessage).toMatch(/can't tell whether/);
  });

  it('leaves calls alone while the deadline is ahead', async () => {
    startRequestDeadline(60_000);
    const before = proxy.counts().forwarded;
    await expect(get(client(requestDeadline))).resolves.toBeDefined();
    expect(proxy.counts().forwarded).toBe(before + 1);
  });

  it('is started by the Slack handler and cleared by the Discord one', async () => {
    vi.stubEnv('SLACK_SIGNING_SECRET', TEST_SIGNING_SECRET);
    vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-test');
    vi.stubEnv('TABLE_NAME', tableName);
    vi.stubEnv('DISCORD_PUBLIC_KEY', 'ab'.repeat(32));
    vi.stubEnv('DISCORD_APPLICATION_ID', '123');
    const slack = await import('../../src/handlers/slack.js');
    const discord = await import('../../src/handlers/discord.js');

    await slack.handler(signEvent(loadSlackEvent('url-verification')));
    expect(requestDeadline()?.aborted).toBe(false);
    // Discord defers slow work and finishes it later, so it must not inherit Slack's deadline
    // (both share one process in tests and under some local runners).
    await discord.handler(loadEvent('ping'));
    expect(requestDeadline()).toBeUndefined();
  });
});
