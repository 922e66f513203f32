import { type APIEmbed, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBudget } from '../../src/app/request-budget.js';
import { createDiscordRest } from '../../src/discord/discord-rest.js';
import { createInteractionHandler } from '../../src/discord/handle-interaction.js';
import { ConfigError, GENERIC_ERROR_MESSAGE } from '../../src/errors.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import { createTutor } from '../../src/tutor/tutor.js';
import { interactionOf, loadEvent } from '../helpers/discord-request.js';
import { freshStore } from '../helpers/dynamo.js';
import { type FakeDiscordApi, startFakeDiscordApi } from '../helpers/fake-discord-api.js';
import { startSlowProxy } from '../helpers/slow-proxy.js';
import { testDeps } from '../helpers/test-deps.js';

/** Every DynamoDB request takes this long: a quiz needs several, so it misses the budget. */
const STORE_DELAY_MS = 400;
const BUDGET_MS = 150;

type Interaction = Record<string, unknown> & { id: string; token: string; application_id: string };
const fixture = (name: string) => interactionOf(loadEvent(name)) as Interaction;

describe('Function: createInteractionHandler (deferral)', () => {
  let fake: FakeDiscordApi;
  let closeProxy: () => Promise<void>;
  let handle: ReturnType<typeof createInteractionHandler>;
  const logged: string[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscordApi();
    const { tableName, endpoint } = await freshStore();
    const slow = await startSlowProxy(endpoint, STORE_DELAY_MS);
    closeProxy = slow.close;
    const db = createDocumentClient(
      { tableName, endpoint: slow.endpoint, region: 'us-east-1' },
      { requestTimeoutMs: 5000 },
    );
    const tutor = createTutor(testDeps({ storeImpl: new DynamoStore(db, tableName) }));
    handle = createInteractionHandler({
      tutor: () => tutor,
      rest: createDiscordRest({ apiUrl: fake.url }),
      log: { error: (message) => logged.push(message) },
      answerWithinMs: BUDGET_MS,
    });
  });

  afterAll(async () => {
    await Promise.all([fake.close(), closeProxy()]);
  });

  beforeEach(() => {
    fake.requests.length = 0;
    logged.length = 0;
  });

  it('answers a command that needs no store directly, however slow the store is', async () => {
    const result = await handle(fixture('command-search'));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    expect(fake.requests).toEqual([]);
  });

  it('defers a slow quiz as ephemeral, then edits the original with the question', async () => {
    const quiz = fixture('command-quiz');
    const result = await handle(quiz);
    expect(result).toEqual({ status: 202 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /interactions/${quiz.id}/${quiz.token}/callback`,
      `PATCH /webhooks/${quiz.application_id}/${quiz.token}/messages/@original`,
    ]);
    const [callback, edit] = fake.requests;
    expect(callback?.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const message = edit?.body as { embeds: APIEmbed[]; flags?: number; components: unknown[] };
    expect(message.embeds[0]?.title).toBe('Practice question');
    expect(message.flags).toBeUndefined();
    expect(message.components.length).toBeGreaterThan(0);
  });

  it('defers a slow answer click as an update of the question it was on', async () => {
    await handle(fixture('command-quiz'));
    const question = fake.requests.at(-1)?.body as {
      components: { components: { custom_id: string }[] }[];
    };
    const customId = question.components[0]?.components[0]?.custom_id as string;
    expect(customId).toMatch(/^p:/);
    fake.requests.length = 0;

    const click = fixture('component-answer');
    const result = await handle({ ...click, data: { component_type: 2, custom_id: customId } });
    expect(result).toEqual({ status: 202 });
    const [callback, edit] = fake.requests;
    expect(callback?.path).toBe(`/interactions/${click.id}/${click.token}/callback`);
    expect(callback?.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
    expect(edit?.method).toBe('PATCH');
    const feedback = edit?.body as { embeds: APIEmbed[] } | undefined;
    expect(feedback?.embeds[0]?.title).toMatch(/Correct|Not quite/);
  });

  it('defers a slow leaderboard publicly (no ephemeral flag)', async () => {
    const result = await handle(fixture('command-leaderboard'));
    expect(result).toEqual({ status: 202 });
    expect(fake.requests[0]?.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
    });
    const board = fake.requests[1]?.body as { embeds: APIEmbed[] } | undefined;
    expect(board?.embeds[0]?.title).toMatch(/^Leaderboard/);
  });

  it('answers directly, late, when Discord refuses the deferral', async () => {
    fake.failNext('/interactions/', 500);
    const result = await handle(fixture('command-score'));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    expect(fake.requests).toHaveLength(1);
    expect(logged).toEqual(['could not defer a slow interaction; answering directly']);
  });

  it('answers directly, late, when the request has spent its budget before it could defer', async () => {
    const result = await handle(fixture('command-score'), startBudget(0));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    expect(logged).toEqual(['could not defer a slow interaction; answering directly']);
  });

  it('still acknowledges with 202, and logs, when finishing the deferred answer fails', async () => {
    fake.failNext('/webhooks/', 404);
    const result = await handle(fixture('command-score'));
    expect(result).toEqual({ status: 202 });
    expect(logged).toEqual(['could not finish a deferred interaction']);
  });
});

describe('Function: createInteractionHandler (input)', () => {
  const handle = createInteractionHandler({
    tutor: () => createTutor(testDeps()),
    rest: createDiscordRest({ apiUrl: 'http://127.0.0.1:9' }),
    log: { error: () => {} },
  });

  it('answers PING with PONG', async () => {
    expect(await handle(fixture('ping'))).toEqual({ status: 200, body: { type: 1 } });
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no type', { id: '1', token: 't', application_id: 'a' }],
    ['no token', { type: 2, id: '1', application_id: 'a' }],
    ['an unknown interaction type', { ...fixture('command-help'), type: 99 }],
    ['a modal submit (we never open modals)', fixture('modal-submit')],
    ['a command without data', { ...fixture('command-help'), data: undefined }],
    ['a command without a user', { ...fixture('command-help'), member: undefined }],
    [
      'a click without a custom_id',
      { ...fixture('component-answer'), data: { component_type: 2 } },
    ],
  ])('rejects %s with a 400 and a JSON error', async (_, interaction) => {
    const result = await handle(interaction);
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: expect.any(String) });
  });

  it('answers a broken core with a polite private message, never an error status', async () => {
    const broken = createInteractionHandler({
      tutor: () => {
        throw new ConfigError('DAILY_TIMEZONE', 'is not a known IANA time zone: "Mars/Olympus"');
      },
      rest: createDiscordRest({ apiUrl: 'http://127.0.0.1:9' }),
      log: { error: () => {} },
    });
    expect(await broken(fixture('command-help'))).toEqual({
      status: 200,
      body: {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: expect.objectContaining({
          content: GENERIC_ERROR_MESSAGE,
          flags: MessageFlags.Ephemeral,
        }),
      },
    });
    expect(await broken(fixture('autocomplete-search'))).toEqual({
      status: 200,
      body: {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: [] },
      },
    });
  });
});
