import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.js';
import type { DynamoContext } from './dynamo-context.js';
import { toDailyRecord } from './item-mapping.js';
import { keys, type Tenant } from './keys.js';
import type { DailyRecord } from './records.js';

export interface CountEditClaim {
  channelId: string;
  date: string;
  /** Now, in epoch milliseconds, from the caller's (injectable) clock. */
  nowMs: number;
  /** No other edit of this message may have been claimed within this long before `nowMs`. */
  intervalMs: number;
}

/** What the claimed edit shows: the question as it stands, and the one its post revealed. */
export interface CountEditGrant {
  daily: DailyRecord;
  previous?: DailyRecord;
  /** The channel's newest question date now: a newer one means this question has closed. */
  latestDate?: string;
}

/**
 * Claims the right to edit a daily question's channel message now, so that however many
 * Lambdas answer clicks at once, the message is edited at most once per `intervalMs`: one
 * conditional write on the daily item (`countShownAt`), which also returns the item with its
 * answer count as committed so far. Then, only for the winner, one BatchGet for the previous
 * question (the post's reveal, to redraw it) and the channel's latest date.
 *
 * A plain UpdateItem on purpose, not a transaction: a transaction touching the daily item
 * could cancel a concurrent answer's scoring transaction (transaction-vs-transaction
 * conflict), while a plain write that meets one fails itself and leaves the answer alone.
 * That is also why "still the latest question" is read back afterwards rather than made a
 * condition: conditions cannot look at another item outside a transaction.
 *
 * Returns undefined when another edit was claimed too recently, or the question was never
 * marked posted.
 */
export async function claimDailyCountEdit(
  ctx: DynamoContext,
  tenant: Tenant,
  claim: CountEditClaim,
): Promise<CountEditGrant | undefined> {
  const pk = keys.channel(tenant, claim.channelId);
  let item: Record<string, unknown> | undefined;
  try {
    const result = await ctx.db.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk, sk: keys.daily(claim.date) },
        UpdateExpression: 'SET countShownAt = :now',
        ConditionExpression:
          '#status = :posted AND (attribute_not_exists(countShownAt) OR countShownAt <= :cutoff)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':now': claim.nowMs,
          ':cutoff': claim.nowMs - claim.intervalMs,
          ':posted': 'posted',
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    item = result.Attributes;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw new StoreUnavailableError(error);
  }
  if (!item) return undefined;
  const daily = toDailyRecord(item);
  const latestKey = { pk, sk: keys.latest };
  const previousKey = daily.prevDate ? { pk, sk: keys.daily(daily.prevDate) } : undefined;
  const read = await ctx.call(() =>
    ctx.db.send(
      new BatchGetCommand({
        RequestItems: {
          [ctx.table]: {
            Keys: previousKey ? [latestKey, previousKey] : [latestKey],
            ConsistentRead: true,
          },
        },
      }),
    ),
  );
  const items = (read.Responses?.[ctx.table] ?? []) as Record<string, unknown>[];
  const latest = items.find((i) => i.sk === keys.latest)?.date;
  const previous = previousKey && items.find((i) => i.sk === previousKey.sk);
  return {
    daily,
    ...(previous ? { previous: toDailyRecord(previous) } : {}),
    ...(typeof latest === 'string' ? { latestDate: latest } : {}),
  };
}
