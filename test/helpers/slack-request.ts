import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const FIXTURES = new URL('../fixtures/slack/', import.meta.url);

/**
 * The signing secret the tests configure; fixtures are re-signed with it. It is the secret of
 * Slack's documented example, so that example can go through the real handler too.
 */
export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** A literal API Gateway v2 event from `test/fixtures/slack/`, as API Gateway sends it. */
export function loadSlackEvent(name: string): APIGatewayProxyEventV2 {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'));
}

/** The body as Slack sent it (decoded when API Gateway base64-encoded it). */
export function rawBodyOf(event: APIGatewayProxyEventV2): string {
  const body = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/**
 * `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`: Slack's scheme, written out here
 * independently of the code under test, so the scheme is checked rather than echoed.
 */
export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Seconds since the epoch, as Slack puts it in `x-slack-request-timestamp`. */
export function nowSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

/** `event` with `body` as its body, base64-encoded again when the event was. */
export function withBody(event: APIGatewayProxyEventV2, body: string): APIGatewayProxyEventV2 {
  return {
    ...event,
    body: event.isBase64Encoded ? Buffer.from(body, 'utf8').toString('base64') : body,
    headers: { ...event.headers, 'content-length': String(Buffer.byteLength(body)) },
  };
}

/** `event` with fresh signature headers over its raw body (secret and time overridable). */
export function signEvent(
  event: APIGatewayProxyEventV2,
  options: { secret?: string; timestamp?: string } = {},
): APIGatewayProxyEventV2 {
  const timestamp = options.timestamp ?? nowSeconds();
  const signature = slackSignature(
    options.secret ?? TEST_SIGNING_SECRET,
    timestamp,
    rawBodyOf(event),
  );
  return {
    ...event,
    headers: {
      ...event.headers,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
  };
}

/** A slash command fixture with some form fields replaced (`text`, `user_id`, …), signed. */
export function commandEvent(
  fields: Record<string, string | undefined>,
  fixture = 'command',
): APIGatewayProxyEventV2 {
  const event = loadSlackEvent(fixture);
  const form = new URLSearchParams(rawBodyOf(event));
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) form.delete(key);
    else form.set(key, value);
  }
  return signEvent(withBody(event, form.toString()));
}

/** The interactivity payload inside a `payload=` form body. */
export function payloadOf(event: APIGatewayProxyEventV2): Record<string, unknown> {
  return JSON.parse(new URLSearchParams(rawBodyOf(event)).get('payload') ?? 'null');
}

/** The block_actions fixture with its payload changed by `change`, signed. */
export function actionEvent(
  // biome-ignore lint/suspicious/noExplicitAny: tests edit the payload as free-form JSON
  change: (payload: Record<string, any>) => void,
  fixture = 'block-actions',
): APIGatewayProxyEventV2 {
  const event = loadSlackEvent(fixture);
  const payload = payloadOf(event);
  change(payload);
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signEvent(withBody(event, body));
}

/** Who clicks, and on what kind of message. */
export interface ClickAs {
  user?: string;
  name?: string;
  /** Whether the clicked message was ephemeral (a practice question) or in the channel. */
  ephemeral?: boolean;
  channel?: string;
  /** The clicking person's home workspace, when it is not the channel's (Slack Connect). */
  userTeam?: string;
  /** The message's inputs as Slack sends them with a click (ticked checkboxes). */
  state?: { values: Record<string, Record<string, unknown>> };
}

/**
 * A signed click on `button` by `as.user` (the fixture's Alice by default), answered at
 * `responseUrl`; in `as.channel` when given.
 */
export function clickEvent(
  button: { action_id: string; value: string },
  responseUrl: string,
  as: ClickAs = {},
): APIGatewayProxyEventV2 {
  return actionEvent((p) => {
    p.actions[0].action_id = button.action_id;
    p.actions[0].value = button.value;
    p.response_url = responseUrl;
    p.container.is_ephemeral = as.ephemeral ?? true;
    p.user = {
      ...p.user,
      id: as.user ?? p.user.id,
      username: as.name ?? p.user.username,
      ...(as.userTeam ? { team_id: as.userTeam } : {}),
    };
    if (as.channel) {
      p.channel.id = as.channel;
      p.container.channel_id = as.channel;
    }
    if (as.state) p.state = as.state;
  });
}
