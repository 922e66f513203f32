import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../src/local/dynamodb-local.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';

/**
 * A fresh table in the run's DynamoDB Local (or the one at `endpoint`: the bench's), and a
 * store on it that counts its requests.
 */
export async function freshStore(endpoint: string = inject('dynamoEndpoint')) {
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  const requests: string[] = [];
  /** Single-item requests with the item's keys: `UpdateItemCommand U#… TOTALS`. */
  const itemRequests: string[] = [];
  const db = createDocumentClient(
    { tableName, endpoint, region: 'us-east-1' },
    {
      requestTimeoutMs: 10_000,
      onRequest: (name, input) => {
        requests.push(name);
        const key = (input as { Key?: { pk?: string; sk?: string } }).Key;
        if (key) itemRequests.push(`${name} ${key.pk} ${key.sk}`);
      },
    },
  );
  return {
    store: new DynamoStore(db, tableName),
    db,
    tableName,
    endpoint,
    requests,
    itemRequests,
  };
}
