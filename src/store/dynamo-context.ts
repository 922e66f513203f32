import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';

type TransactItems = NonNullable<TransactWriteCommand['input']['TransactItems']>;

/** What every store operation needs: the client, the table, and the two error-mapping calls. */
export interface DynamoContext {
  db: DynamoDBDocumentClient;
  table: string;
  /** Sends one command, cut off when the request's deadline (if any) passes. */
  send: DynamoDBDocumentClient['send'];
  /** Sends one request; any failure (after the SDK's retries) is a `StoreUnavailableError`. */
  call<T>(send: () => Promise<T>): Promise<T>;
  /**
   * Runs a transaction. Returns -1 when it committed, or the index of the first item whose
   * condition failed. Anything else is a `StoreUnavailableError`: nothing was written.
   */
  transact(items: TransactItems): Promise<number>;
  /** A Query, page after page until DynamoDB has no more (`TableName` is this table's). */
  queryPages(input: Omit<QueryCommandInput, 'TableName'>): AsyncGenerator<QueryCommandOutput>;
}

/** Tries of a transaction cancelled by a conflict with a concurrent one (first included). */
export const TRANSACTION_ATTEMPTS = 5;

export function createDynamoContext(
  db: DynamoDBDocumentClient,
  table: string,
  deadline?: AbortSignal,
): DynamoContext {
  const send = ((command: Parameters<DynamoDBDocumentClient['send']>[0]) =>
    db.send(command, deadline ? { abortSignal: deadline } : {})) as DynamoDBDocumentClient['send'];
  const call = async <T>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  };
  const transact = async (items: TransactItems): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await send(new TransactWriteCommand({ TransactItems: items }));
        return -1;
      } catch (error) {
        const reasons = (error as { CancellationReasons?: { Code?: string }[] })
          .CancellationReasons;
        const cancelled = (error as Error).name === 'TransactionCanceledException';
        const failed = reasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
        if (cancelled && failed >= 0) return failed;
        // Another transaction was writing one of the same items (say the same person's totals):
        // nothing was written and the SDK does not retry it; we do, since every item carries its
        // own exactly-once condition (docs/ARCHITECTURE.md, Exactly-once answers).
        const conflict = reasons?.some((r) => r.Code === 'TransactionConflict') ?? false;
        if (cancelled && conflict && attempt < TRANSACTION_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, attempt * (10 + Math.random() * 40)));
          continue;
        }
        throw new StoreUnavailableError(error);
      }
    }
  };
  async function* queryPages(input: Omit<QueryCommandInput, 'TableName'>) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await call(() =>
        send(new QueryCommand({ ...input, TableName: table, ExclusiveStartKey: start })),
      );
      yield page;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return { db, table, send, call, transact, queryPages };
}

/** Seconds since the epoch of an ISO time, for TTL attributes. */
export function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
