import type { Logger } from './tutor/deps.js';

/** Field names whose values are never written to a log, at any depth. */
const SECRET_FIELDS = /token|secret|signature|authorization|password|key/i;

/**
 * One JSON line per entry on stdout/stderr, which CloudWatch keeps as structured logs. Fields
 * that look like secrets are replaced before anything is written.
 */
export function createJsonLogger(base: Record<string, unknown> = {}): Logger & {
  info(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): ReturnType<typeof createJsonLogger>;
} {
  const write = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    const line = JSON.stringify(redact({ level, message, ...base, ...fields }));
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
