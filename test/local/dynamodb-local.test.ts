import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { LocalDynamoError } from '../../src/errors.js';
import { ensureTable, startDynamoLocal } from '../../src/local/dynamodb-local.js';
import { createDocumentClient } from '../../src/store/dynamo-client.js';
import { DynamoStore } from '../../src/store/dynamo-store.js';
import { createTableInput } from '../../src/store/table-definition.js';

const alice = { platform: 'local', workspaceId: 'local', userId: 'alice', name: 'alice' };

describe('Function: startDynamoLocal', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says Java is missing and how to install it', async () => {
    process.env.PATH = '/nonexistent';
    const error = await startDynamoLocal().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalDynamoError);
    expect((error as Error).message).toMatch(/Java/);
    expect((error as Error).message).toMatch(/apt-get install openjdk-17/);
  });

  it('keeps scores across a restart when given a data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ddb-'));
    const open = async () => {
      const local = await startDynamoLocal({ dataDir });
      await ensureTable(local.endpoint, 'persist');
      const db = createDocumentClient(
        { tableName: 'persist', endpoint: local.endpoint, region: 'us-east-1' },
        { requestTimeoutMs: 10_000 },
      );
      return { local, store: new DynamoStore(db, 'persist') };
    };
    const first = await open();
    await first.store.savePending(
      alice,
      { nonce: 'n1', questionId: 'q', issuedAt: new Date().toISOString() },
      3600,
    );
    await first.local.stop();
    const second = await open();
    const { pending } = await second.store.getPracticeContext(alice, 'n1', 'q');
    await second.local.stop();
    expect(pending?.questionId).toBe('q');
  });
});

describe('Function: ensureTable', () => {
  it('adds an index the definition gained to a table made before it', async () => {
    const endpoint = inject('dynamoEndpoint');
    const client = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const TableName = `old-${Date.now()}`;
    // The table as an older version made it: only the leaderboard index.
    const current = createTableInput(TableName);
    await client.send(
      new CreateTableCommand({
        ...current,
        AttributeDefinitions: current.AttributeDefinitions?.filter(
          (a) => !a.AttributeName?.startsWith('gsi2'),
        ),
        GlobalSecondaryIndexes: current.GlobalSecondaryIndexes?.filter(
          (i) => i.IndexName === 'gsi1',
        ),
      }),
    );
    await ensureTable(endpoint, TableName);
    await ensureTable(endpoint, TableName); // and again: nothing left to add
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    client.destroy();
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
  });
});
