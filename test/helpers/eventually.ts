/**
 * Polls `read` until it returns something, for up to 10 seconds: for effects that land after
 * the call that caused them returned (a write DynamoDB applies after the client gave up).
 */
export async function eventually<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
