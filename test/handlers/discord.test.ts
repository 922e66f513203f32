import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  type APIButtonComponent,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../src/local/dynamodb-local.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import { startChooseTwoExam } from '../helpers/choose-two-exam.js';
import { postDaily } from '../helpers/daily-round.js';
import {
  createDiscordSigner,
  type DiscordSigner,
  interactionOf,
  loadEvent,
} from '../helpers/discord-request.js';
import { expectWithinDiscordLimits } from '../helpers/expect-discord-limits.js';
import { type FakeDiscordApi, startFakeDiscordApi } from '../helpers/fake-discord-api.js';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
interface Answer {
  type: number;
  data: APIInteractionResponseCallbackData & { choices?: { name: string; value: string }[] };
}

let signer: DiscordSigner;
let fake: FakeDiscordApi;
let handler: Handler;
/** The handler's table, read and written directly. */
let store: DynamoStore;

/** Runs a fixture through the real handler, freshly signed (and with `interaction` as body). */
async function send(name: string, interaction?: unknown) {
  const response = await handler(signer.signEvent(loadEvent(name), interaction));
  // Not one of these requests is the server's fault: a 5xx anywhere fails the test.
  expect(response.statusCode).toBeLessThan(500);
  return response;
}

async function answer(name: string, interaction?: unknown): Promise<Answer> {
  const response = await send(name, interaction);
  expect(response.statusCode).toBe(200);
  expect(response.headers?.['Content-Type']).toBe('application/json');
  const parsed: Answer = JSON.parse(response.body ?? '');
  if (parsed.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
    expectWithinDiscordLimits(parsed.data);
  }
  return parsed;
}

const embed = (a: Answer) => a.data.embeds?.[0] as APIEmbed;
const text = (a: Answer) =>
  [a.data.content ?? '', embed(a)?.title ?? '', embed(a)?.description ?? ''].join('\n');
const customIds = (a: Answer) =>
  (a.data.components ?? []).flatMap((row) =>
    (row as { components: APIButtonComponent[] }).components.flatMap((b) =>
      'custom_id' in b ? [b.custom_id] : [],
    ),
  );

beforeAll(async () => {
  signer = createDiscordSigner();
  fake = await startFakeDiscordApi();
  const endpoint = inject('dynamoEndpoint');
  const tableName = `test-discord-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  store = new DynamoStore(
    createDocumentClient({ tableName, endpoint, region: 'us-east-1' }),
    tableName,
  );
  Object.assign(process.env, {
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DISCORD_APPLICATION_ID: '1180000000000000099',
    DISCORD_BOT_TOKEN: 'test-bot-token',
    DISCORD_API_URL: fake.url,
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
  });
  // Imported only now: the handler reads its settings on first use, from the values above.
  ({ handler } = await import('../../src/handlers/discord.js'));
});

afterAll(() => fake.close());

describe('Handler: discord', () => {
  describe('verification', () => {
    it('answers PING with exactly {"type":1} as JSON', async () => {
      const response = await send('ping');
      expect(response.statusCode).toBe(200);
      expect(response.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(response.body).toBe('{"type":1}');
    });

    it('verifies a base64-encoded body on its decoded bytes', async () => {
      const response = await send('ping-base64');
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('{"type":1}');
    });

    it('refuses the fixture as recorded: its signature is not from our key', async () => {
      const response = await handler(loadEvent('ping'));
      expect(response.statusCode).toBe(401);
      expect(response.headers?.['Content-Type']).toBe('application/json');
      expect(JSON.parse(response.body ?? '')).toEqual({ error: expect.any(String) });
    });

    it('refuses a tampered body, checked before anything is parsed', async () => {
      const signed = signer.signEvent(loadEvent('command-help'));
      const tampered = { ...signed, body: (signed.body ?? '').replace('"help"', '"score"') };
      expect(tampered.body).not.toBe(signed.body);
      expect((await handler(tampered)).statusCode).toBe(401);
      const garbage = { ...signed, body: `${signed.body}{` };
      expect((await handler(garbage)).statusCode).toBe(401);
    });

    it('refuses a request without signature headers, or with a stale timestamp header', async () => {
      const signed = signer.signEvent(loadEvent('ping'));
      const { 'x-signature-ed25519': _, ...unsigned } = signed.headers;
      expect((await handler({ ...signed, headers: unsigned })).statusCode).toBe(401);
      const otherTime = { ...signed.headers, 'x-signature-timestamp': '1' };
      expect((await handler({ ...signed, headers: otherTime })).statusCode).toBe(401);
    });

    it('reads the signature headers whatever their case', async () => {
      const signed = signer.signEvent(loadEvent('ping'));
      const headers = {
        'X-Signature-Ed25519': signed.headers['x-signature-ed25519'],
        'X-Signature-Timestamp': signed.headers['x-signature-timestamp'],
      };
      expect((await handler({ ...signed, headers })).statusCode).toBe(200);
    });
  });

  describe('malformed input', () => {
    it('answers a signed body that is not JSON with 400', async () => {
      const response = await send('malformed-json');
      expect(response.statusCode).toBe(400);
      expect(response.headers?.['Content-Type']).toBe('application/json');
      expect(JSON.parse(response.body ?? '')).toEqual({ error: 'body is not JSON' });
    });

    it('answers an unknown interaction type with 400 and a JSON error', async () => {
      const response = await send('modal-submit');
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(response.body ?? '').error).toMatch(/interaction type 5/);
      const other = await send('command-help', {
        ...interactionOf(loadEvent('command-help')),
        type: 42,
      });
      expect(other.statusCode).toBe(400);
    });

    it('answers an unknown subcommand with a private hint, not an error', async () => {
      const reply = await answer('command-unknown-subcommand');
      expect(reply.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
      expect(reply.data.content).toMatch(/don't know that command/);
    });
  });

  describe('subcommands', () => {
    it('search: "x vs y" compares the two (base64 fixture)', async () => {
      const reply = await answer('command-search-compare');
      expect(embed(reply).title).toMatch(/SQS.* vs .*SNS/);
    });

    it('quiz: a private practice question whose answer click updates it (type 7)', async () => {
      const question = await answer('command-quiz');
      expect(question.data.flags).toBe(MessageFlags.Ephemeral);
      expect(embed(question).title).toBe('Practice question');
      const [first] = customIds(question);
      expect(first).toMatch(/^p:/);

      const click = interactionOf(loadEvent('component-answer')) as { data: { custom_id: string } };
      click.data.custom_id = first as string;
      const feedback = await answer('component-answer', click);
      expect(feedback.type).toBe(InteractionResponseType.UpdateMessage);
      expect(embed(feedback).title).toMatch(/Correct|Not quite/);
      expect(feedback.data.flags).toBeUndefined();

      // A second click on the same question is not counted again: the recorded result is
      // shown again in place of the question, which only this person sees.
      const again = await answer('component-answer', click);
      expect(again.type).toBe(InteractionResponseType.UpdateMessage);
      expect(text(again)).toMatch(/already answered/);
    });

    it('a daily answer on the public question gets private feedback (type 4), not an update', async () => {
      // The daily run posts the question to the fixture's channel.
      const channel = '1180000000000000002';
      const tenant = { platform: 'discord', workspaceId: '1180000000000000001' };
      const { [channel]: daily } = await postDaily(store, tenant, [channel]);
      const action = daily?.buttons?.[0]?.action as string;
      expect(action).toMatch(/^d:/);
      const click = interactionOf(loadEvent('component-answer')) as {
        data: { custom_id: string };
        message: { flags: number };
      };
      click.data.custom_id = action;
      click.message.flags = 0;
      // The answer goes out first, through the callback; then the channel message's count is
      // edited with the bot token; the HTTP request is answered 202 with no body.
      const response = await send('component-answer', click);
      expect(response.statusCode).toBe(202);
      const [callback, edit] = fake.requests.splice(0);
      expect(callback?.path).toMatch(/^\/interactions\/.+\/callback$/);
      const feedback = callback?.body as Answer;
      expect(feedback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(feedback.data.flags).toBe(MessageFlags.Ephemeral);
      expect(text(feedback)).toMatch(/Daily streak/);
      expect(edit).toMatchObject({
        method: 'PATCH',
        path: `/channels/${channel}/messages/m-${channel}-1`,
      });
      expect(edit?.headers.authorization).toBe('Bot test-bot-token');
    });

    it('never replaces a public message with private feedback, even if asked to', async () => {
      const question = await answer('command-quiz');
      const click = interactionOf(loadEvent('component-answer')) as {
        data: { custom_id: string };
        message: { flags: number };
      };
      click.data.custom_id = customIds(question)[0] as string;
      click.message.flags = 0;
      const feedback = await answer('component-answer', click);
      expect(feedback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(feedback.data.flags).toBe(MessageFlags.Ephemeral);
      expect(embed(feedback).title).toMatch(/Correct|Not quite/);
    });

    it('score: private, with the practice answers just given', async () => {
      const reply = await answer('command-score');
      expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
      expect(embed(reply).title).toBe('Your score');
      expect(embed(reply).fields?.find((f) => f.name === 'Answered')?.value).toMatch(/^3 /);
    });

    it('team: private, the practice answers just given, nobody named, within limits', async () => {
      const command = interactionOf(loadEvent('command-score')) as {
        data: { options: unknown[] };
      };
      command.data.options = [{ type: 1, name: 'team', options: [] }];
      const reply = await answer('command-score', command);
      expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
      expect(embed(reply).title).toBe('Team: the last 4 weeks');
      expect(text(reply)).toMatch(/this week ▓{10} 1 person/);
      expect(text(reply)).toContain('Share right by exam domain');
      expect(embed(reply).footer?.text).toMatch(/^3 answers/);
    });

    it('leaderboard period month: this calendar month, posted to the channel', async () => {
      const command = interactionOf(loadEvent('command-leaderboard')) as {
        data: { options: unknown[] };
      };
      command.data.options = [
        { type: 1, name: 'leaderboard', options: [{ type: 3, name: 'period', value: 'month' }] },
      ];
      const reply = await answer('command-leaderboard', command);
      expect(reply.data.flags).toBeUndefined();
      expect(embed(reply).title).toMatch(/^Leaderboard: [A-Z][a-z]+ \d{4}$/);
    });

    it('exam: a short private exam, a "choose two" select, a double click, then the report', async () => {
      const command = interactionOf(loadEvent('command-score')) as { data: { options: unknown[] } };
      const exam = (options: unknown[]) => {
        command.data.options = [{ type: 1, name: 'exam', options }];
        return answer('command-score', command);
      };
      // `/aws exam questions:5`, then stop it.
      const started = await exam([{ type: 4, name: 'questions', value: 5 }]);
      expect(started.data.flags).toBe(MessageFlags.Ephemeral);
      expect(embed(started).title).toBe('Exam: question 1 of 5');
      expect(text(await exam([{ type: 3, name: 'action', value: 'stop' }]))).toMatch(
        /Exam stopped after 0 of 5/,
      );

      // An exam of a "choose two" question and a one-answer one, resumed by `/aws exam`.
      const user = {
        platform: 'discord',
        workspaceId: '1180000000000000001',
        userId: '1180000000000000003',
      };
      const { multi, single } = await startChooseTwoExam(store, user, 'discord123');
      const first = await exam([]);
      const [row] = (first.data.components ?? []) as unknown as { components: unknown[] }[];
      const select = row?.components[0] as { custom_id: string; min_values: number };
      expect(select).toMatchObject({ type: 3, min_values: 2, max_values: 2 });
      const pick = interactionOf(loadEvent('component-answer')) as {
        data: { component_type: number; custom_id: string; values?: string[] };
      };
      pick.data = {
        component_type: 3,
        custom_id: select.custom_id,
        values: multi.answers.map(String).reverse(),
      };
      const second = await answer('component-answer', pick);
      expect(second.type).toBe(InteractionResponseType.UpdateMessage);
      expect(embed(second).title).toBe('Exam: question 2 of 2');
      // The same pick again (a double click) answers nothing: the exam stays at question 2.
      expect(embed(await answer('component-answer', pick)).title).toBe('Exam: question 2 of 2');
      const click = interactionOf(loadEvent('component-answer')) as { data: { custom_id: string } };
      click.data.custom_id = customIds(second)[single.answer === 0 ? 1 : 0] as string;
      const report = await answer('component-answer', click);
      expect(embed(report).title).toBe('Exam report: 1 of 2 right (50%)');
      expect(embed(report).description).toContain('**Wrong answers**');
      expect(customIds(report).some((id) => id.startsWith('k:'))).toBe(true);
    });

    it('daily on: accepted from a member with Manage Server', async () => {
      const reply = await answer('command-daily-on-admin');
      expect(reply.data.content).not.toMatch(/^Only /);
      expect(reply.data.content).toMatch(/daily/i);
    });

    it('daily status: allowed for anyone, in a DM too', async () => {
      const reply = await answer('command-daily-status-dm');
      expect(reply.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(reply.data.content).not.toMatch(/^Only /);
    });
  });

  describe('autocomplete', () => {
    it('offers concepts as the user types, at most 25, names within 100 characters', async () => {
      const reply = await answer('autocomplete-search');
      expect(reply.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const choices = reply.data.choices ?? [];
      expect(choices[0]).toEqual({ name: 'AWS Lambda', value: 'lambda' });
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    });

    it('offers topics, then concepts, for an empty quiz topic: exactly 25', async () => {
      const reply = await answer('autocomplete-quiz-empty');
      expect(reply.data.choices).toHaveLength(25);
    });
  });

  it('answered every other request directly: no REST call to Discord was needed', () => {
    expect(fake.requests).toEqual([]);
  });
});
