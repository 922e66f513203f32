import type { Logger } from './tutor/deps.js';

/** Field names whose values are never written to a log, at any depth. */
const SECRET_FIELDS = /token|secret|signature|authorization|password|key/i;

let requestId: string | undefined;

/**
 * Tags every log line written until the next call with this Lambda request id. A Lambda
 * instance runs one request at a time, so module state is enough, and no logger has to be
 * threaded through Bolt and the core per request.
 */
export function setLogRequestId(id: string | undefined): void {
  requestId = id;
}

/**
 * One JSON line per entry on stdout/stderr, which CloudWatch keeps as structured logs, with the
 * current request id. Fields that look like secrets are replaced before anything is written.
 */
export function createJsonLogger(base: Record<string, unknown> = {}): Logger & {
  info(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): ReturnType<typeof createJsonLogger>;
} {
  const write = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    const entry = { level, message, ...(requestId ? { requestId } : {}), ...base, ...fields };
    const line = JSON.stringify(redact(entry));
    if (level === 'error') console.error(line);
    else console.log(line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createJsonLogger({ ...base, ...fields }),
  };
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
