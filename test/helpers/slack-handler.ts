import { vi } from 'vitest';
import { freshStore } from './dynamo.js';
import { startFakeSlack } from './fake-slack-api.js';
import { invoker, setEnv } from './lambda-harness.js';
import { type ClickAs, clickEvent, TEST_SIGNING_SECRET } from './slack-request.js';

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
  'ALLOWED_SLACK_TEAM_IDS',
] as const;

export interface SlackHandlerOptions {
  /**
   * Where the handler's store sends DynamoDB requests: a fault or slow proxy in front of the
   * run's DynamoDB Local. The table is always created, and `store` reads, directly.
   */
  dynamoEndpoint?: string;
  /** Settings to use instead of the test defaults (for example distinctive secrets). */
  env?: Partial<Record<(typeof SETTINGS)[number], string>>;
}

/**
 * The real Slack Lambda handler, wired to a fresh table in the run's DynamoDB Local and to a
 * fake Slack Web API on 127.0.0.1. The environment is set before the handler module is first
 * imported, because the handler reads its settings and opens its store once per process.
 * `store` talks to the same table directly, so tests can read back what was really saved.
 */
export async function startSlackHandler(options: SlackHandlerOptions = {}) {
  const fake = await startFakeSlack({
    [USERS.admin]: { is_admin: true },
    [USERS.owner]: { is_owner: true },
    [USERS.alice]: {},
    [USERS.bob]: {},
  });
  const { store, tableName, endpoint } = await freshStore();
  const restoreEnv = setEnv({
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.apiUrl,
    SLACK_ADMIN_USER_IDS: `UNOBODY00, ${USERS.listed}`,
    DYNAMODB_ENDPOINT: options.dynamoEndpoint ?? endpoint,
    TABLE_NAME: tableName,
    ...options.env,
  });
  // A handler reads its settings and opens its store once per module: fresh modules give this
  // harness its own, even when another harness in the same file started first.
  vi.resetModules();
  const { handler } = await import('../../src/handlers/slack.js');
  const { getTutor } = await import('../../src/app/tutor-runtime.js');
  /** Calls the handler and parses a JSON answer. */
  const invoke = invoker(handler);

  /**
   * A signed click on `button` by `user` (Alice by default), to be answered at the fake's
   * response URL `id`; in `channel` when given.
   */
  const click = (button: { action_id: string; value: string }, id: string, as: ClickAs = {}) =>
    clickEvent(button, fake.responseUrl(id), as);

  const stop = async () => {
    await fake.close();
    restoreEnv();
  };
  return { invoke, click, fake, getTutor, tableName, store, stop };
}

export type SlackHandlerHarness = Awaited<ReturnType<typeof startSlackHandler>>;

// biome-ignore lint/suspicious/noExplicitAny: blocks are inspected as the JSON Slack receives
type Json = any;

/** The buttons of a Block Kit message, in order. */
export function buttonsOf(message: { blocks: Json[] }): Json[] {
  return message.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
}
