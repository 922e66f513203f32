import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from './dynamo-context.js';
import { type BoardKey, keys, type Tenant, userIdFromPk } from './keys.js';
import type { BoardEntry } from './records.js';
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
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ctx.call(() =>
      ctx.send(
        new QueryCommand({
          TableName: ctx.table,
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :b AND gsi1sk > :p',
          ExpressionAttributeValues: { ':b': keys.board(tenant, board), ':p': points },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      ),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}
