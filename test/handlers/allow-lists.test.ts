import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { quietLogs } from '../helpers/capture-logs.js';
import {
  DISCORD_FIXTURE,
  type DiscordHandlerHarness,
  startDiscordHandler,
  textOf,
} from '../helpers/discord-handler.js';
import { type SlackHandlerHarness, startSlackHandler, USERS } from '../helpers/slack-handler.js';
import { commandEvent } from '../helpers/slack-request.js';

const LISTED_TEAM = 'T0AWSTUTOR';
const GRID_ORG = 'E0GRIDORG1';
const REFUSAL = /This tutor is not set up for this (workspace|server)\./;

/** Every item in a table, to prove a refused request wrote nothing. */
async function items(tableName: string) {
  const db = createDocumentClient({
    tableName,
    endpoint: inject('dynamoEndpoint'),
    region: 'us-east-1',
  });
  return (await db.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
}

describe('Allow-lists: Slack', () => {
  let h: SlackHandlerHarness;
  const logs = quietLogs();

  beforeAll(async () => {
    h = await startSlackHandler({ env: { ALLOWED_SLACK_TEAM_IDS: `${LISTED_TEAM}, ${GRID_ORG}` } });
  });
  afterAll(() => h.stop());

  const text = (answer: { json?: { blocks?: unknown } }) =>
    JSON.stringify(answer.json?.blocks ?? '');

  it('refuses a command from an unlisted workspace, politely, writing nothing', async () => {
    const answer = await h.invoke(commandEvent({ team_id: 'T0STRANGER', text: 'quiz' }));

    expect(answer.status).toBe(200);
    expect(answer.json.response_type).toBe('ephemeral');
    expect(text(answer)).toMatch(REFUSAL);
    expect(await items(h.tableName)).toEqual([]);
    expect(logs.current?.text()).toMatch(
      /refused a workspace that is not on the allow-list.*T0STRANGER/,
    );
  });

  it('serves a listed workspace, and a workspace of a listed Enterprise Grid org', async () => {
    const listed = await h.invoke(commandEvent({ team_id: LISTED_TEAM, text: 'lambda' }));
    const grid = await h.invoke(
      commandEvent({ team_id: 'T0GRIDWS02', enterprise_id: GRID_ORG, text: 'lambda' }),
    );

    expect(text(listed)).toContain('AWS Lambda');
    expect(text(grid)).toContain('AWS Lambda');
  });

  it('refuses a click from a person of another organisation in a Slack Connect channel', async () => {
    const quiz = await h.invoke(commandEvent({ team_id: LISTED_TEAM, text: 'quiz serverless' }));
    const [button] = quiz.json.blocks
      .filter((b: { type: string }) => b.type === 'actions')
      .flatMap((b: { elements: unknown[] }) => b.elements);
    const before = (await items(h.tableName)).length;

    // The click comes from our channel, by someone whose home workspace is another company's.
    await h.invoke(
      h.click(button, 'external', { user: 'U0EXTERN01', name: 'outsider', userTeam: 'T0OTHERCO' }),
    );

    expect(JSON.stringify(h.fake.posted('external')[0]?.blocks)).toMatch(REFUSAL);
    expect((await items(h.tableName)).length).toBe(before);
  });

  it('lets a member of the listed workspace answer the same way', async () => {
    const quiz = await h.invoke(commandEvent({ team_id: LISTED_TEAM, text: 'quiz serverless' }));
    const [button] = quiz.json.blocks
      .filter((b: { type: string }) => b.type === 'actions')
      .flatMap((b: { elements: unknown[] }) => b.elements);

    await h.invoke(
      h.click(button, 'member', { user: USERS.alice, name: 'alice', userTeam: LISTED_TEAM }),
    );

    expect(JSON.stringify(h.fake.posted('member')[0]?.blocks)).toMatch(/Correct!|Not quite/);
  });
});

describe('Allow-lists: Discord', () => {
  let h: DiscordHandlerHarness;
  const logs = quietLogs();

  beforeAll(async () => {
    h = await startDiscordHandler({ env: { ALLOWED_DISCORD_GUILD_IDS: DISCORD_FIXTURE.guildId } });
  });
  afterAll(() => h.stop());

  it('refuses an unlisted server, privately, writing nothing and logging the guild', async () => {
    const answer = await h.send('command-quiz', (i) => {
      i.guild_id = '1999999999999999999';
    });

    expect(textOf(answer.json.data)).toMatch(REFUSAL);
    expect(answer.json.data.flags).toBe(64);
    expect(await items(h.tableName)).toEqual([]);
    expect(logs.current?.text()).toMatch(
      /refused a server that is not on the allow-list.*1999999999999999999/,
    );
  });

  it('refuses a direct message when there is a list', async () => {
    const answer = await h.send('command-daily-status-dm');

    expect(textOf(answer.json.data)).toMatch(REFUSAL);
    expect(logs.current?.text()).toMatch(/refused a server.*direct message/);
  });

  it('offers no autocomplete choices to an unlisted server', async () => {
    const answer = await h.send('autocomplete-search', (i) => {
      i.guild_id = '1999999999999999999';
    });

    expect(answer.json.data.choices).toEqual([]);
  });

  it('serves the listed server', async () => {
    const answer = await h.send('command-search');

    expect(textOf(answer.json.data)).not.toMatch(REFUSAL);
    expect(answer.json.data.embeds?.length).toBeGreaterThan(0);
  });

  it('still answers Discord\u2019s PING, which belongs to no server', async () => {
    const answer = await h.send('ping');

    expect(answer.json).toEqual({ type: 1 });
  });
});
