import type { Requests } from './dynamo-meter.js';
import type { Summary } from './stats.js';

/** Milliseconds for a table: two decimals below 1, one below 100, whole numbers above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1) return value.toFixed(2);
  return value < 100 ? value.toFixed(1) : Math.round(value).toString();
}

/** Bytes as KB or MB. */
export function bytes(value: number): string {
  return value >= 1024 * 1024
    ? `${(value / 1024 / 1024).toFixed(2)} MB`
    : `${Math.round(value / 1024)} KB`;
}

/** A share as a whole percentage (one decimal when it is not whole). */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** A ratio to the reference, `0.31×`. */
export const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–');

export const verdict = (met: boolean) => (met ? '✅ met' : '❌ missed');

/** `p50 / p95 / p99` of a summary. */
export const spread = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;

/** A Markdown table under `header` (`a | b | c`); pipes in cells are escaped. */
export function table(header: string, rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  const headers = header.split(' | ');
  return [`| ${header} |`, line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const READS = /^(Get|BatchGet|Query|Scan|TransactGet)/;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * `1 BatchGetItem (2 items) + 1 TransactWriteItems (4 items) + 2 UpdateItem`: reads first, the
 * items of a batch or transaction in brackets (bench/dynamo-meter.ts); `0` when there are none.
 */
export function requestsText(requests: Requests): string {
  const names = Object.keys(requests)
    .filter((name) => !name.endsWith(' items'))
    .sort((a, b) => +!READS.test(a) - +!READS.test(b));
  const text = names.map((name) => {
    const items = requests[`${name} items`];
    return `${round2(requests[name] ?? 0)} ${name}${items ? ` (${round2(items)} items)` : ''}`;
  });
  return text.join(' + ') || '0';
}
