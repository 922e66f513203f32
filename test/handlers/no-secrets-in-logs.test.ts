import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDaily } from '../../src/daily/run-daily.js';
import { createDiscordPoster } from '../../src/discord/discord-poster.js';
import { createJsonLogger } from '../../src/log.js';
import { createSlackPoster } from '../../src/slack/slack-poster.js';
import { captureLogs } from '../helpers/capture-logs.js';
import {
  customIdsOf,
  type DiscordHandlerHarness,
  startDiscordHandler,
} from '../helpers/discord-handler.js';
import { loadEvent } from '../helpers/discord-request.js';
import { startFakeChatApis } from '../helpers/fake-chat-apis.js';
import { type SlackHandlerHarness, startSlackHandler, USERS } from '../helpers/slack-handler.js';
import { commandEvent, signEvent } from '../helpers/slack-request.js';
import { type StoreFaults, startStoreFaults } from '../helpers/store-faults.js';
import { content, fakeClock } from '../helpers/test-deps.js';

/** Distinctive values for every secret the app handles, so any copy of one can be found. */
const SECRET = {
  signingSecret: '5ec7e75ec7e75ec7e75ec7e75ec7e75e',
  slackBot: 'xoxb-5ecret-bot-7777777777-AbCdEfGhIjKlMnOp',
  discordBot: 'MTE4MDAwMDAwMDAwMDAwMDA5OQ.Gs3cr3.Zm9yYmlkZGVuLXRva2VuLXZhbHVlLXh5eg',
  responseUrlToken: 'R3sp0nseUrlT0kenXyZ123',
  interactionToken: 'aW50ZXJhY3Rpb246c2VjcmV0LWludGVyYWN0aW9uLXRva2Vu',
};
const ALL_SECRETS = Object.values(SECRET);

/**
 * Drives every handler through its failure paths (bad signatures, DynamoDB down or hanging,
 * Slack and Discord API errors, expired response URLs, daily posts that fail) with known secret
 * values configured, and checks that no secret reaches a log line, a response body or an error
 * message. The logs are captured as CloudWatch would keep them: all of stdout and stderr.
 */
describe('Handlers: no secret in logs or answers', () => {
  let slack: SlackHandlerHarness;
  let discord: DiscordHandlerHarness;
  let dynamo: StoreFaults;
  let logs: ReturnType<typeof captureLogs>;
  /** Every body we answered with and every error message thrown at a caller. */
  const answers: string[] = [];

  beforeAll(async () => {
    dynamo = await startStoreFaults();
    slack = await startSlackHandler({
      dynamoEndpoint: dynamo.endpoint,
      env: { SLACK_SIGNING_SECRET: SECRET.signingSecret, SLACK_BOT_TOKEN: SECRET.slackBot },
    });
    discord = await startDiscordHandler({
      dynamoEndpoint: dynamo.endpoint,
      env: { DISCORD_BOT_TOKEN: SECRET.discordBot },
    });
    logs = captureLogs();
  });
  afterAll(async () => {
    logs.restore();
    await slack.stop();
    await discord.stop();
    await dynamo.close();
  });

  const signed = (event: ReturnType<typeof commandEvent>) =>
    signEvent(event, { secret: SECRET.signingSecret });
  async function slackSays(event: ReturnType<typeof commandEvent>) {
    const res = await slack.invoke(event);
    answers.push(res.body);
    return res;
  }
  async function discordSays(
    fixture: string,
    change: Parameters<DiscordHandlerHarness['send']>[1],
  ) {
    const res = await discord.send(fixture, (i) => {
      i.token = SECRET.interactionToken;
      change?.(i);
    });
    answers.push(res.body);
    return res;
  }

  it('Slack: bad signatures, a failed users.info, the store down, dead response URLs', async () => {
    expect((await slackSays(commandEvent({ text: 'help' }))).status).toBe(401); // another secret
    expect((await slackSays(signed(commandEvent({ text: 'help' })))).status).toBe(200);
    // users.info answers ok:false for an unknown user: a Slack API error, logged.
    await slackSays(signed(commandEvent({ text: 'daily on', user_id: 'U0GHOST01' })));
    const quiz = await slackSays(signed(commandEvent({ text: 'quiz serverless' })));
    const button = quiz.json.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
    for (const url of ['expired', 'stalled']) {
      await slackSays(signed(slack.click(button, `${url}-${SECRET.responseUrlToken}`)));
    }
    dynamo.faults.always('server-error');
    await slackSays(signed(commandEvent({ text: 'score' })));
    await slackSays(
      signed(slack.click(button, `ok-${SECRET.responseUrlToken}`, { user: USERS.bob })),
    );
    dynamo.faults.always('pass');
    expect(logs.text()).toMatch(/slack respond failed/);
    expect(logs.text()).toMatch(/StoreUnavailableError/);
  });

  it('Discord: bad signatures, the store down or hanging, a deferral Discord refuses', async () => {
    const forged = { ...discord.signer.signEvent(loadEvent('ping')), body: '{"type":1}' };
    expect((await discord.invoke(forged)).status).toBe(401);
    const quiz = await discordSays('command-quiz', () => {});
    const [first = ''] = customIdsOf(quiz.json.data);

    dynamo.faults.always('throttle');
    await discordSays('command-score', () => {});
    dynamo.faults.always('pass');

    // Every DynamoDB request hangs past its timeout: the click is deferred, and Discord
    // refuses the deferral, then the late answer's edit.
    dynamo.slowDown(1000);
    discord.fake.failNext('/interactions/', 500);
    await discordSays('component-answer', (i) => {
      i.data.custom_id = first;
    });
    discord.fake.failNext('/webhooks/', 404);
    await discordSays('command-leaderboard', () => {});
    dynamo.slowDown(0);
    expect(logs.text()).toMatch(/could not defer a slow interaction/);
    expect(discord.fake.requests.some((r) => r.path.includes(SECRET.interactionToken))).toBe(true);
  });

  it('daily run: 5xx, 429 and gone channels on both platforms, and a run that must be retried', async () => {
    const apis = await startFakeChatApis({ slackPerChannelMs: 0 });
    try {
      const store = slack.store;
      for (const [platform, channelId] of [
        ['slack', 'S-500'],
        ['slack', 'S-GONE'],
        ['discord', 'D-429'],
        ['discord', 'D-GONE'],
      ] as const) {
        await store.subscribe({
          platform,
          workspaceId: 'W1',
          channelId,
          subscribedBy: 'admin',
          subscribedAt: '2026-11-20T09:00:00.000Z',
          status: 'active',
        });
      }
      apis.broken.set('S-500', 500);
      apis.broken.set('D-429', 429);
      apis.gone.add('S-GONE');
      apis.gone.add('D-GONE');
      const summary = await runDaily({
        store,
        content,
        posters: {
          slack: createSlackPoster({ apiUrl: apis.slackApiUrl, botToken: SECRET.slackBot }),
          discord: createDiscordPoster({ apiUrl: apis.discordApiUrl, botToken: SECRET.discordBot }),
        },
        clock: fakeClock('2026-11-23T09:00:00Z'),
        timeZone: 'Europe/London',
        log: createJsonLogger({ handler: 'dailyQuiz' }),
        sleep: async () => {},
      });
      expect(summary).toMatchObject({ failed: 2, deferred: 2 });
    } finally {
      await apis.close();
    }

    // The scheduled handler itself, when Slack refuses its bot token: it throws to be retried.
    await slack.store.subscribe({
      platform: 'slack',
      workspaceId: 'W2',
      channelId: 'C0REVOKED',
      subscribedBy: 'admin',
      subscribedAt: '2026-11-20T09:00:00.000Z',
      status: 'active',
    });
    process.env.TABLE_NAME = slack.tableName;
    slack.fake.failNext('chat.postMessage', 'invalid_auth');
    const { handler } = await import('../../src/handlers/daily-quiz.js');
    const thrown = await handler().catch((error: Error) => error);
    expect(thrown).toBeInstanceOf(Error);
    answers.push(String((thrown as Error).message), String((thrown as Error).stack));
    expect(logs.text()).toMatch(/post failed for good/);
    expect(logs.text()).toMatch(/bot token refused/);
  });

  it('no secret appears in any log line, answer or error message', () => {
    const everything = `${logs.text()}\n${answers.join('\n')}`;
    expect(logs.lines.length).toBeGreaterThan(10);
    for (const secret of ALL_SECRETS) expect(everything).not.toContain(secret);
  });
});
