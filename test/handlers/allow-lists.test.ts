import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { quietLogs } from '../helpers/capture-logs.js';
import { type ChatDriver, PLATFORMS } from '../helpers/chat-driver.js';
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

/** Who is listed: on Slack the fixtures' workspace and a Grid org, on Discord the fixtures' server. */
const LISTED = { slack: [LISTED_TEAM, GRID_ORG], discord: [DISCORD_FIXTURE.guildId] };
/** What the platform calls a workspace, in the log line of a refusal. */
const WORKSPACE = { slack: 'workspace', discord: 'server' };

describe.each(PLATFORMS)('Allow-lists: %s', (platform, start) => {
  let d: ChatDriver;
  const logs = quietLogs();

  beforeAll(async () => {
    d = await start({ allowed: LISTED[platform] });
  });
  afterAll(() => d.stop());

  it('refuses a command from an unlisted workspace, privately and politely, writing nothing', async () => {
    const answer = await d.command('quiz', { workspace: d.strangerWorkspace });

    expect(answer.status).toBe(200);
    expect(answer.private).toBe(true);
    expect(answer.text).toMatch(REFUSAL);
    expect(await items(d.tableName)).toEqual([]);
    expect(logs.current?.text()).toMatch(
      new RegExp(
        `refused a ${WORKSPACE[platform]} that is not on the allow-list.*${d.strangerWorkspace}`,
      ),
    );
  });

  it('serves the listed workspace', async () => {
    const answer = await d.command('lambda');

    expect(answer.text).not.toMatch(REFUSAL);
    expect(answer.title).toBe('AWS Lambda');
  });
});

describe('Allow-lists: Slack (Enterprise Grid and Slack Connect)', () => {
  let h: SlackHandlerHarness;
  quietLogs();

  beforeAll(async () => {
    h = await startSlackHandler({ env: { ALLOWED_SLACK_TEAM_IDS: `${LISTED_TEAM}, ${GRID_ORG}` } });
  });
  afterAll(() => h.stop());

  const text = (answer: { json?: { blocks?: unknown } }) =>
    JSON.stringify(answer.json?.blocks ?? '');

  it('serves a workspace of a listed Enterprise Grid org', async () => {
    const grid = await h.invoke(
      commandEvent({ team_id: 'T0GRIDWS02', enterprise_id: GRID_ORG, text: 'lambda' }),
    );

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

describe('Allow-lists: Discord (direct messages, autocomplete, PING)', () => {
  let h: DiscordHandlerHarness;
  const logs = quietLogs();

  beforeAll(async () => {
    h = await startDiscordHandler({ env: { ALLOWED_DISCORD_GUILD_IDS: DISCORD_FIXTURE.guildId } });
  });
  afterAll(() => h.stop());

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

  it('still answers Discord\u2019s PING, which belongs to no server', async () => {
    const answer = await h.send('ping');

    expect(answer.json).toEqual({ type: 1 });
  });
});
