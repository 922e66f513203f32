import { readLocalDynamoPort, readStoreConfig } from '../config.js';
import { createDocumentClient } from '../store/dynamo-client.js';
import { DynamoStore } from '../store/dynamo-store.js';
import { ensureTable, startDynamoLocal } from './dynamodb-local.js';

/** Table name used locally when `TABLE_NAME` is not set. */
export const LOCAL_TABLE = 'aws-tutor-local';

/**
 * The store for local runs: `DYNAMODB_ENDPOINT` if set, otherwise an embedded DynamoDB Local
 * with its data in `.data/` (so scores survive a restart). Creates the table if missing.
 */
export async function openLocalStore(env: NodeJS.ProcessEnv = process.env) {
  // The SDK's notice that it will need Node 22 from 2027 is for operators, not playground users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const tableName = env.TABLE_NAME?.trim() || LOCAL_TABLE;
  let endpoint = env.DYNAMODB_ENDPOINT?.trim();
  let stop = async () => {};
  if (!endpoint) {
    const port = readLocalDynamoPort(env);
    const local = await startDynamoLocal({ dataDir: '.data/dynamodb', ...(port ? { port } : {}) });
    endpoint = local.endpoint;
    stop = local.stop;
  }
  await ensureTable(endpoint, tableName);
  const config = readStoreConfig({ ...env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint });
  // Local Java warms up slowly; allow it more time than the Lambda client gets.
  const db = createDocumentClient(config, { requestTimeoutMs: 10_000 });
  return { store: new DynamoStore(db, tableName), endpoint, stop };
}
