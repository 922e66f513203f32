import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DataDeletionError } from '../errors.js';
import { keys, type Tenant, tenantIndexKey } from './keys.js';
import { GSI2 } from './table-definition.js';

/** Whose data to delete: a whole workspace (platform + workspace id), or one person in it. */
export interface DeletionTarget extends Tenant {
  userId?: string;
}

export interface ItemKey {
  pk: string;
  sk: string;
}

/** The kinds of item a deletion finds, as shown before anything is deleted. */
export type ItemKind =
  | 'score totals'
  | 'topic mastery'
  | 'review cards'
  | 'pending questions'
  | 'weekly points'
  | 'monthly points'
  | 'exams'
  | 'team weeks'
  | 'weekly recaps'
  | 'daily answers'
  | 'daily questions'
  | 'channel state'
  | 'workspace state'
  | 'subscriptions'
  | 'other';

/** Everything a deletion will do, found before any of it is done. */
export interface DeletionPlan {
  target: DeletionTarget;
  items: ItemKey[];
  counts: Partial<Record<ItemKind, number>>;
  /**
   * Deleting one person leaves the workspace's subscriptions in place, but those they turned
   * on would still name them (`subscribedBy`, `subscribedById`). These are the workspace's subscriptions; the
   * ones that name the person are made to forget who, the others are left as they are.
   */
  subscriptionsToCheck: ItemKey[];
}

export interface DeletionProgress {
  deleted: number;
  total: number;
}

export interface DeleteOptions {
  onProgress?: (progress: DeletionProgress) => void;
  /** Tries per batch when DynamoDB hands items back unprocessed (throttling). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** DynamoDB's limit on the requests in one BatchWriteItem. */
export const BATCH_SIZE = 25;

/**
 * Finds every item of a workspace, or of one person in it, with Queries only: the tenant index
 * (`gsi2`), plus a person's own partition read directly for items the index has not caught up
 * with (docs/ARCHITECTURE.md, Keys).
 */
export async function planDeletion(
  db: DynamoDBDocumentClient,
  table: string,
  target: DeletionTarget,
): Promise<DeletionPlan> {
  const tenantKey = tenantIndexKey(target);
  const found = new Map<string, ItemKey>();
  const add = (items: ItemKey[]) => {
    for (const { pk, sk } of items) found.set(`${pk}\u0000${sk}`, { pk, sk });
  };
  let subscriptionsToCheck: ItemKey[] = [];
  if (target.userId === undefined) {
    add(
      await queryKeys(db, {
        TableName: table,
        IndexName: GSI2,
        KeyConditionExpression: 'gsi2pk = :t',
        ExpressionAttributeValues: { ':t': tenantKey },
      }),
    );
  } else {
    const userPk = keys.user({ ...target, userId: target.userId });
    add(
      await queryKeys(db, {
        TableName: table,
        IndexName: GSI2,
        KeyConditionExpression: 'gsi2pk = :t AND gsi2sk = :owner',
        ExpressionAttributeValues: { ':t': tenantKey, ':owner': userPk },
      }),
    );
    add(
      await queryKeys(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': userPk },
        ConsistentRead: true,
      }),
    );
    subscriptionsToCheck = await subscriptionsOf(db, table, tenantKey);
  }
  const items = [...found.values()];
  const counts: Partial<Record<ItemKind, number>> = {};
  for (const item of items) {
    const kind = kindOf(item);
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return { target, items, counts, subscriptionsToCheck };
}

/**
 * Carries out a plan: BatchWriteItem deletes by 25, retrying what comes back unprocessed, then
 * clears `subscribedBy` where it names the person. Idempotent: run again to finish a cut-short
 * run. Items still refused after the retries throw `DataDeletionError` with their number.
 */
export async function executeDeletion(
  db: DynamoDBDocumentClient,
  table: string,
  plan: DeletionPlan,
  options: DeleteOptions = {},
): Promise<{ deleted: number; subscriptionsCleared: number }> {
  const maxAttempts = options.maxAttempts ?? 8;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let deleted = 0;
  for (let start = 0; start < plan.items.length; start += BATCH_SIZE) {
    let pending = plan.items.slice(start, start + BATCH_SIZE);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > maxAttempts) {
        throw new DataDeletionError(plan.items.length - deleted);
      }
      if (attempt > 1) await sleep(Math.min(5000, 50 * 2 ** attempt));
      const result = await db.send(
        new BatchWriteCommand({
          RequestItems: {
            [table]: pending.map((key) => ({ DeleteRequest: { Key: key } })),
          },
        }),
      );
      const left = (result.UnprocessedItems?.[table] ?? []).flatMap((r) =>
        r.DeleteRequest?.Key ? [r.DeleteRequest.Key as ItemKey] : [],
      );
      deleted += pending.length - left.length;
      pending = left;
    }
    options.onProgress?.({ deleted, total: plan.items.length });
  }
  let subscriptionsCleared = 0;
  for (const key of plan.subscriptionsToCheck) {
    const cleared = await db
      .send(
        new UpdateCommand({
          TableName: table,
          Key: key,
          UpdateExpression: 'SET subscribedBy = :nobody REMOVE subscribedById',
          ConditionExpression: 'subscribedById = :user',
          ExpressionAttributeValues: { ':nobody': '', ':user': plan.target.userId },
        }),
      )
      .then(
        () => true,
        (error: Error) => {
          if (error.name === 'ConditionalCheckFailedException') return false;
          throw error;
        },
      );
    if (cleared) subscriptionsCleared++;
  }
  return { deleted, subscriptionsCleared };
}

/** What an item is, from its keys, for the summary. */
export function kindOf({ pk, sk }: ItemKey): ItemKind {
  if (pk.startsWith('D#')) return 'daily answers';
  if (pk.startsWith('U#')) {
    if (sk === keys.totals) return 'score totals';
    if (sk.startsWith('TOPIC#')) return 'topic mastery';
    if (sk.startsWith('CARD#')) return 'review cards';
    if (sk.startsWith('PENDING#')) return 'pending questions';
    if (sk.startsWith('WEEK#')) return 'weekly points';
    if (sk.startsWith('MONTH#')) return 'monthly points';
    if (sk === keys.exam || sk.startsWith('EXAMRESULT#')) return 'exams';
  }
  if (pk.startsWith('TEAM#')) return 'team weeks';
  if (pk.startsWith('W#')) return 'workspace state';
  if (pk.startsWith('C#')) {
    if (sk.startsWith('DAILY#')) return 'daily questions';
    if (sk.startsWith('RECAP#')) return 'weekly recaps';
    if (sk === keys.latest) return 'channel state';
    if (sk === keys.subscription) return 'subscriptions';
  }
  return 'other';
}

/**
 * The subscriptions of a workspace. The index holds keys only, so whether one names the
 * person is left to the conditional update that clears it.
 */
function subscriptionsOf(
  db: DynamoDBDocumentClient,
  table: string,
  tenantKey: string,
): Promise<ItemKey[]> {
  return queryKeys(db, {
    TableName: table,
    IndexName: GSI2,
    KeyConditionExpression: 'gsi2pk = :t AND begins_with(gsi2sk, :channels)',
    FilterExpression: 'sk = :sub',
    ExpressionAttributeValues: { ':t': tenantKey, ':channels': 'C#', ':sub': keys.subscription },
  });
}

/** Every key a Query returns, page by page. */
async function queryKeys(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<ItemKey[]> {
  const out: ItemKey[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        ...input,
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) out.push({ pk: String(item.pk), sk: String(item.sk) });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
