import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../src/local/dynamodb-local.js';
import { type DevServer, startDevServer } from '../helpers/dev-server.js';
import { createDiscordSigner, interactionOf, loadEvent } from '../helpers/discord-request.js';

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
      SLACK_SIGNING_SECRET: 'e2e-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-e2e',
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

  it('lets the daily function be invoked through the Lambda endpoint', async () => {
    const response = await fetch(
      `${server.lambdaUrl}/2015-03-31/functions/aws-tutor-dev-dailyQuiz/invocations`,
      { method: 'POST', body: '{}' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ channels: 0, posted: 0 });
  });
});
