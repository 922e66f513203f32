import { inject } from 'vitest';
import { startFaultProxy } from './fault-proxy.js';
import { startSlowProxy } from './slow-proxy.js';

/** What a person is told when the store cannot be reached for a command. */
export const STORE_DOWN = /couldn't reach the score store/;
/** Either "it was not saved" (known) or "I can't tell whether it was" (a write that timed out). */
export const NOT_SAVED =
  /nothing was saved|answer was not recorded|can't tell whether your answer was saved/;
/** Anything that would tell a person how their answer went: never shown for an unsaved one. */
export const FEEDBACK = /Correct!|Not quite|points/;

/**
 * The run's DynamoDB Local behind two proxies, for a handler's `dynamoEndpoint`: a fault proxy
 * (`faults`: throttle, fail, or `stop()` as a DynamoDB that is down) in front of a slow proxy
 * (`slowDown`: hold the named operations, or all, for a while). `reset()` undoes both.
 */
export async function startStoreFaults() {
  let delay = { ms: 0, operations: undefined as string[] | undefined };
  const slow = await startSlowProxy(inject('dynamoEndpoint'), (operation) =>
    !delay.operations || delay.operations.includes(operation) ? delay.ms : 0,
  );
  const faults = await startFaultProxy(slow.endpoint);
  return {
    endpoint: faults.endpoint,
    faults,
    /** Holds every request (or only `operations`, e.g. `TransactWriteItems`) for `ms`. */
    slowDown: (ms: number, operations?: string[]) => {
      delay = { ms, operations };
    },
    reset: async () => {
      faults.always('pass');
      faults.faults.length = 0;
      delay = { ms: 0, operations: undefined };
      await faults.start().catch(() => undefined); // reopens the port if a test stopped it
    },
    close: async () => {
      await faults.close();
      await slow.close();
    },
  };
}

export type StoreFaults = Awaited<ReturnType<typeof startStoreFaults>>;
