import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

/** Field names whose values are never written to a log, at any depth. */
const SECRET_FIELDS = /token|secret|signature|authorization|password|key/i;

/**
 * A Powertools Logger for one handler: JSON lines with the standard Powertools keys, the Lambda
 * context once the handler calls `addContext`, and every field passed through `redact` first.
 * Level: `POWERTOOLS_LOG_LEVEL`, or the function's log level; service: `POWERTOOLS_SERVICE_NAME`.
 */
export function createLogger(handler: string): Logger & FieldsLogger {
  // Powertools takes the fields object as its extra input and skips an undefined one; its
  // signature (rest parameters) just cannot say so to the `Logger` interface of tutor/deps.ts.
  return new Logger({
    logFormatter: new RedactingLogFormatter(),
    persistentKeys: { handler },
  }) as Logger & FieldsLogger;
}

/** How the project's code logs: a message and, optionally, one object of fields. */
export interface FieldsLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The keys of Powertools' own formatter (which the package does not export), with the message
 * and every extra field made safe to log before anything is serialised.
 */
export class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(
    attributes: UnformattedAttributes,
    additionalLogAttributes: LogAttributes,
  ): LogItem {
    const context = attributes.lambdaContext;
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: redactText(attributes.message ?? ''),
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        cold_start: context?.coldStart,
        function_arn: context?.invokedFunctionArn,
        function_memory_size: context?.memoryLimitInMB,
        function_name: context?.functionName,
        function_request_id: context?.awsRequestId,
        sampling_rate: attributes.sampleRateValue,
        xray_trace_id: attributes.xRayTraceId,
        tenant_id: context?.tenantId,
      },
    }).addAttributes(redact(additionalLogAttributes) as LogAttributes);
  }

  /** Only reached by an Error that `redact` did not see; no stack, as everywhere else. */
  override formatError(error: Error): LogAttributes {
    return redact(error) as LogAttributes;
  }
}

/**
 * Secrets that travel inside ordinary strings (an error message quoting a URL, a header):
 * the token part is masked and the rest kept, so the line still says what failed.
 */
const SECRET_IN_TEXT: [RegExp, string][] = [
  // Slack tokens: bot, user, app-level, refresh and configuration tokens.
  [/\b(xox[a-z]|xapp|xoxe\.xox[a-z])-[\w-]+/gi, '$1-[redacted]'],
  // Slack response_url and incoming webhooks: the last path parts are the credential.
  [/(hooks\.slack(?:-gov)?\.com\/[a-z]+\/)[^\s"'<>]+/gi, '$1[redacted]'],
  // Discord interaction and webhook tokens: /webhooks/{app}/{token}, /interactions/{id}/{token}.
  // (A route template's `:token` is left alone.)
  [/(\/(?:webhooks|interactions)\/[^/\s"'<>]+\/)[^/\s?#"'<>:][^/\s?#"'<>]*/gi, '$1[redacted]'],
  // Authorization header values, wherever they were copied to; long enough not to be prose.
  [/\b(Bearer|Bot|Basic)\s+[\w.~+/=-]{16,}/g, '$1 [redacted]'],
  // Credentials in query strings (including presigned AWS URLs).
  [
    /([?&](?:token|access_token|client_secret|secret|signature|sig|key|code|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&\s"'#]+/gi,
    '$1[redacted]',
  ],
  // A Discord bot token on its own: three base64url parts separated by dots.
  [/\b[MNO][\w-]{23,27}\.[\w-]{6}\.[\w-]{27,40}\b/g, '[redacted]'],
];

/** How deep `redact` looks; anything deeper is dropped rather than written unchecked. */
const MAX_DEPTH = 6;

/**
 * A copy of `value` that is safe to log: secret-looking fields masked at any depth, token
 * parts of strings masked, errors reduced to name, message and cause, and anything too deep
 * (or circular) cut, so writing the line can never throw.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) {
    return redact(
      {
        name: value.name,
        message: value.message,
        ...(value.cause === undefined ? {} : { cause: value.cause }),
      },
      depth,
    );
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_FIELDS.test(k) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

/** `text` with any token-shaped secret in it masked. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_IN_TEXT) out = out.replace(pattern, replacement);
  return out;
}
