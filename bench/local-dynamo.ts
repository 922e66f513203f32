import { randomUUID } from 'node:crypto';
import { ensureTable, type LocalDynamo, startDynamoLocal } from '../src/local/dynamodb-local.js';
import { createDocumentClient } from '../src/store/dynamo-client.js';
import { DynamoStore } from '../src/store/dynamo-store.js';

/** One in-memory DynamoDB Local on a free port for the whole bench; each part makes its table. */
export async function startBenchDynamo(): Promise<LocalDynamo> {
  return startDynamoLocal();
}

/** A new, empty table named after what it is for. */
export async function freshTable(endpoint: string, purpose: string): Promise<string> {
  const tableName = `bench-${purpose}-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, tableName);
  return tableName;
}

/** The bench's own view of a table, for setting up and for reading scores back. */
export function benchStore(endpoint: string, tableName: string): DynamoStore {
  const db = createDocumentClient(
    { tableName, endpoint, region: 'us-east-1' },
    // Java warms up slowly and the bench loads it hard: a generous timeout, as local runs use.
    { requestTimeoutMs: 10_000 },
  );
  return new DynamoStore(db, tableName);
}
