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

/** A copy of `value` with secret-looking fields masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_FIELDS.test(k) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}
