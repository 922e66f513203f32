/** Summary of a set of timings, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** The `p`-th percentile (0–100) by nearest rank, which never invents a value. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  return {
    n,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: n ? samples.reduce((a, b) => a + b, 0) / n : Number.NaN,
    min: n ? Math.min(...samples) : Number.NaN,
    max: n ? Math.max(...samples) : Number.NaN,
  };
}

/** Milliseconds for a table: two decimals below 1, one below 100, whole numbers above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1) return value.toFixed(2);
  return value < 100 ? value.toFixed(1) : Math.round(value).toString();
}

/** Bytes as KB or MB, for bundle and zip sizes. */
export function bytes(value: number): string {
  return value >= 1024 * 1024
    ? `${(value / 1024 / 1024).toFixed(2)} MB`
    : `${Math.round(value / 1024)} KB`;
}

/** A ratio to two decimals, with ×. */
export function times(value: number): string {
  return `${value.toFixed(2)}×`;
}
