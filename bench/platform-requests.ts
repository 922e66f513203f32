import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { DiscordSigner } from '../test/helpers/discord-request.js';
import { nowSeconds, slackSignature } from '../test/helpers/slack-request.js';

/**
 * Requests as Slack and Discord send them, for any number of made-up users: the bodies, their
 * signature headers, and the API Gateway v2 event a Lambda would get for them.
 */
export interface BenchUser {
  id: string;
  name: string;
}

export const SLACK_TEAM = 'T0BENCH01';
export const SLACK_CHANNEL = 'C0BENCH01';
export const DISCORD_GUILD = '1190000000000000001';
export const DISCORD_CHANNEL = '1190000000000000002';
export const DISCORD_APPLICATION = '1190000000000000099';

/** `count` Slack users (ids as Slack makes them: upper-case letters and digits). */
export function slackUsers(count: number, prefix = 'U0B'): BenchUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i).padStart(6, '0')}`,
    name: `slack-user-${i}`,
  }));
}

/** `count` Discord users (snowflake-like numeric ids). */
export function discordUsers(count: number, offset = 0): BenchUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(1191000000000000000n + BigInt(offset + i)),
    name: `discord-user-${offset + i}`,
  }));
}

/** A slash command's form body. */
export function slackCommandBody(text: string, user: BenchUser, responseUrl: string): string {
  return new URLSearchParams({
    token: 'bench',
    team_id: SLACK_TEAM,
    team_domain: 'bench',
    channel_id: SLACK_CHANNEL,
    channel_name: 'aws-bench',
    user_id: user.id,
    user_name: user.name,
    command: '/aws',
    text,
    api_app_id: 'A0BENCH01',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** A button click's form body (`payload=` JSON), on a private reply or a channel message. */
export function slackClickBody(
  button: { action_id: string; value: string },
  user: BenchUser,
  responseUrl: string,
  options: { channel?: string; ephemeral?: boolean; messageTs?: string } = {},
): string {
  const channel = options.channel ?? SLACK_CHANNEL;
  const payload = {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: SLACK_TEAM },
    api_app_id: 'A0BENCH01',
    token: 'bench',
    container: {
      type: 'message',
      message_ts: options.messageTs ?? '1795424399.000200',
      channel_id: channel,
      is_ephemeral: options.ephemeral ?? true,
    },
    trigger_id: '1.2.3',
    team: { id: SLACK_TEAM, domain: 'bench' },
    channel: { id: channel, name: 'aws-bench' },
    response_url: responseUrl,
    actions: [
      {
        action_id: button.action_id,
        block_id: 'b',
        type: 'button',
        value: button.value,
        action_ts: nowSeconds(),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Content type and Slack's signature headers for `body`. */
export function slackHeaders(body: string, secret: string): Record<string, string> {
  const timestamp = nowSeconds();
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
}

/** A Discord interaction from `user` in the bench server and channel. */
function interaction(type: number, user: BenchUser, data: unknown, extra: object = {}) {
  return {
    application_id: DISCORD_APPLICATION,
    channel_id: DISCORD_CHANNEL,
    guild_id: DISCORD_GUILD,
    id: String(1192000000000000000n + BigInt(Math.floor(Math.random() * 1e12))),
    token: `bench-token-${Math.random().toString(36).slice(2)}`,
    type,
    version: 1,
    locale: 'en-GB',
    // View Channel and Send Messages only: admins are not what the bench measures.
    member: {
      user: { id: user.id, username: user.name, global_name: user.name, discriminator: '0' },
      permissions: '3072',
      roles: [],
    },
    data,
    ...extra,
  };
}

/** `/aws <subcommand> [option:value]` as Discord sends it. */
export function discordCommand(user: BenchUser, subcommand: string, options: object = {}) {
  return interaction(2, user, {
    id: '1300000000000000001',
    name: 'aws',
    type: 1,
    options: [
      {
        type: 1,
        name: subcommand,
        options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })),
      },
    ],
  });
}

/** Autocomplete for `/aws <subcommand> <option>` while `typed` is being typed. */
export function discordAutocomplete(
  user: BenchUser,
  subcommand: string,
  option: string,
  typed: string,
) {
  return interaction(4, user, {
    id: '1300000000000000001',
    name: 'aws',
    type: 1,
    options: [
      {
        type: 1,
        name: subcommand,
        options: [{ type: 3, name: option, value: typed, focused: true }],
      },
    ],
  });
}

/** A click on button `customId`, on a private reply (flags 64) or a channel message. */
export function discordClick(
  user: BenchUser,
  customId: string,
  options: { messageId?: string; ephemeral?: boolean } = {},
) {
  return interaction(
    3,
    user,
    { component_type: 2, custom_id: customId },
    {
      message: {
        id: options.messageId ?? '1320000000000000001',
        channel_id: DISCORD_CHANNEL,
        flags: options.ephemeral === false ? 0 : 64,
        content: '',
        embeds: [],
        components: [],
      },
    },
  );
}

/** Content type and Discord's signature headers for `body`. */
export function discordHeaders(body: string, signer: DiscordSigner): Record<string, string> {
  const { signature, timestamp } = signer.sign(body);
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signature,
    'x-signature-timestamp': timestamp,
  };
}

/** The API Gateway HTTP API (payload v2) event for a POST to `path`. */
export function apiGatewayEvent(
  path: string,
  headers: Record<string, string>,
  body: string,
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'bench',
      http: {
        method: 'POST',
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: Math.random().toString(36).slice(2),
      routeKey: `POST ${path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body,
    isBase64Encoded: false,
  };
}
