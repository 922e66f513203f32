import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { inject } from 'vitest';
import { ensureTable } from '../../src/local/dynamodb-local.js';
import { startFakeSlack } from './fake-slack-api.js';
import { TEST_SIGNING_SECRET } from './slack-request.js';

/** Users the fake Web API knows: one admin, one owner, two members. */
export const USERS = {
  admin: 'U0ADMIN01',
  owner: 'U0OWNER01',
  alice: 'U0ALICE01',
  bob: 'U0BOB0001',
  /** Not a Slack admin, but listed in SLACK_ADMIN_USER_IDS. */
  listed: 'U0LISTED1',
} as const;

const SETTINGS = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_API_URL',
  'SLACK_ADMIN_USER_IDS',
  'DYNAMODB_ENDPOINT',
  'TABLE_NAME',
] as const;

/**
 * The real Slack Lambda handler, wired to a fresh table in the run's DynamoDB Local and to a
 * fake Slack Web API on 127.0.0.1. The environment is set before the handler module is first
 * imported, because the handler reads its settings and opens its store once per process.
 */
export async function startSlackHandler() {
  const fake = await startFakeSlack({
    [USERS.admin]: { is_admin: true },
    [USERS.owner]: { is_owner: true },
    [USERS.alice]: {},
    [USERS.bob]: {},
  });
  const endpoint = inject('dynamoEndpoint');
  const tableName = `slack-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.apiUrl,
    SLACK_ADMIN_USER_IDS: `UNOBODY00, ${USERS.listed}`,
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
  });
  const { handler } = await import('../../src/handlers/slack.js');
  const { getTutor } = await import('../../src/app/tutor-runtime.js');

  /** Calls the handler and parses a JSON answer. */
  const invoke = async (event: APIGatewayProxyEventV2) => {
    const result = (await handler(event)) as APIGatewayProxyStructuredResultV2;
    const body = typeof result.body === 'string' ? result.body : '';
    const isJson = String(result.headers?.['Content-Type'] ?? '').includes('json');
    return { status: result.statusCode, body, json: isJson ? JSON.parse(body) : undefined };
  };

  const stop = async () => {
    await fake.close();
    for (const name of SETTINGS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  };
  return { invoke, fake, getTutor, tableName, stop };
}

export type SlackHandlerHarness = Awaited<ReturnType<typeof startSlackHandler>>;
