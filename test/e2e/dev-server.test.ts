import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../src/local/dynamodb-local.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { type DevServer, startDevServer } from '../helpers/dev-server.js';
import { createDiscordSigner, interactionOf, loadEvent } from '../helpers/discord-request.js';
import { nowSeconds, slackSignature } from '../helpers/slack-request.js';

const SLACK_SECRET = 'e2e-signing-secret';

/**
 * End to end through `npm run dev`: real HTTP requests, signed as the platforms sign them,
 * through serverless-offline and the esbuild bundles, against DynamoDB Local.
 */
describe('Program: npm run dev', () => {
  const discord = createDiscordSigner();
  const tableName = `e2e-${randomUUID()}`;
  let server: DevServer;

  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    await ensureTable(endpoint, tableName);
    server = await startDevServer({
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME: tableName,
      DISCORD_PUBLIC_KEY: discord.publicKeyHex,
      DISCORD_APPLICATION_ID: '1180000000000000099',
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-e2e',
      // The fixtures' server and the workspace these tests use; anything else is refused.
      ALLOWED_SLACK_TEAM_IDS: 'T0E2E',
      ALLOWED_DISCORD_GUILD_IDS: '1180000000000000001',
    });
  }, 150_000);
  afterAll(() => server?.stop());

  const postDiscord = async (interaction: unknown, sign = true) => {
    const body = JSON.stringify(interaction);
    const { signature, timestamp } = discord.sign(body);
    const response = await fetch(`${server.url}/discord/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(sign ? { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } : {}),
      },
      body,
    });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as any };
  };

  it('answers a signed Discord PING with {"type":1}', async () => {
    const reply = await postDiscord({ type: 1 });
    expect(reply).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses an unsigned Discord request with 401', async () => {
    expect((await postDiscord({ type: 1 }, false)).status).toBe(401);
  });

  it('runs a Discord quiz and scores the click, against DynamoDB Local', async () => {
    const question = await postDiscord(interactionOf(loadEvent('command-quiz')));
    expect(question.status).toBe(200);
    expect(question.body.type).toBe(4);
    const buttons = question.body.data.components.flatMap((row: any) => row.components);
    const answer = interactionOf(loadEvent('component-answer')) as any;
    answer.data.custom_id = buttons[0].custom_id;
    answer.member = (interactionOf(loadEvent('command-quiz')) as any).member;
    const feedback = await postDiscord(answer);
    expect(feedback.status).toBe(200);
    expect(feedback.body.type).toBe(7);
    expect(JSON.stringify(feedback.body.data)).toMatch(/Correct|Not quite/);
  });

  const postSlack = async (body: string, contentType: string, sign = true) => {
    const timestamp = nowSeconds();
    const response = await fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(sign
          ? {
              'x-slack-request-timestamp': timestamp,
              'x-slack-signature': slackSignature(SLACK_SECRET, timestamp, body),
            }
          : {}),
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, text };
  };

  it('answers a signed Slack slash command with Block Kit', async () => {
    const body = new URLSearchParams({
      command: '/aws',
      text: 'lamda',
      team_id: 'T0E2E',
      channel_id: 'C0E2E',
      user_id: 'U0E2E',
      user_name: 'erin',
      response_url: 'http://127.0.0.1:9/never-used',
      trigger_id: '1.2.3',
    }).toString();
    const reply = await postSlack(body, 'application/x-www-form-urlencoded');
    expect(reply.status).toBe(200);
    const json = JSON.parse(reply.text);
    expect(json.response_type).toBe('ephemeral');
    expect(JSON.stringify(json.blocks)).toContain('AWS Lambda');
  });

  it('refuses a workspace and a server not on the allow-lists, and creates no item', async () => {
    const body = new URLSearchParams({
      command: '/aws',
      text: 'quiz',
      team_id: 'T0UNLISTED',
      channel_id: 'C0E2E',
      user_id: 'U0E2E',
      user_name: 'mallory',
      response_url: 'http://127.0.0.1:9/never-used',
      trigger_id: '1.2.3',
    }).toString();
    const slack = await postSlack(body, 'application/x-www-form-urlencoded');
    const unlisted = interactionOf(loadEvent('command-quiz')) as any;
    unlisted.guild_id = '1999999999999999999';
    const discordReply = await postDiscord(unlisted);

    expect(JSON.parse(slack.text).blocks[0].text.text).toMatch(/not set up for this workspace/);
    expect(JSON.stringify(discordReply.body.data)).toMatch(/not set up for this server/);
    const db = createDocumentClient({
      tableName,
      endpoint: inject('dynamoEndpoint'),
      region: 'us-east-1',
    });
    const scan = await db.send(new ScanCommand({ TableName: tableName }));
    const strangers = (scan.Items ?? []).filter((i) =>
      /T0UNLISTED|1999999999999999999/.test(String(i.pk)),
    );
    expect(strangers).toEqual([]);
  });

  it('refuses an unsigned Slack request with 401', async () => {
    const reply = await postSlack(
      'command=%2Faws&text=help',
      'application/x-www-form-urlencoded',
      false,
    );
    expect(reply.status).toBe(401);
  });

  it('echoes Slack’s url_verification challenge', async () => {
    const body = JSON.stringify({
      type: 'url_verification',
      token: 't',
      challenge: 'e2e-challenge',
    });
    const reply = await postSlack(body, 'application/json');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('e2e-challenge');
  });

  it('lets the daily function be invoked through the Lambda endpoint', async () => {
    const response = await fetch(
      `${server.lambdaUrl}/2015-03-31/functions/aws-tutor-dev-dailyQuiz/invocations`,
      { method: 'POST', body: '{}' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ channels: 0, posted: 0 });
  });

  it('lets the weekly recap function be invoked through the Lambda endpoint', async () => {
    const response = await fetch(
      `${server.lambdaUrl}/2015-03-31/functions/aws-tutor-dev-weeklyRecap/invocations`,
      { method: 'POST', body: '{}' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ channels: 0, posted: 0 });
  });
});
