import { parse as parseQuery } from 'node:querystring';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { eventHeader } from '../app/event-header.js';

const FORM = 'application/x-www-form-urlencoded';

/** The parts of an API Gateway HTTP API (payload v2) event that Slack's protocol needs. */
export interface SlackHttpRequest {
  /** The body as sent: API Gateway base64-encodes form posts, so it is decoded here. */
  rawBody: string;
  /** The media type alone, lower case (`application/x-www-form-urlencoded`). */
  contentType: string;
  header(name: string): string | undefined;
}

/** Reads the raw body and headers of an HTTP API event. */
export function readLambdaRequest(event: APIGatewayProxyEventV2): SlackHttpRequest {
  const header = (name: string) => eventHeader(event, name);
  // UTF-8, not Bolt's `ascii`: a JSON body with non-ASCII text would otherwise change bytes
  // and fail the signature check.
  const rawBody = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').toString(
    'utf8',
  );
  const contentType = (header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return { rawBody, contentType, header };
}

/**
 * The event as Bolt's `AwsLambdaReceiver` wants it: body already decoded (it would decode
 * base64 as ASCII) and the media type without parameters (it compares `content-type` exactly,
 * so `application/x-www-form-urlencoded; charset=utf-8` would be parsed as JSON and fail).
 */
export function toBoltEvent(
  event: APIGatewayProxyEventV2,
  request: SlackHttpRequest,
): APIGatewayProxyEventV2 {
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).filter(([key]) => key.toLowerCase() !== 'content-type'),
  );
  return {
    ...event,
    headers: { ...headers, 'content-type': request.contentType },
    body: request.rawBody,
    isBase64Encoded: false,
  };
}

/**
 * Whether Bolt can parse the body into a payload object: a form (with a JSON `payload` field
 * for interactivity) or JSON. Bolt throws on anything else, which would become a 500.
 */
export function hasParsablePayload(request: SlackHttpRequest): boolean {
  try {
    if (request.contentType === FORM) {
      const { payload } = parseQuery(request.rawBody);
      return payload === undefined || Array.isArray(payload) || isObject(JSON.parse(payload));
    }
    return isObject(JSON.parse(request.rawBody));
  } catch {
    return false;
  }
}

/** Slack's SSL check for slash commands (`ssl_check=1`): answered with an empty 200. */
export function isSslCheck(request: SlackHttpRequest): boolean {
  return request.contentType === FORM && parseQuery(request.rawBody).ssl_check !== undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
