/**
 * Answers a click through its `response_url`, cut off by `signal`: the rest of the request's
 * budget. Bolt's `respond` takes no deadline of its own.
 */
export async function respondWithin(
  url: string,
  body: unknown,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal,
  });
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}
