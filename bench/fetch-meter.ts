export interface FetchMeter {
  reset(): void;
  /** Calls made and milliseconds spent waiting for `fetch` since the last reset. */
  read(): { calls: number; ms: number };
}

/**
 * Times this process's outbound HTTP: Bolt's `respond` (response_url), `chat.update` and the
 * Discord REST calls all go through the global `fetch`, looked up when called, so wrapping
 * it here sees them. Used to keep waiting on Slack or Discord out of "time in our code".
 */
export function installFetchMeter(): FetchMeter {
  let calls = 0;
  let ms = 0;
  const original = globalThis.fetch;
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    calls++;
    const started = performance.now();
    try {
      const response = await original(...args);
      // The body too: callers read it, and until then the request is not done. A 204 or 304
      // may not be given a body again, not even an empty one.
      const body = await response.arrayBuffer();
      const empty = [101, 204, 205, 304].includes(response.status);
      return new Response(empty ? null : body, response);
    } finally {
      ms += performance.now() - started;
    }
  };
  return {
    reset: () => {
      calls = 0;
      ms = 0;
    },
    read: () => ({ calls, ms }),
  };
}
