export interface Sent {
  status: number;
  ms: number;
  text: string;
  /** Set when no HTTP answer came at all (connection refused or reset, timeout). */
  error?: string;
}

/** POSTs `body` and times it until the whole answer is read. Never throws. */
export async function post(
  url: string,
  headers: Record<string, string>,
  body: string | Uint8Array,
): Promise<Sent> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, text };
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    return {
      status: 0,
      ms: performance.now() - started,
      text: '',
      error: `${(error as Error).message}${cause ? `: ${cause.message}` : ''}`,
    };
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Counts by status class ("2xx", "4xx", …; "none" when no answer came). */
export function statusClasses(sent: readonly Sent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of sent) {
    const key = s.status === 0 ? 'none' : `${Math.floor(s.status / 100)}xx`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
