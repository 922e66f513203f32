import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';

/** The two levels of our JSON logger that Bolt's messages are mapped to. */
export interface JsonLog {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Bolt's logger interface over our JSON logger. Only warnings and errors are kept: Bolt's
 * debug lines include whole request bodies, and its info line on a bad signature repeats the
 * signature header.
 */
export function createBoltLogger(log: JsonLog): BoltLogger {
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
