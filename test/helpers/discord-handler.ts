import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { vi } from 'vitest';
import { createDiscordSigner, interactionOf, loadEvent } from './discord-request.js';
import { freshStore } from './dynamo.js';
import { startFakeDiscordApi } from './fake-discord-api.js';
import { invoker, type LambdaAnswer, setEnv } from './lambda-harness.js';

/** The server, channel and member of the fixtures in test/fixtures/discord. */
export const DISCORD_FIXTURE = {
  guildId: '1180000000000000001',
  channelId: '1180000000000000002',
  aliceId: '1180000000000000003',
  applicationId: '1180000000000000099',
} as const;

const SETTINGS = [
  'DISCORD_PUBLIC_KEY',
  'DISCORD_APPLICATION_ID',
  'DISCORD_BOT_TOKEN',
  'DISCORD_API_URL',
  'DYNAMODB_ENDPOINT',
  'TABLE_NAME',
  'ALLOWED_DISCORD_GUILD_IDS',
] as const;

/** An interaction answer as Discord receives it. */
export type DiscordAnswer = LambdaAnswer;

/** A fixture's interaction, as free-form JSON a test may edit. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit interactions as free-form JSON
export type Interaction = Record<string, any>;

/**
 * The real Discord Lambda handler with a fresh key pair, a fresh table in the run's DynamoDB
 * Local and a fake Discord REST API. As with the Slack harness, the environment is set before
 * the handler is first imported (it reads settings once per process), `dynamoEndpoint` can put
 * a fault or slow proxy in front of DynamoDB, and `store` reads the table directly.
 */
export async function startDiscordHandler(
  options: {
    dynamoEndpoint?: string;
    env?: Partial<Record<(typeof SETTINGS)[number], string>>;
  } = {},
) {
  const signer = createDiscordSigner();
  const fake = await startFakeDiscordApi();
  const { store, tableName, endpoint } = await freshStore();
  const restoreEnv = setEnv({
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DISCORD_APPLICATION_ID: DISCORD_FIXTURE.applicationId,
    DISCORD_BOT_TOKEN: 'test-bot-token',
    DISCORD_API_URL: fake.url,
    DYNAMODB_ENDPOINT: options.dynamoEndpoint ?? endpoint,
    TABLE_NAME: tableName,
    ...options.env,
  });
  // A handler reads its settings and opens its store once per module: fresh modules give this
  // harness its own, even when another harness in the same file started first.
  vi.resetModules();
  const { handler } = await import('../../src/handlers/discord.js');
  const { getTutor } = await import('../../src/app/tutor-runtime.js');
  /** Calls the handler with an event as API Gateway would pass it. */
  const invoke = invoker(handler);

  /** A fixture's interaction, edited by `change`, signed with our key and sent. */
  const send = (fixture: string, change: (interaction: Interaction) => void = () => {}) => {
    const interaction = interactionOf(loadEvent(fixture));
    change(interaction);
    return invoke(signer.signEvent(loadEvent(fixture), interaction));
  };

  const stop = async () => {
    await fake.close();
    restoreEnv();
  };
  return { invoke, send, signer, fake, getTutor, tableName, store, stop };
}

export type DiscordHandlerHarness = Awaited<ReturnType<typeof startDiscordHandler>>;

/** The message in an interaction answer (or in a deferred edit), whatever its type. */
export function messageOf(answer: {
  data?: APIInteractionResponseCallbackData;
}): APIInteractionResponseCallbackData {
  return answer.data ?? {};
}

/** Every `custom_id` on the buttons of a message. */
export function customIdsOf(message: APIInteractionResponseCallbackData): string[] {
  return (message.components ?? []).flatMap((row) =>
    ((row as { components?: { custom_id?: string }[] }).components ?? []).flatMap((b) =>
      b.custom_id ? [b.custom_id] : [],
    ),
  );
}

/** The visible text of a message: content, embed titles, descriptions and fields. */
export function textOf(message: APIInteractionResponseCallbackData): string {
  return [
    message.content ?? '',
    ...(message.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join('\n');
}
