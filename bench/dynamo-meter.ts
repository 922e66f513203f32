import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB requests by operation name (`Query`, `TransactWriteItems`…), retries not counted;
 * `<name> items` counts the items of a batch or transaction, which DynamoDB bills one by one.
 */
export type Requests = Record<string, number>;

type Input = {
  TransactItems?: unknown[];
  RequestItems?: Record<string, unknown[] | { Keys?: unknown[] }>;
};

/** Items in a batch or transaction; 0 for a single-item request. */
function itemsOf(input: Input | undefined): number {
  if (input?.TransactItems) return input.TransactItems.length;
  return Object.values(input?.RequestItems ?? {}).reduce(
    (n, entry) => n + (Array.isArray(entry) ? entry.length : (entry.Keys?.length ?? 0)),
    0,
  );
}

type Client = {
  middlewareStack: {
    add(middleware: unknown, options: { step: string; name: string; priority: string }): void;
  };
  config?: { serviceId?: string };
};

let counts: Requests = {};

/**
 * Counts every DynamoDB request this process makes, by any client, the handlers' own included
 * (they create theirs out of reach, on first use). The hook is the `send` of the SDK's base
 * client class, which the document client shares: the first time a DynamoDB client sends, an
 * `initialize` middleware (once per logical request) is added to its stack. Call once.
 */
export function installDynamoMeter(): void {
  const metered = new WeakSet<object>();
  const count =
    (next: (args: { input?: Input }) => Promise<unknown>, context: { commandName?: string }) =>
    (args: { input?: Input }) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      counts[name] = (counts[name] ?? 0) + 1;
      const items = itemsOf(args.input);
      if (items) counts[`${name} items`] = (counts[`${name} items`] ?? 0) + items;
      return next(args);
    };
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as {
    send(this: Client, ...args: unknown[]): unknown;
  };
  const send = base.send;
  base.send = function (this: Client, ...args: unknown[]) {
    const stack = this.middlewareStack;
    if (this.config?.serviceId === 'DynamoDB' && !metered.has(stack)) {
      metered.add(stack);
      stack.add(count, { step: 'initialize', name: 'benchMeter', priority: 'high' });
    }
    return send.apply(this, args);
  };
}

/** Runs `work` and gives its result with the DynamoDB requests made meanwhile. */
export async function metered<T>(
  work: () => Promise<T>,
): Promise<{ result: T; requests: Requests }> {
  counts = {};
  const result = await work();
  const requests = counts;
  counts = {};
  return { result, requests };
}
