import { parse as parseQuery } from 'node:querystring';
import {
  App,
  type Context as BoltContext,
  type Logger as BoltLogger,
  LogLevel,
  type Receiver,
  ReceiverMultipleAckError,
} from '@slack/bolt';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { eventHeader } from '../app/event-header.js';
import { type RequestBudget, startBudget } from '../app/request-budget.js';
import type { SlackConfig } from '../config.js';
import { describeError, GENERIC_ERROR_MESSAGE } from '../errors.js';
import { isSignedBySlack } from './verify-request.js';

/**
 * Bolt in a Lambda. Every adaptation to Bolt lives in this file, each next to the Bolt
 * behaviour it works around; the rest of `src/slack` only registers listeners and renders.
 */

/** The two levels of our JSON logger that Bolt's messages are mapped to. */
export interface JsonLog {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * An API Gateway HTTP API (payload v2) request in, the HTTP answer out. Never throws. `budget`:
 * the time the request has in all, started when it arrived.
 */
export type SlackLambdaHandler = (
  event: APIGatewayProxyEventV2,
  context?: Context,
  budget?: RequestBudget,
) => Promise<APIGatewayProxyStructuredResultV2>;

const FORM = 'application/x-www-form-urlencoded';
/** Without a budget from the handler (tests of the app alone): Slack's 3 s, less a margin. */
const DEFAULT_BUDGET_MS = 2500;
/** Each call to Slack's Web API (users.info) gets this long, inside Slack's 3 s. */
const SLACK_CALL_TIMEOUT_MS = 1500;

/** A Bolt app whose only transport is `handle`, the Lambda's request handler. */
export function createBoltApp(deps: { config: SlackConfig; log: JsonLog }): {
  app: App;
  handle: SlackLambdaHandler;
} {
  const { config, log } = deps;
  const receiver = createLambdaReceiver(config.signingSecret, log);
  const app = new App({
    receiver,
    logger: createBoltLogger(log),
    // Bolt given a `token` calls `auth.test` at start-up, a round trip to Slack on every cold
    // start; a fixed authorization skips it. We need no bot id: we listen to no message events.
    authorize: async () => ({ botToken: config.botToken }),
    ignoreSelf: false,
    // Bolt's default conversation store keeps state in process memory, which a Lambda may drop
    // at any moment; we keep none.
    convoStore: false,
    clientOptions: {
      slackApiUrl: config.apiUrl,
      // Slack waits 3 s for the answer: one quick try, never the default half-hour of retries.
      retryConfig: { retries: 0 },
      timeout: SLACK_CALL_TIMEOUT_MS,
    },
  });
  // Bolt's default error handler rethrows, which fails the whole request; a listener error is
  // logged with its cause instead, and Slack gets whatever the listener acknowledged.
  app.error(async (error) => {
    log.error('slack listener failed', { error: describeError(error) });
  });
  return { app, handle: receiver.handle };
}

/**
 * The request's budget, as the listeners find it: Bolt hands custom properties to listeners
 * in its untyped `context`.
 */
export function budgetOf(context: BoltContext): RequestBudget {
  return context.budget as RequestBudget;
}

/**
 * Replaces Bolt's `AwsLambdaReceiver`, which parses the body before checking the signature: here
 * it is checked once, on the raw body, first; the answer returns after the listeners end.
 */
function createLambdaReceiver(
  signingSecret: string,
  log: JsonLog,
): Receiver & { handle: SlackLambdaHandler } {
  let app: App | undefined;
  const handle: SlackLambdaHandler = async (event, _context, budget) => {
    const header = (name: string) => eventHeader(event, name);
    // UTF-8, not AwsLambdaReceiver's `ascii`: a body with non-ASCII text would otherwise change
    // bytes and fail the signature check.
    const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').toString(
      'utf8',
    );
    const signature = header('x-slack-signature');
    const timestamp = header('x-slack-request-timestamp');
    // The media type alone: AwsLambdaReceiver compares `content-type` exactly, so a form sent
    // with `; charset=utf-8` would be read as JSON.
    const type = (header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!isSignedBySlack({ rawBody: raw, signature, timestamp }, signingSecret)) {
      return isSslCheck(raw, type) ? EMPTY_OK : text(401, 'invalid signature');
    }
    const body = parseBody(raw, type);
    if (body === undefined) return text(400, 'malformed payload');
    if (body.ssl_check != null) return EMPTY_OK;
    if (body.type === 'url_verification') {
      return json({ challenge: body.challenge });
    }
    let acked = false;
    let answer: unknown;
    try {
      await app?.processEvent({
        body,
        ack: async (response?: unknown) => {
          if (acked) throw new ReceiverMultipleAckError();
          acked = true;
          answer = response ?? '';
        },
        retryNum: numberOrUndefined(header('x-slack-retry-num')),
        retryReason: header('x-slack-retry-reason'),
        customProperties: { budget: budget ?? startBudget(DEFAULT_BUDGET_MS) },
      });
    } catch (error) {
      // Bolt throws on some signed shapes it cannot route ("not iterable"): a polite answer
      // (a slash command shows it), never a 5xx, which Slack reports as a failure of the app.
      log.error('bolt could not process a signed request', { error: describeError(error) });
      return text(200, GENERIC_ERROR_MESSAGE);
    }
    // No listener acknowledged it: not one of ours.
    if (!acked) return { statusCode: 404, body: '' };
    return typeof answer === 'string' ? { statusCode: 200, body: answer } : json(answer);
  };
  return {
    init: (bolt) => {
      app = bolt;
    },
    // Nothing to listen on: Lambda calls `handle`.
    start: async () => handle,
    stop: async () => {},
    handle,
  };
}

/** Slack's SSL check for slash commands (`ssl_check=1`), answered even unsigned. */
function isSslCheck(raw: string, type: string): boolean {
  return type === FORM && parseQuery(raw).ssl_check !== undefined;
}

/**
 * The body as Bolt expects it: a form's fields, the JSON `payload` of an interactivity form,
 * or a JSON object whatever the content type. `undefined` when it is none of those.
 */
function parseBody(raw: string, type: string): Record<string, unknown> | undefined {
  try {
    if (type === FORM) {
      const fields = parseQuery(raw);
      if (typeof fields.payload !== 'string') return fields;
      return objectOrUndefined(JSON.parse(fields.payload));
    }
    return objectOrUndefined(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function numberOrUndefined(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

const EMPTY_OK: APIGatewayProxyStructuredResultV2 = { statusCode: 200, body: '' };

function text(statusCode: number, body: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}

function json(body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/**
 * Bolt's logger interface over our JSON logger. Only warnings and errors are kept: Bolt's
 * debug lines include whole request bodies.
 */
function createBoltLogger(log: JsonLog): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: () => {},
    info: () => {},
    warn: (...messages) => {
      if (level === LogLevel.WARN)
        log.info(describe(messages), { source: 'bolt', severity: 'warn' });
    },
    error: (...messages) => log.error(describe(messages), { source: 'bolt' }),
    // Bolt sets the level it was given; ours stays at warnings, whatever it asks.
    setLevel: (wanted) => {
      level = wanted === LogLevel.ERROR ? LogLevel.ERROR : LogLevel.WARN;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function describe(messages: unknown[]): string {
  return messages
    .map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : String(m)))
    .join(' ')
    .slice(0, 2000);
}
