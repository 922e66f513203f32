import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoUse {
  /** Logical requests by command name (retries not counted again). */
  requests: Record<string, number>;
  reads: number;
  writes: number;
  /** Time spent inside `send`: SDK marshalling and signing, the round trip, any retries. */
  ms: number;
}

export interface DynamoMeter {
  reset(): void;
  read(): DynamoUse;
}

const READS = /^(Get|BatchGet|Query|Scan|TransactGet)/;
const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

type Stack = {
  add(middleware: unknown, options: { step: string; name: string; priority: string }): void;
};

/**
 * Counts and times every DynamoDB request made in this process, by any client, including the
 * one the handlers create for themselves: an SDK middleware (`initialize` step, so it sees each
 * logical request once and wraps the whole of it) is added to each DynamoDB client's stack the
 * first time that client sends. The hook is the `send` of the SDK's base client class, which
 * the document client shares.
 */
export function installDynamoMeter(): DynamoMeter {
  let use: DynamoUse = { requests: {}, reads: 0, writes: 0, ms: 0 };
  const metered = new WeakSet<object>();
  const middleware =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      use.requests[name] = (use.requests[name] ?? 0) + 1;
      if (READS.test(name)) use.reads++;
      else if (WRITES.test(name)) use.writes++;
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        use.ms += performance.now() - started;
      }
    };
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as {
    send: (
      this: { middlewareStack: Stack; config: { serviceId?: string } },
      ...args: unknown[]
    ) => unknown;
  };
  const send = base.send;
  base.send = function (...args) {
    const stack = this.middlewareStack;
    if (this.config?.serviceId === 'DynamoDB' && !metered.has(stack)) {
      metered.add(stack);
      stack.add(middleware, { step: 'initialize', name: 'benchMeter', priority: 'high' });
    }
    return send.apply(this, args);
  };
  return {
    reset: () => {
      use = { requests: {}, reads: 0, writes: 0, ms: 0 };
    },
    read: () => ({ ...use, requests: { ...use.requests } }),
  };
}
