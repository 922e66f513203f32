import { format } from 'node:util';
import { afterAll, beforeAll, vi } from 'vitest';

/**
 * Captures everything written to the console and to stdout/stderr until `restore()`, as the
 * lines a log collector (CloudWatch) would keep. Console arguments are formatted the way
 * `console.log` prints them, so an object or Error logged whole shows all it would show.
 */
export function captureLogs() {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => {
    lines.push(format(...args));
  };
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(keep),
    vi.spyOn(console, 'info').mockImplementation(keep),
    vi.spyOn(console, 'warn').mockImplementation(keep),
    vi.spyOn(console, 'error').mockImplementation(keep),
    vi.spyOn(console, 'debug').mockImplementation(keep),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }),
  ];
  return {
    lines,
    text: () => lines.join('\n'),
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/**
 * Captures logs for the whole of the current `describe`, so tests that make the handlers log
 * on purpose (refusals, faults) keep the test output readable. Returns the capture.
 */
export function quietLogs(): { current?: ReturnType<typeof captureLogs> } {
  const holder: { current?: ReturnType<typeof captureLogs> } = {};
  beforeAll(() => {
    holder.current = captureLogs();
  });
  afterAll(() => holder.current?.restore());
  return holder;
}
