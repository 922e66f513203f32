import { format } from 'node:util';
import { afterAll, beforeAll, expect, vi } from 'vitest';

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

/** An embedded-metric line, as CloudWatch reads it: the definitions, then the values by name. */
export interface MetricLine {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] };
  [name: string]: unknown;
}

/**
 * The one embedded-metric line among `lines`, checked for what the alarms match on (see the
 * template test): namespace `AwsTutor`, dimensions exactly `service` and `Function`.
 */
export function theMetricLine(lines: string[], functionName: string): MetricLine {
  const [metric, ...more] = lines
    .filter((line) => line.startsWith('{"_aws":'))
    .map((line) => JSON.parse(line) as MetricLine);
  expect(more).toEqual([]);
  const [definition] = metric?._aws.CloudWatchMetrics ?? [];
  expect(definition?.Namespace).toBe('AwsTutor');
  expect(definition?.Dimensions.map((set) => [...set].sort())).toEqual([['Function', 'service']]);
  expect(metric).toMatchObject({ service: 'aws-tutor', Function: functionName });
  return metric as MetricLine;
}
