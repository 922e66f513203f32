import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from './dynamo-context.js';
import { toTotals } from './item-mapping.js';
import { type BoardKey, keys, type Tenant, userIdFromPk } from './keys.js';
import type { BoardEntry, Totals } from './records.js';
import { GSI1 } from './table-definition.js';

export async function leaderboard(
  ctx: DynamoContext,
  tenant: Tenant,
  board: BoardKey,
  limit: number,
): Promise<BoardEntry[]> {
  const result = await ctx.call(() =>
    ctx.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :b',
        ExpressionAttributeValues: { ':b': keys.board(tenant, board) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    ),
  );
  return (result.Items ?? []).map((item) => ({
    userId: userIdFromPk(String(item.pk)),
    name: String(item.name ?? 'someone'),
    points: Number(item.gsi1sk ?? 0),
  }));
}

export async function countAhead(
  ctx: DynamoContext,
  tenant: Tenant,
  board: BoardKey,
  points: number,
): Promise<number> {
  let count = 0;
  for await (const page of ctx.queryPages({
    IndexName: GSI1,
    KeyConditionExpression: 'gsi1pk = :b AND gsi1sk > :p',
    ExpressionAttributeValues: { ':b': keys.board(tenant, board), ':p': points },
    Select: 'COUNT',
  })) {
    count += page.Count ?? 0;
  }
  return count;
}

/**
 * The totals of everyone on the all-time board (a Query on the index, then BatchGets of 100):
 * the people whose streaks a recap may name.
 */
export async function boardTotals(
  ctx: DynamoContext,
  tenant: Tenant,
): Promise<(Totals & { userId: string })[]> {
  const pks: string[] = [];
  for await (const page of ctx.queryPages({
    IndexName: GSI1,
    KeyConditionExpression: 'gsi1pk = :b',
    ExpressionAttributeValues: { ':b': keys.board(tenant, 'all') },
  })) {
    pks.push(...(page.Items ?? []).map((i) => String(i.pk)));
  }
  const out: (Totals & { userId: string })[] = [];
  for (let i = 0; i < pks.length; i += 100) {
    let keysLeft: Record<string, unknown>[] = pks
      .slice(i, i + 100)
      .map((pk) => ({ pk, sk: keys.totals }));
    while (keysLeft.length > 0) {
      const result = await ctx.call(() =>
        ctx.send(new BatchGetCommand({ RequestItems: { [ctx.table]: { Keys: keysLeft } } })),
      );
      for (const item of (result.Responses?.[ctx.table] ?? []) as Record<string, unknown>[]) {
        out.push({ ...toTotals(item), userId: userIdFromPk(String(item.pk)) });
      }
      keysLeft = (result.UnprocessedKeys?.[ctx.table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return out;
}
